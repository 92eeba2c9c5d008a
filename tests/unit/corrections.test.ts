/**
 * Corrections through the content layer, on the fixture dataset with corrections added: what an
 * article page, /corrections, its feed, the sitemaps and the JSON-LD read.
 */
import type { QueryParams } from '@/lib/content/sources/types'

/** The cache tags of every read, to show that /corrections expires with any article change. */
const mockReads: { query: string; tags: string[] }[] = []

jest.mock('@/lib/content/sources', () => {
  const { fixtureDocuments, toNdjson } = jest.requireActual('../fixtures/dataset')
  const { createLocalSource } = jest.requireActual('@/lib/content/sources/local')
  const { parseNdjsonDataset } = jest.requireActual('@/lib/content/sources/ndjson')
  const correction = (key: string, date: unknown, text: unknown) => ({ _key: key, _type: 'correction', date, text })
  const corrected: Record<string, object[]> = {
    // Updated at 05:30; the newer correction (07:00 UTC, written at -05:00 so that its text sorts before the older one's) is the later change. One without
    // a date and one without text are left out, and do not hide the others.
    'article-biz-1': [
      correction('c1', '2026-11-01T03:00:00Z', 'The first figure was wrong.'),
      correction('c2', '2026-11-01T02:00:00-05:00', 'The second name was misspelt.'),
      correction('c3', 'soon', 'No date.'),
      correction('c4', '2026-11-01T06:00:00Z', '  '),
    ],
    // No editor's update time: the correction alone is the update.
    'article-biz-2': [correction('c1', '2026-11-02T04:00:00Z', 'The rate was 4.5%, not 5.4%.')],
    // A correction older than the editor's update does not move the update back.
    'article-1': [correction('c1', '2026-10-02T02:00:00Z', 'A caption named the wrong port.')],
    // Published, but invalid itself (no headline): its correction is left out of /corrections, nothing else.
    'article-broken-headline': [correction('c1', '2026-11-05T00:00:00Z', 'Of a broken article.')],
  }
  const updated: Record<string, string> = { 'article-1': '2026-10-05T00:00:00Z' }
  const documents = fixtureDocuments().map((doc: { _id: string }) => ({
    ...doc,
    ...(corrected[doc._id] ? { corrections: corrected[doc._id] } : {}),
    ...(updated[doc._id] ? { updatedAt: updated[doc._id] } : {}),
  }))
  const source = createLocalSource(parseNdjsonDataset(toNdjson(documents), '/fixture'))
  return {
    contentSource: () => ({
      ...source,
      fetch: (query: string, params: QueryParams, options: { tags: string[] }) => {
        mockReads.push({ query, tags: options.tags })
        return source.fetch(query, params, options)
      },
    }),
  }
})

import { getArticle, getSiteChrome, getSitemapContent, listCorrections, listFeedItems, listLatest } from '@/lib/content'
import { CORRECTIONS_QUERY } from '@/lib/content/queries'
import { newsArticleJsonLd } from '@/lib/seo/structured-data'

