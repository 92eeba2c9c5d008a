/**
 * @jest-environment jsdom
 */
// jsdom for its DOMParser: the sitemaps are read back as XML, not matched as text.
import type { SitemapArticle, SitemapContent } from '@/lib/content'
import { SITEMAP_URL_LIMIT, sitemapGroups, sitemapIndexXml, splitSitemaps, urlsetXml, type SitemapGroup, type SitemapUrl } from '@/lib/syndication/sitemap'

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const SITE = 'https://news.example.com'

function parseXml(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml')
  const error = doc.getElementsByTagName('parsererror')[0]
  if (error) throw new Error(`Not well-formed XML: ${error.textContent}\n${xml}`)
  return doc
}
const texts = (doc: Document | Element, name: string) => Array.from(doc.getElementsByTagNameNS(NS, name)).map((e) => e.textContent)

const urls = (n: number, day = 1): SitemapUrl[] =>
  Array.from({ length: n }, (_, i) => ({ path: `/articles/a-${i}`, lastmod: new Date(Date.UTC(2026, 10, day + i)).toISOString() }))

describe('splitSitemaps', () => {
  it('cuts each group into numbered children of at most the limit, in order, an empty group giving none', () => {
    const groups: SitemapGroup[] = [
      { group: 'pages', urls: urls(5) },
      { group: 'tags', urls: [] },
      { group: 'articles', urls: urls(7) },
    ]
    const parts = splitSitemaps(groups, 3)
    expect(parts.map((p) => [p.name, p.path, p.urls.length])).toEqual([
      ['pages-1', '/sitemaps/pages-1.xml', 3],
      ['pages-2', '/sitemaps/pages-2.xml', 2],
      ['articles-1', '/sitemaps/articles-1.xml', 3],
      ['articles-2', '/sitemaps/articles-2.xml', 3],
      ['articles-3', '/sitemaps/articles-3.xml', 1],
    ])
    // Nothing lost, nothing repeated, order kept.
    expect(parts.slice(2).flatMap((p) => p.urls)).toEqual(groups[2].urls)
  })

  it('gives each child the newest lastmod of its own URLs, and none when its URLs have none', () => {
    const mixed: SitemapUrl[] = [
      { path: '/a', lastmod: '2026-11-02T00:00:00Z' },
      { path: '/b', lastmod: '2026-11-05T00:00:00+08:00' },
      { path: '/c' },
      { path: '/d' },
    ]
    const [first, second] = splitSitemaps([{ group: 'pages', urls: mixed }], 2)
    expect(first.lastmod).toBe('2026-11-05T00:00:00+08:00')
    expect(second.lastmod).toBeUndefined()
  })

  it('splits at the protocol limit of 50,000 URLs by default', () => {
    expect(SITEMAP_URL_LIMIT).toBe(50_000)
    const many = Array.from({ length: SITEMAP_URL_LIMIT + 1 }, (_, i) => ({ path: `/articles/${i}` }))
    expect(splitSitemaps([{ group: 'articles', urls: many }]).map((p) => p.urls.length)).toEqual([50_000, 1])
    expect(splitSitemaps([{ group: 'articles', urls: many.slice(1) }])).toHaveLength(1)
  })

  it('refuses a limit below one', () => {
    expect(() => splitSitemaps([{ group: 'pages', urls: urls(1) }], 0)).toThrow(RangeError)
  })
})

const article = (slug: string, fields: Partial<SitemapArticle> = {}): SitemapArticle => ({
  slug,
  headline: `Headline ${slug}`,
  publishedAt: '2026-11-01T00:00:00Z',
  people: [],
  tags: [],
  ...fields,
})

