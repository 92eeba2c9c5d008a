import { sitemapIndexResponse } from '@/lib/syndication/responses'

export const revalidate = 300

/** The sitemap index: one entry per child sitemap under /sitemaps/. */
export function GET() {
  return sitemapIndexResponse()
}
