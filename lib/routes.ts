/** The site's URL scheme, in one place. Page 1 of a listing has no /page/ segment. */
const paged = (base: string, page = 1) => (page > 1 ? `${base}/page/${page}` : base)

/** What a feed covers: the whole site, one section, one person's articles, or the corrections. */
export type FeedScope = { kind: 'site' } | { kind: 'section'; slug: string } | { kind: 'person'; slug: string } | { kind: 'corrections' }
export type FeedFormat = 'rss' | 'atom' | 'json'
const FEED_FILES: Record<FeedFormat, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' }

function feedBase(scope: FeedScope) {
  if (scope.kind === 'site') return '/feeds'
  if (scope.kind === 'corrections') return '/corrections'
  return scope.kind === 'section' ? `/sections/${encodeURIComponent(scope.slug)}` : `/people/${encodeURIComponent(scope.slug)}`
}

export const routes = {
  home: () => '/',
  latest: (page?: number) => paged('/latest', page),
  /** Every correction, newest first; its feeds are /corrections/rss.xml, atom.xml and feed.json. */
  corrections: (page?: number) => paged('/corrections', page),
  article: (slug: string) => `/articles/${encodeURIComponent(slug)}`,
  /** The generated share image (app/(site)/articles/[slug]/share-card/route.tsx). */
  articleShareImage: (slug: string) => `/articles/${encodeURIComponent(slug)}/share-card`,
  section: (slug: string, page?: number) => paged(`/sections/${encodeURIComponent(slug)}`, page),
  person: (slug: string, page?: number) => paged(`/people/${encodeURIComponent(slug)}`, page),
  tag: (tag: string, page?: number) => paged(`/tags/${encodeURIComponent(tag)}`, page),
  search: (query?: string, page?: number) => {
    const params = new URLSearchParams()
    if (query) params.set('q', query)
    if (page && page > 1) params.set('page', String(page))
    const search = params.toString()
    return search ? `/search?${search}` : '/search'
  },
  feed: (format: FeedFormat, scope: FeedScope = { kind: 'site' }) => `${feedBase(scope)}/${FEED_FILES[format]}`,
  /** A shareable preview link (lib/preview/token.ts makes the token). */
  preview: (token: string) => `/preview/${token}`,
  sitemap: () => '/sitemap.xml',
  /** One child of the sitemap index: `/sitemaps/articles-1.xml`, numbered from 1. */
  sitemapPart: (group: string, n: number) => `/sitemaps/${encodeURIComponent(group)}-${n}.xml`,
  newsSitemap: () => '/news-sitemap.xml',
}

/**
 * Reads the page number of a /page/<n> segment. Only canonical numbers count
 * ("2", not "02" or "2.0"); page 1 lives at the listing's own URL.
 */
export function parsePageParam(value: string): number | undefined {
  if (!/^[1-9][0-9]{0,5}$/.test(value)) return undefined
  const page = Number(value)
  return page >= 2 ? page : undefined
}
