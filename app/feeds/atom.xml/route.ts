import { feedResponse } from '@/lib/syndication/responses'

export const revalidate = 300

/** The site's Atom feed: the newest articles. */
export function GET() {
  return feedResponse('atom', { kind: 'site' })
}
