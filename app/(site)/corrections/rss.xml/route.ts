import { feedResponse } from '@/lib/syndication/responses'

export const revalidate = 300

/** The corrections as an RSS feed, newest first. */
export function GET() {
  return feedResponse('rss', { kind: 'corrections' })
}
