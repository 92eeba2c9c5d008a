import { fixtureDocuments, toNdjson } from '../fixtures/dataset'
import { createLocalSource } from '@/lib/content/sources/local'
import { parseNdjsonDataset } from '@/lib/content/sources/ndjson'

// The fixture dataset, plus 40 tagged Business articles so that the site feed has more than 50 to choose from.
jest.mock('@/lib/content/sources', () => {
  const { fixtureDocuments: docs, toNdjson: ndjson } = jest.requireActual('../fixtures/dataset')
  const extra = Array.from({ length: 40 }, (_, i) => ({
    _id: `article-extra-${i + 1}`,
    _type: 'article',
    headline: `Extra ${i + 1}`,
    slug: { _type: 'slug', current: `extra-${i + 1}` },
    section: { _type: 'reference', _ref: 'section-business' },
    bylines: [{ _key: 'b1', _type: 'byline', person: { _type: 'reference', _ref: 'person-he' }, role: 'editor' }],
    tags: i % 2 === 0 ? ['trade', 'markets'] : ['trade'],
    keyPoints: [`Key point of extra ${i + 1}`],
    // Two a day from 2026-09-01, all older than the fixture's own articles.
    publishedAt: new Date(Date.UTC(2026, 8, 1 + Math.floor(i / 2), i % 2 === 0 ? 2 : 9)).toISOString(),
  }))
  const fixture = parseNdjsonDataset(ndjson([...docs(), ...extra]), '/fixture')
  return { contentSource: () => createLocalSource(fixture) }
})

import { FEED_SIZE, getSitemapContent, listFeedItems, listNewsArticles } from '@/lib/content'
import { feedResponse, newsSitemapResponse, sitemapIndexResponse, sitemapPartResponse } from '@/lib/syndication/responses'

let warn: jest.SpyInstance
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  jest.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => jest.restoreAllMocks())

void toNdjson
const EXTRA = 40 // as generated in the mock above
// What the fixture holds, so these tests follow its changes: valid published articles, and those crediting He Yuting.
const publishedValid = fixtureDocuments().filter(
  (d) => d._type === 'article' && !d._id.startsWith('drafts.') && typeof d.headline === 'string' && !Number.isNaN(Date.parse(String(d.publishedAt))),
)
const creditingHe = publishedValid.filter((d) => (d.bylines as { person: { _ref: string } }[]).some((b) => b.person._ref === 'person-he'))

describe('listFeedItems', () => {
  it('gives the site feed the 50 newest valid articles, newest first, with key points and tags', async () => {
    const feed = await listFeedItems({ kind: 'site' })
    expect(FEED_SIZE).toBe(50)
    expect(feed?.owner).toBeUndefined()
    const items = feed!.items
    // 25 World (two broken) + 2 Business + 40 extra published: the two broken ones are left out with a warning each.
    expect(items.length).toBeLessThanOrEqual(FEED_SIZE)
    expect(items.length).toBeGreaterThanOrEqual(FEED_SIZE - 2)
    expect(items[0].slug).toBe('rates-hold-steady')
    const times = items.map((item) => Date.parse(item.publishedAt))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(items.map((item) => item.slug)).not.toContain('secret-scoop')
    expect(items.map((item) => item._id)).not.toContain('article-broken-headline')
    expect(warn.mock.calls.some((call) => String(call[0]).includes('article-broken-headline'))).toBe(true)
    expect(items.find((item) => item.slug === 'world-story-1')?.keyPoints).toEqual(['Point one of 1', 'Point two of 1'])
    // The oldest extras fall off the end.
    expect(items.map((item) => item.slug)).not.toContain('extra-1')
  })

  it('gives a section feed its own articles and names the section', async () => {
    const feed = await listFeedItems({ kind: 'section', slug: 'business' })
    expect(feed?.owner).toEqual({ kind: 'section', slug: 'business', title: 'Business', description: undefined })
    expect(feed?.items.every((item) => item.section?.slug === 'business')).toBe(true)
    expect(feed?.items.slice(0, 3).map((item) => item.slug)).toEqual(['rates-hold-steady', 'markets-rally', 'extra-40'])
    expect(feed?.items.find((item) => item.slug === 'extra-1')?.tags).toEqual(['trade', 'markets'])
  })

  it('gives a person feed every article that credits them, in any role', async () => {
    const feed = await listFeedItems({ kind: 'person', slug: 'he-yuting' })
    expect(feed?.owner).toMatchObject({ kind: 'person', slug: 'he-yuting', title: 'He Yuting' })
    expect(feed?.items).toHaveLength(creditingHe.length + EXTRA)
    expect(feed?.items[0].slug).toBe('markets-rally')
  })

  it('answers undefined for an unknown section or person', async () => {
    expect(await listFeedItems({ kind: 'section', slug: 'nowhere' })).toBeUndefined()
    expect(await listFeedItems({ kind: 'person', slug: 'nobody' })).toBeUndefined()
  })
})

