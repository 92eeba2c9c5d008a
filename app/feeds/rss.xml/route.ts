import { feedResponse } from '@/lib/syndication/responses'

export const revalidate = 300

/** The site's RSS feed: the newest articles. */
export function GET() {
  return feedResponse('rss', { kind: 'site' })
}
