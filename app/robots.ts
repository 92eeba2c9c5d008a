import type { MetadataRoute } from 'next'
import { readConfig } from '@/lib/env'
import { routes } from '@/lib/routes'

/** Everything may be crawled except the Studio, the API and preview links; both sitemaps named. */
export default function robots(): MetadataRoute.Robots {
  const { siteUrl } = readConfig()
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/studio', '/api', '/preview'] },
    sitemap: [`${siteUrl}${routes.sitemap()}`, `${siteUrl}${routes.newsSitemap()}`],
  }
}
