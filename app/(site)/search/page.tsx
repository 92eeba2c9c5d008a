import type { Metadata } from 'next'
import { SearchResults } from '@/components/SearchResults'
import { getSiteChrome, searchArticles } from '@/lib/content'
import { routes } from '@/lib/routes'
import { parseSearchPage, parseSearchQuery } from '@/lib/search-terms'
import { pageMetadata } from '@/lib/seo/metadata'

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> }

/** Search pages answer readers, not search engines: never indexed (links on them are followed). */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams
  const { text } = parseSearchQuery(params.q)
  const metadata = await pageMetadata({
    path: routes.search(text, parseSearchPage(params.page)),
    title: text ? `Search: ${text}` : 'Search',
  })
  return { ...metadata, robots: { index: false, follow: true } }
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams
  const [results, { settings, sections }] = await Promise.all([searchArticles(params.q, { page: parseSearchPage(params.page) }), getSiteChrome()])
  return <SearchResults results={results} sections={sections} timeZone={settings.timeZone} />
}
