import { feedResponse } from '@/lib/syndication/responses'

export const revalidate = 300

/** The site's JSON Feed: the newest articles. */
export function GET() {
  return feedResponse('json', { kind: 'site' })
}
