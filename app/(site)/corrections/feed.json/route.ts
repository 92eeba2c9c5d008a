import { feedResponse } from '@/lib/syndication/responses'

export const revalidate = 300

/** The corrections as a JSON Feed, newest first. */
export function GET() {
  return feedResponse('json', { kind: 'corrections' })
}