describe('getSitemapContent', () => {
  it('lists every valid published article with its dates, section, credited people and tags', async () => {
    const content = await getSitemapContent()
    const slugs = content.articles.map((a) => a.slug)
    expect(slugs).toHaveLength(publishedValid.length + EXTRA)
    expect(slugs).not.toContain('secret-scoop')
    expect(slugs).not.toContain('broken-date')
    expect(slugs).not.toContain('broken-headline')
    expect(content.articles.find((a) => a.slug === 'markets-rally')).toEqual({
      slug: 'markets-rally',
      headline: 'Markets rally',
      publishedAt: '2026-11-01T01:00:00Z',
      updatedAt: '2026-11-01T05:30:00Z',
      section: 'business',
      people: ['ada-reporter', 'tom-lens', 'he-yuting'],
      tags: publishedValid.find((d) => d._id === 'article-biz-1')?.tags ?? [],
    })
    expect(content.sections).toEqual(['world', 'business', 'empty'])
    expect([...content.people].sort()).toEqual(['ada-reporter', 'he-yuting', 'tom-lens'])
  })
})

describe('listNewsArticles', () => {
  it('reads the articles first published since the given time', async () => {
    const recent = await listNewsArticles(new Date('2026-11-01T00:00:00Z'))
    expect(recent.map((a) => a.slug)).toEqual(['rates-hold-steady', 'markets-rally'])
  })
})

describe('responses', () => {
  it('answers feeds with their Content-Type, and 404 for an unknown section or person', async () => {
    const rss = await feedResponse('rss', { kind: 'section', slug: 'world' })
    expect(rss.status).toBe(200)
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    expect(await rss.text()).toContain('<title>World · Fixture Times</title>')
    expect((await feedResponse('json', { kind: 'site' })).headers.get('content-type')).toBe('application/feed+json; charset=utf-8')
    expect((await feedResponse('atom', { kind: 'person', slug: 'ada-reporter' })).headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    expect((await feedResponse('atom', { kind: 'section', slug: 'nowhere' })).status).toBe(404)
    expect((await feedResponse('rss', { kind: 'person', slug: 'nobody' })).status).toBe(404)
  })

  it('names each child in the index, serves it, and answers 404 for any other name', async () => {
    const index = await (await sitemapIndexResponse()).text()
    const children = [...index.matchAll(/<loc>[^<]*\/sitemaps\/([^<]+)<\/loc>/g)].map((m) => m[1])
    expect(children).toEqual(['pages-1.xml', 'articles-1.xml'])
    const articles = await sitemapPartResponse('articles-1.xml')
    expect(articles.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect((await articles.text()).match(/<url>/g)).toHaveLength(publishedValid.length + EXTRA)
    const pages = await (await sitemapPartResponse('pages-1.xml')).text()
    expect(pages).toContain('/tags/markets</loc>')
    expect((await sitemapPartResponse('articles-2.xml')).status).toBe(404)
    expect((await sitemapPartResponse('../sitemap.xml')).status).toBe(404)
  })

  it('builds the news sitemap for the time it is given', async () => {
    const at = async (iso: string) => (await (await newsSitemapResponse(new Date(iso))).text()).match(/<news:title>[^<]*/g) ?? []
    expect(await at('2026-11-02T12:00:00Z')).toEqual(['<news:title>Rates hold steady', '<news:title>Markets rally'])
    expect(await at('2026-11-03T12:00:00Z')).toEqual(['<news:title>Rates hold steady'])
    expect(await at('2026-12-01T00:00:00Z')).toEqual([])
  })
})