beforeEach(() => {
  // The fixture holds broken documents on purpose; the content layer warns about them.
  jest.spyOn(console, 'warn').mockImplementation(() => {})
  jest.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => jest.restoreAllMocks())

describe('an article with corrections', () => {
  it('carries its valid corrections newest first, and leaves out one without a date or text', async () => {
    const article = await getArticle('markets-rally')
    expect(article?.headline).toBe('Markets rally')
    expect(article?.corrections).toEqual([
      { _key: 'c2', date: '2026-11-01T02:00:00-05:00', text: 'The second name was misspelt.' },
      { _key: 'c1', date: '2026-11-01T03:00:00Z', text: 'The first figure was wrong.' },
    ])
  })

  it('is updated at its newest correction when that is later than the editor’s update time', async () => {
    expect((await getArticle('markets-rally'))?.updatedAt).toBe('2026-11-01T02:00:00-05:00')
    expect((await getArticle('rates-hold-steady'))?.updatedAt).toBe('2026-11-02T04:00:00Z')
  })

  it('keeps the editor’s update time when it is later than every correction', async () => {
    expect((await getArticle('world-story-1'))?.updatedAt).toBe('2026-10-05T00:00:00Z')
  })

  it('has no corrections and no update when it was never corrected', async () => {
    const article = await getArticle('world-story-2')
    expect(article?.corrections).toEqual([])
    expect(article?.updatedAt).toBeUndefined()
  })

  it('gives the same update time to cards, feeds and sitemaps', async () => {
    const cards = (await listLatest())?.items ?? []
    expect(cards.find((card) => card.slug === 'rates-hold-steady')?.updatedAt).toBe('2026-11-02T04:00:00Z')
    const feed = await listFeedItems({ kind: 'site' })
    expect(feed?.items.find((item) => item.slug === 'rates-hold-steady')?.updatedAt).toBe('2026-11-02T04:00:00Z')
    const sitemap = await getSitemapContent()
    expect(sitemap.articles.find((a) => a.slug === 'rates-hold-steady')?.updatedAt).toBe('2026-11-02T04:00:00Z')
    // The newest correction in the dataset, the broken article's included: the dataset did change then.
    expect(sitemap.correctedAt).toBe('2026-11-05T00:00:00Z')
  })

  it('puts each correction in its JSON-LD as a CorrectionComment, and dateModified at the newest', async () => {
    const article = await getArticle('markets-rally')
    const { settings } = await getSiteChrome()
    const ld = newsArticleJsonLd(article!, { siteUrl: 'https://news.example.com', settings }) as unknown as Record<string, unknown>
    expect(ld.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'The second name was misspelt.',
        datePublished: '2026-11-01T15:00+08:00',
        url: 'https://news.example.com/articles/markets-rally#corrections',
      },
      {
        '@type': 'CorrectionComment',
        text: 'The first figure was wrong.',
        datePublished: '2026-11-01T11:00+08:00',
        url: 'https://news.example.com/articles/markets-rally#corrections',
      },
    ])
    expect(ld.dateModified).toBe('2026-11-01T15:00+08:00')
    const plain = newsArticleJsonLd((await getArticle('world-story-2'))!, { siteUrl: 'https://news.example.com', settings })
    expect(plain).not.toHaveProperty('correction')
  })
})

describe('listCorrections', () => {
  it('lists every valid correction of a valid published article, newest first, each with its article', async () => {
    const listing = await listCorrections()
    expect(listing?.items.map((entry) => [entry.article.slug, entry._key, entry.date])).toEqual([
      ['rates-hold-steady', 'c1', '2026-11-02T04:00:00Z'],
      ['markets-rally', 'c2', '2026-11-01T02:00:00-05:00'],
      ['markets-rally', 'c1', '2026-11-01T03:00:00Z'],
      ['world-story-1', 'c1', '2026-10-02T02:00:00Z'],
    ])
    expect(listing?.items[0].article).toMatchObject({ headline: 'Rates hold steady', section: { title: 'Business', slug: 'business' } })
    // The broken article's correction is counted by the query but left out of the page, which still renders.
    expect(listing).toMatchObject({ page: 1, totalPages: 1 })
  })

  it('answers undefined for a page past the end', async () => {
    expect(await listCorrections({ page: 2 })).toBeUndefined()
  })

  it('is read under the article tag, so publishing any article change expires it and its feeds', async () => {
    mockReads.length = 0
    await listCorrections()
    await listFeedItems({ kind: 'corrections' })
    const reads = mockReads.filter((read) => read.query === CORRECTIONS_QUERY)
    expect(reads).toHaveLength(2)
    for (const read of reads) expect(read.tags).toContain('article')
  })

  it('is what the corrections feed lists, with the owner it is titled by', async () => {
    const feed = await listFeedItems({ kind: 'corrections' })
    expect(feed?.owner).toMatchObject({ kind: 'corrections', title: 'Corrections' })
    expect(feed?.items).toEqual([])
    expect(feed?.corrections?.map((entry) => entry.text)).toEqual((await listCorrections())?.items.map((entry) => entry.text))
  })
})
