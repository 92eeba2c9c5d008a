import { fixtureDocuments, toNdjson } from '../fixtures/dataset'
import { createLocalSource } from '@/lib/content/sources/local'
import { parseNdjsonDataset } from '@/lib/content/sources/ndjson'
import type { ContentSource } from '@/lib/content/sources/types'

// The content module reads the configured source: the fixture dataset, with every call recorded.
const calls: { query: string; params: Record<string, unknown>; uncached?: boolean }[] = []
jest.mock('@/lib/content/sources', () => {
  const fixture = parseNdjsonDataset(toNdjson(fixtureDocuments()), '/fixture')
  const source: ContentSource = createLocalSource(fixture)
  return {
    contentSource: () => ({
      fetch: (query: string, params: Record<string, unknown>, options: { uncached?: boolean }) => {
        calls.push({ query, params, uncached: options.uncached })
        return source.fetch(query, params, options as never)
      },
    }),
  }
})

import { getArticle, getRelatedArticles, listByTag, listTags, searchArticles } from '@/lib/content'
import { SEARCH_QUERY } from '@/lib/content/queries'
import { MAX_QUERY_LENGTH } from '@/lib/search-terms'

let warn: jest.SpyInstance
let error: jest.SpyInstance
beforeEach(() => {
  calls.length = 0
  warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  error = jest.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => jest.restoreAllMocks())

const slugsOf = (items: { slug: string }[]) => items.map((item) => item.slug)

describe('searchArticles', () => {
  it('finds a word in headlines, standfirsts and bodies, headline first, then standfirst, then body', async () => {
    const result = await searchArticles('markets')
    // "Markets rally" (headline), story 8 (standfirst), story 7 (body). Tags are not searched.
    expect(slugsOf(result.items)).toEqual(['markets-rally', 'world-story-8', 'world-story-7'])
    expect(result).toMatchObject({ total: 3, page: 1, totalPages: 1, query: { text: 'markets', terms: ['markets'] } })
  })

  it('matches the beginnings of words, case-insensitively', async () => {
    expect(slugsOf((await searchArticles('MARK')).items)).toEqual(['markets-rally', 'world-story-8', 'world-story-7'])
    expect(slugsOf((await searchArticles('harb')).items)).toEqual(['world-story-8'])
    // Not the middle of a word.
    expect((await searchArticles('arkets')).total).toBe(0)
  })

  it('searches key points', async () => {
    expect(slugsOf((await searchArticles('festival')).items)).toEqual(['world-story-9'])
  })

  it('needs every word, wherever each one is', async () => {
    // "Markets" in the standfirst, "story" in the headline and body.
    expect(slugsOf((await searchArticles('story markets harbour')).items)).toEqual(['world-story-8'])
    expect((await searchArticles('markets zebra')).total).toBe(0)
  })

  it('finds accented words and text in scripts written without spaces', async () => {
    expect(slugsOf((await searchArticles('ZURICH')).items)).toEqual([])
    expect(slugsOf((await searchArticles('zürich')).items)).toEqual(['world-story-9'])
    expect(slugsOf((await searchArticles('STRASSE')).items)).toEqual([])
    expect(slugsOf((await searchArticles('straße')).items)).toEqual(['world-story-9'])
    expect(slugsOf((await searchArticles('评弹')).items)).toEqual(['world-story-10'])
  })

  it('pages 20 results at a time, best first, and leaves out invalid documents', async () => {
    // "story": 23 World stories and both Business articles in their bodies, 23 of them in
    // their headlines, and the two broken documents.
    const first = await searchArticles('story')
    expect(first.total).toBe(27)
    expect(first.totalPages).toBe(2)
    // 20 a page; "World story 28", whose date is not a date, is left out of page 1.
    expect(first.items).toHaveLength(19)
    expect(slugsOf(first.items)).not.toContain('broken-date')
    // Headline matches first, newest first among equals.
    expect(first.items[0].slug).toBe('world-story-23')
    expect(first.items.every((card) => card.headline.startsWith('World story'))).toBe(true)

    const second = await searchArticles('story', { page: 2 })
    expect(second.page).toBe(2)
    const slugs = slugsOf(second.items)
    expect(slugs).not.toContain('broken-headline')
    expect(slugs).toEqual(expect.arrayContaining(['markets-rally', 'rates-hold-steady']))
    // No article on both pages.
    expect(slugs.filter((slug) => slugsOf(first.items).includes(slug))).toEqual([])
    const warnings = warn.mock.calls.map((call) => String(call[0]))
    expect(warnings.filter((m) => m.includes('article-broken-headline'))).toHaveLength(1)
    expect(warnings.filter((m) => m.includes('article-broken-date'))).toHaveLength(1)
  })

  it('answers an empty page past the end, not an error', async () => {
    const past = await searchArticles('markets', { page: 5 })
    expect(past).toMatchObject({ items: [], page: 5, totalPages: 1, total: 3 })
  })

  it('never shows drafts', async () => {
    expect((await searchArticles('secret scoop')).total).toBe(0)
  })

  it('runs no query when there is nothing to search for', async () => {
    for (const input of [undefined, '', '   ', '*', '||', '"', '->', ']', '$', '\u0000\u0007']) {
      const result = await searchArticles(input)
      expect(result).toMatchObject({ items: [], total: 0, page: 1, totalPages: 1, query: { terms: [] } })
    }
    expect(calls).toHaveLength(0)
  })

  it.each([
    '*',
    '"',
    "'",
    '||',
    ']',
    '$',
    '->',
    '*[_type == "person"]',
    'story") || true || ("',
    '"] | order(_score asc) [0...100] {"x": *[_type=="person"]} //',
    'story $terms $start',
    '\\" + *[_id == "siteSettings"][0].title + \\"',
  ])('treats %p as words to look for, never as GROQ', async (input) => {
    const result = await searchArticles(input)
    // Every result is an article that really contains the words, never a person or settings.
    for (const card of result.items) expect(card.slug).toMatch(/^[a-z0-9-]+$/)
    for (const { query, params } of calls) {
      expect(query).toBe(SEARCH_QUERY)
      const terms = params.terms as string[]
      for (const term of terms) expect(term).toMatch(/^\*?[\p{L}\p{N}\p{M}]+\*$/u)
    }
    expect(error).not.toHaveBeenCalled()
  })

  it('searches the words of an injection attempt like any other words', async () => {
    // "story" and "true": no article has both.
    expect((await searchArticles('story") || true || ("')).total).toBe(0)
    // Only the word "story" is left: the same results as searching "story".
    expect((await searchArticles('story*||"]')).total).toBe(27)
  })

  it('cuts a very long query and says so', async () => {
    const result = await searchArticles(`markets ${'x'.repeat(6000)}`)
    expect(result.query.truncated).toBe(true)
    expect(result.query.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
    expect(result.total).toBe(0)
  })

  it('keeps nothing of a search in the parsed-query cache', async () => {
    await searchArticles('markets')
    expect(calls.map((call) => call.uncached)).toEqual([true])
  })
})

describe('listByTag', () => {
  it('lists the articles carrying a tag, newest first, published only', async () => {
    const page = await listByTag('shipping')
    // Also on the draft-only "Secret scoop" and the broken document, neither of which is listed.
    expect(slugsOf(page!.items)).toEqual(['markets-rally', 'world-story-4', 'world-story-3'])
  })

  it('pages 20 at a time', async () => {
    const first = await listByTag('daily')
    expect(first).toMatchObject({ total: 23, totalPages: 2, page: 1 })
    expect(first!.items).toHaveLength(20)
    const second = await listByTag('daily', { page: 2 })
    expect(slugsOf(second!.items)).toEqual(['world-story-3', 'world-story-2', 'world-story-1'])
  })

  it('answers undefined for an unknown tag and for a page out of range', async () => {
    expect(await listByTag('no-such-tag')).toBeUndefined()
    expect(await listByTag('Shipping')).toBeUndefined()
    expect(await listByTag('shipping', { page: 2 })).toBeUndefined()
    expect(await listByTag('shipping', { page: 0 })).toBeUndefined()
  })

  it('lists every tag of a published article once', async () => {
    const tags = await listTags()
    expect([...tags].sort()).toEqual(['daily', 'markets', 'ports', 'rates', 'shipping'])
  })
})

describe('getRelatedArticles', () => {
  it('answers articles sharing tags or the section, most shared tags first, never the article itself', async () => {
    const article = (await getArticle('markets-rally'))!
    const related = await getRelatedArticles(article)
    // Story 4 shares two tags; "Rates hold steady" one and the section; story 3 one tag.
    expect(slugsOf(related)).toEqual(['world-story-4', 'rates-hold-steady', 'world-story-3'])
    expect(slugsOf(related)).not.toContain('markets-rally')
  })

  it('answers at most four, and includes the same section without shared tags', async () => {
    const article = (await getArticle('world-story-6'))!
    const related = await getRelatedArticles(article)
    expect(related).toHaveLength(4)
    // Story 3 shares "ports" and "daily"; the rest share "daily" and the section: the newest.
    expect(slugsOf(related)).toEqual(['world-story-3', 'world-story-23', 'world-story-22', 'world-story-21'])
    expect(slugsOf(related)).not.toContain('world-story-6')
  })

  it('answers the section’s articles for an article without tags, and nothing from drafts', async () => {
    const related = await getRelatedArticles({ _id: 'article-biz-2', section: { _id: 'section-business' }, tags: [] })
    expect(slugsOf(related)).toEqual(['markets-rally'])
  })

  it('answers nothing for an article with neither section nor tags', async () => {
    expect(await getRelatedArticles({ _id: 'article-lonely', tags: [] })).toEqual([])
  })
})
