import { newsSitemapResponse } from '@/lib/syndication/responses'

// The two-day window is measured from each request.
export const dynamic = 'force-dynamic'

/** The Google News sitemap. */
export function GET() {
  return newsSitemapResponse(new Date())
}
