import { fixtureDocuments, toNdjson } from '../fixtures/dataset'
import { createLocalSource } from '@/lib/content/sources/local'
import { parseNdjsonDataset } from '@/lib/content/sources/ndjson'

// The content module reads the configured source; here it is the fixture dataset.
jest.mock('@/lib/content/sources', () => {
  const fixture = parseNdjsonDataset(toNdjson(fixtureDocuments()), '/fixture')
  return { contentSource: () => createLocalSource(fixture) }
})

import { getArticle, getFrontPage, getSiteChrome, listArticleSlugs, listByPerson, listBySection, listLatest } from '@/lib/content'

let warn: jest.SpyInstance
let error: jest.SpyInstance
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  error = jest.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => jest.restoreAllMocks())

describe('getArticle', () => {
  it('returns the article with its section, bylines in order, source and reading time override', async () => {
    const article = await getArticle('markets-rally')
    expect(article).toMatchObject({
      headline: 'Markets rally',
      section: { title: 'Business', slug: 'business' },
      source: { name: 'Seetao', url: 'https://example.com/original' },
      updatedAt: '2026-11-01T05:30:00Z',
      readingTimeMinutes: 11,
    })
    expect(article?.bylines.map((b) => [b.role, b.person.name])).toEqual([
      ['author', 'Ada Reporter'],
      ['photographer', 'Tom Lens'],
      ['editor', 'He Yuting'],
    ])
  })

  it('dereferences the hero image asset from the exported file name', async () => {
    const article = await getArticle('world-story-1')
    expect(article?.heroImage).toMatchObject({ alt: 'Hero 1', asset: { _id: 'image-0a1b2c3d-1600x900-jpg', width: 1600, height: 900 } })
  })

  it('computes reading time from the body when there is no override', async () => {
    expect((await getArticle('world-story-1'))?.readingTimeMinutes).toBe(1)
  })

  it('serves the published version, not the draft, by default', async () => {
    expect((await getArticle('rates-hold-steady'))?.headline).toBe('Rates hold steady')
    expect(await getArticle('secret-scoop')).toBeUndefined()
  })

  it('overlays drafts in the drafts perspective, including a draft-only article', async () => {
    expect((await getArticle('rates-hold-steady', { perspective: 'drafts' }))?.headline).toBe('Rates hold steady (draft edit)')
    expect((await getArticle('secret-scoop', { perspective: 'drafts' }))?.headline).toBe('Secret scoop')
  })

  it('answers undefined for an unknown slug without logging', async () => {
    expect(await getArticle('no-such-story')).toBeUndefined()
    expect(error).not.toHaveBeenCalled()
  })

  it('answers undefined and logs an error naming the _id and the path for an invalid document', async () => {
    expect(await getArticle('broken-headline')).toBeUndefined()
    expect(error).toHaveBeenCalledTimes(1)
    expect(error.mock.calls[0][0]).toMatch(/article-broken-headline.*headline/)
  })
})

describe('listings', () => {
  it('pages a section 20 articles at a time, newest first, with the page count', async () => {
    const first = await listBySection('world')
    expect(first?.owner.title).toBe('World')
    // 25 World articles, 20 a page; the two broken ones, both on page 1, degrade only themselves.
    expect(first?.total).toBe(25)
    expect(first?.totalPages).toBe(2)
    expect(first?.items).toHaveLength(18)
    const second = await listBySection('world', { page: 2 })
    const headlines = second?.items.map((card) => card.headline)
    expect(headlines).toEqual(['World story 5', 'World story 4', 'World story 3', 'World story 2', 'World story 1'])
    expect(second?.items.every((card) => card.section?.slug === 'world')).toBe(true)
  })

  it('leaves out an invalid document with one warning naming its _id and the failing path', async () => {
    const all = [...(await listBySection('world'))!.items, ...(await listBySection('world', { page: 2 }))!.items]
    expect(all.map((card) => card._id)).not.toContain('article-broken-date')
    expect(all.map((card) => card._id)).not.toContain('article-broken-headline')
    const messages = warn.mock.calls.map((call) => String(call[0]))
    expect(messages.filter((m) => m.includes('article-broken-date') && m.includes('publishedAt'))).toHaveLength(1)
  })

  it('answers undefined for a page out of range, and page 1 of an empty section', async () => {
    expect(await listBySection('world', { page: 3 })).toBeUndefined()
    expect(await listBySection('world', { page: 0 })).toBeUndefined()
    expect(await listBySection('nowhere')).toBeUndefined()
    expect(await listBySection('empty')).toMatchObject({ items: [], page: 1, totalPages: 1 })
  })

  it('lists a person’s articles in every role', async () => {
    const he = await listByPerson('he-yuting')
    expect(he?.owner.name).toBe('He Yuting')
    expect(he?.items.map((card) => card.slug)).toEqual(['markets-rally'])
    const tom = await listByPerson('tom-lens')
    expect(tom?.items.map((card) => card.slug)).toEqual(['rates-hold-steady', 'markets-rally'])
  })

  it('lists the latest articles across sections', async () => {
    const page = await listLatest()
    expect(page?.items[0].slug).toBe('rates-hold-steady')
    expect(page?.items[0].authors.map((a) => a.name)).toEqual(['Tom Lens'])
  })

  it('builds a front page with a lead, latest articles and section rows without repeats', async () => {
    const front = await getFrontPage()
    expect(front.lead?.slug).toBe('rates-hold-steady')
    const shown = [front.lead!, ...front.latest, ...front.sections.flatMap((row) => row.articles)].map((c) => c._id)
    expect(new Set(shown).size).toBe(shown.length)
    expect(front.sections.map((row) => row.section.slug)).toEqual(['world'])
  })

  it('reads the settings and the sections in navigation order', async () => {
    const chrome = await getSiteChrome()
    expect(chrome.settings).toMatchObject({ title: 'Fixture Times', timeZone: 'Asia/Shanghai' })
    expect(chrome.sections.map((s) => s.slug)).toEqual(['world', 'business', 'empty'])
  })

  it('lists published slugs only', async () => {
    const slugs = await listArticleSlugs()
    expect(slugs).toContain('markets-rally')
    expect(slugs).not.toContain('secret-scoop')
  })
})
