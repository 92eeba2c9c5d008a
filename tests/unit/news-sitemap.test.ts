/**
 * @jest-environment jsdom
 */
// jsdom for its DOMParser: the sitemap is read back as namespaced XML.
import type { NewsArticle } from '@/lib/content'
import { NEWS_SITEMAP_LIMIT, NEWS_WINDOW_MS, newsLanguage, newsSitemapXml, selectNewsArticles } from '@/lib/syndication/news-sitemap'

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const NEWS = 'http://www.google.com/schemas/sitemap-news/0.9'
const SITE = 'https://news.example.com'
const NOW = new Date('2026-11-28T12:00:00Z')
const HOUR = 60 * 60 * 1000

const at = (msBeforeNow: number) => new Date(NOW.getTime() - msBeforeNow).toISOString()
const news = (slug: string, publishedAt: string, fields: Partial<NewsArticle> = {}): NewsArticle => ({
  _id: `article-${slug}`,
  headline: `Headline ${slug}`,
  slug,
  publishedAt,
  ...fields,
})

function build(articles: NewsArticle[], now = NOW) {
  const xml = newsSitemapXml(articles, {
    siteUrl: SITE,
    publicationName: 'The Meridian Ledger',
    siteLanguage: 'en',
    timeZone: 'Asia/Shanghai',
    now,
  })
  const doc = new DOMParser().parseFromString(xml, 'application/xml')
  const error = doc.getElementsByTagName('parsererror')[0]
  if (error) throw new Error(`Not well-formed XML: ${error.textContent}\n${xml}`)
  return Array.from(doc.getElementsByTagNameNS(NS, 'url')).map((url) => {
    const one = (ns: string, name: string) => url.getElementsByTagNameNS(ns, name)[0]?.textContent ?? undefined
    return {
      loc: one(NS, 'loc'),
      name: one(NEWS, 'name'),
      language: one(NEWS, 'language'),
      date: one(NEWS, 'publication_date'),
      title: one(NEWS, 'title'),
    }
  })
}

describe('news sitemap rules', () => {
  it('lists articles first published in the two days before now, and none from the future', () => {
    expect(NEWS_WINDOW_MS).toBe(48 * HOUR)
    const entries = build([
      news('just-now', at(60_000)),
      news('edge-inside', at(NEWS_WINDOW_MS)),
      news('edge-outside', at(NEWS_WINDOW_MS + 1)),
      news('last-week', at(7 * 24 * HOUR)),
      news('scheduled', at(-HOUR)),
    ])
    expect(entries.map((e) => e.loc)).toEqual([`${SITE}/articles/just-now`, `${SITE}/articles/edge-inside`])
  })

  it('moves with the injected now', () => {
    const articles = [news('a', '2026-11-20T00:00:00Z')]
    expect(build(articles, new Date('2026-11-21T00:00:00Z'))).toHaveLength(1)
    expect(build(articles, new Date('2026-11-23T00:00:00Z'))).toHaveLength(0)
  })

  it('keeps the 1,000 newest, newest first, whatever order they come in', () => {
    expect(NEWS_SITEMAP_LIMIT).toBe(1000)
    // 1,500 articles a minute apart, shuffled deterministically.
    const generated = Array.from({ length: 1500 }, (_, i) => news(`n${i}`, at(i * 60_000 + 1000)))
    const shuffled = generated
      .map((a, i) => ({ a, key: (i * 7919) % 1500 }))
      .sort((x, y) => x.key - y.key)
      .map((x) => x.a)
    const entries = build(shuffled)
    expect(entries).toHaveLength(1000)
    expect(entries.map((e) => e.loc)).toEqual(generated.slice(0, 1000).map((a) => `${SITE}/articles/${a.slug}`))
  })

  it('uses the first publication as publication_date, never the update, and leaves out old articles updated lately', () => {
    const entries = build([
      news('updated', '2026-11-28T01:00:00Z', { updatedAt: '2026-11-28T11:00:00Z' }),
      news('old-but-updated', '2026-11-01T00:00:00Z', { updatedAt: '2026-11-28T11:30:00Z' }),
    ])
    expect(entries).toHaveLength(1)
    expect(entries[0].date).toBe('2026-11-28T09:00:00+08:00')
  })

  it('names the publication, the language (zh-Hans as zh-cn) and the title of each article', () => {
    const entries = build([
      news('english', at(HOUR), { headline: 'Rates & "risks" <analysis>' }),
      news('chinese', at(2 * HOUR), { language: 'zh-Hans', headline: '平潭档案数字化' }),
      news('british', at(3 * HOUR), { language: 'en-GB' }),
    ])
    expect(entries).toEqual([
      expect.objectContaining({ name: 'The Meridian Ledger', language: 'en', title: 'Rates & "risks" <analysis>' }),
      expect.objectContaining({ name: 'The Meridian Ledger', language: 'zh-cn', title: '平潭档案数字化' }),
      expect.objectContaining({ language: 'en' }),
    ])
  })

  it('is a valid, empty urlset when nothing is recent', () => {
    expect(build([news('old', '2022-09-26T00:55:00Z')])).toEqual([])
  })
})

describe('newsLanguage', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['zh-Hans', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh', 'zh-cn'],
    ['zh-Hant', 'zh-tw'],
    ['zh-Hant-HK', 'zh-tw'],
    ['zh-TW', 'zh-tw'],
    ['fr', 'fr'],
  ])('maps %s to %s', (tag, expected) => expect(newsLanguage(tag)).toBe(expected))
})

describe('selectNewsArticles', () => {
  it('takes its window and limit as options', () => {
    const articles = [news('a', at(HOUR)), news('b', at(2 * HOUR)), news('c', at(3 * HOUR))]
    expect(selectNewsArticles(articles, NOW, { windowMs: 2.5 * HOUR }).map((a) => a.slug)).toEqual(['a', 'b'])
    expect(selectNewsArticles(articles, NOW, { limit: 1 }).map((a) => a.slug)).toEqual(['a'])
  })
})