describe('sitemapGroups', () => {
  const content: SitemapContent = {
    articles: [
      article('updated', {
        publishedAt: '2026-11-03T00:00:00Z',
        updatedAt: '2026-11-10T09:00:00Z',
        section: 'world',
        people: ['ada'],
        tags: ['trade', 'climate'],
      }),
      article('plain', { publishedAt: '2026-11-04T00:00:00Z', section: 'world', people: ['tom', 'ada'], tags: ['trade'] }),
      article('old', { publishedAt: '2022-09-26T00:55:00Z', section: 'business', tags: ['central asia'] }),
    ],
    sections: ['world', 'business', 'empty'],
    people: ['ada', 'tom', 'nobody'],
    correctedAt: '2026-11-05T12:00:00Z',
  }
  // The distinct tags as listTags reads them; 'orphan' is on no article this test knows of.
  const [pages, articles] = sitemapGroups(content, ['trade', 'climate', 'central asia', 'trade', 'orphan'])
  const lastmodOf = (path: string) => pages.urls.find((u) => u.path === path)

  it('lists every article with updatedAt as its lastmod when set, else publishedAt', () => {
    expect(articles.group).toBe('articles')
    expect(articles.urls).toEqual([
      { path: '/articles/updated', lastmod: '2026-11-10T09:00:00Z' },
      { path: '/articles/plain', lastmod: '2026-11-04T00:00:00Z' },
      { path: '/articles/old', lastmod: '2022-09-26T00:55:00Z' },
    ])
  })

  it('lists the front page, latest, sections, people and each tag once, sorted', () => {
    expect(pages.urls.map((u) => u.path)).toEqual([
      '/',
      '/latest',
      '/corrections',
      '/sections/world',
      '/sections/business',
      '/sections/empty',
      '/people/ada',
      '/people/tom',
      '/people/nobody',
      '/tags/central%20asia',
      '/tags/climate',
      '/tags/orphan',
      '/tags/trade',
    ])
  })

  it('dates a listing by the newest change among its articles, and leaves an empty one undated', () => {
    expect(lastmodOf('/')?.lastmod).toBe('2026-11-10T09:00:00Z')
    expect(lastmodOf('/latest')?.lastmod).toBe('2026-11-10T09:00:00Z')
    // The corrections page changes when a correction is made, not when an article is.
    expect(lastmodOf('/corrections')?.lastmod).toBe('2026-11-05T12:00:00Z')
    expect(lastmodOf('/sections/world')?.lastmod).toBe('2026-11-10T09:00:00Z')
    expect(lastmodOf('/sections/business')?.lastmod).toBe('2022-09-26T00:55:00Z')
    expect(lastmodOf('/people/tom')?.lastmod).toBe('2026-11-04T00:00:00Z')
    expect(lastmodOf('/tags/trade')?.lastmod).toBe('2026-11-10T09:00:00Z')
    expect(lastmodOf('/tags/central%20asia')?.lastmod).toBe('2022-09-26T00:55:00Z')
    expect(lastmodOf('/sections/empty')).toEqual({ path: '/sections/empty', lastmod: undefined })
    expect(lastmodOf('/people/nobody')?.lastmod).toBeUndefined()
    expect(lastmodOf('/tags/orphan')?.lastmod).toBeUndefined()
  })

  it('gives an empty site a front page, latest and corrections without dates', () => {
    const [emptyPages, emptyArticles] = sitemapGroups({ articles: [], sections: [], people: [] }, [])
    expect(emptyPages.urls).toEqual([{ path: '/' }, { path: '/latest' }, { path: '/corrections' }].map((u) => ({ ...u, lastmod: undefined })))
    expect(emptyArticles.urls).toEqual([])
  })
})

describe('sitemap XML', () => {
  it('writes a urlset with absolute, escaped locations and lastmod in the site zone with seconds', () => {
    const xml = urlsetXml([{ path: '/articles/a?b=1&c=2', lastmod: '2022-09-26T00:55:00Z' }, { path: '/sections/empty' }], {
      siteUrl: SITE,
      timeZone: 'Asia/Shanghai',
    })
    const doc = parseXml(xml)
    expect(doc.documentElement.localName).toBe('urlset')
    expect(doc.documentElement.namespaceURI).toBe(NS)
    expect(texts(doc, 'loc')).toEqual([`${SITE}/articles/a?b=1&c=2`, `${SITE}/sections/empty`])
    expect(texts(doc, 'lastmod')).toEqual(['2022-09-26T08:55:00+08:00'])
    const [, second] = Array.from(doc.getElementsByTagNameNS(NS, 'url'))
    expect(second.getElementsByTagNameNS(NS, 'lastmod')).toHaveLength(0)
  })

  it('writes an index naming each child with its lastmod', () => {
    const parts = splitSitemaps([{ group: 'articles', urls: urls(3, 10) }], 2)
    const doc = parseXml(sitemapIndexXml(parts, { siteUrl: SITE }))
    expect(doc.documentElement.localName).toBe('sitemapindex')
    expect(texts(doc, 'loc')).toEqual([`${SITE}/sitemaps/articles-1.xml`, `${SITE}/sitemaps/articles-2.xml`])
    expect(texts(doc, 'lastmod')).toEqual(['2026-11-11T00:00:00+00:00', '2026-11-12T00:00:00+00:00'])
  })
})
