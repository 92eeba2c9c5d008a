import { feedResponse } from '@/lib/syndication/responses'

export const revalidate = 300

/** The corrections as an Atom feed, newest first. */
export function GET() {
  return feedResponse('atom', { kind: 'corrections' })
}
