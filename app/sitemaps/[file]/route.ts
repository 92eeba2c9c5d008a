import { sitemapPartFiles, sitemapPartResponse } from '@/lib/syndication/responses'

export const revalidate = 300

export function generateStaticParams() {
  return sitemapPartFiles()
}

/** A child sitemap of the index, e.g. /sitemaps/articles-1.xml. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  return sitemapPartResponse((await params).file)
}
