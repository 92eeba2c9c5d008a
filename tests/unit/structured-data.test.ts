import { renderToStaticMarkup } from 'react-dom/server'
import { createElement } from 'react'
import { fixtureDocuments, toNdjson } from '../fixtures/dataset'
import { createLocalSource } from '@/lib/content/sources/local'
import { parseNdjsonDataset } from '@/lib/content/sources/ndjson'

// The content layer reads the fixture dataset, so the builders get validated documents.
jest.mock('@/lib/content/sources', () => {
  const fixture = parseNdjsonDataset(toNdjson(fixtureDocuments()), '/fixture')
  return { contentSource: () => createLocalSource(fixture) }
})

import { JsonLd, serializeJsonLd } from '@/components/JsonLd'
import { getArticle, getSiteChrome, listByPerson, type Article, type SiteChrome } from '@/lib/content'
import { articleBreadcrumbJsonLd, newsArticleJsonLd, profilePageJsonLd, webSiteJsonLd, type StructuredDataContext } from '@/lib/seo/structured-data'

const SITE = 'https://news.example.com'

// Loose views of the JSON-LD, as a crawler reads it.
type Node = Record<string, unknown>
const asNode = (value: unknown) => value as Node
const asNodes = (value: unknown) => value as Node[]

let settings: SiteChrome['settings']
let context: StructuredDataContext
/** Seed-like: an author, a photographer and an editor, a source with a URL, an 11-minute override, an update. */
let seedLike: Article

beforeEach(() => {
  // The fixture holds broken documents on purpose; the content layer warns about them.
  jest.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => jest.restoreAllMocks())

beforeAll(async () => {
  settings = (await getSiteChrome()).settings
  context = { siteUrl: SITE, settings }
  const article = await getArticle('markets-rally')
  if (!article) throw new Error('fixture article markets-rally is missing')
  seedLike = article
})

/** w and h of an image URL built by lib/image.ts. */
function dimensions(url: string) {
  const params = new URL(url).searchParams
  return { width: Number(params.get('w')), height: Number(params.get('h')) }
}

describe('NewsArticle', () => {
  it('has the fields Google recommends: headline, images, both dates and authors with name and url', () => {
    const ld = asNode(newsArticleJsonLd(seedLike, context))
    expect(ld['@context']).toBe('https://schema.org')
    expect(ld['@type']).toBe('NewsArticle')
    expect(ld.headline).toBe('Markets rally')
    expect(ld.datePublished).toBe('2026-11-01T09:00+08:00')
    expect(ld.dateModified).toBe('2026-11-01T13:30+08:00')
    const authors = asNodes(ld.author)
    expect(Array.isArray(authors)).toBe(true)
    expect(authors).toEqual([
      {
        '@type': 'Person',
        name: 'Ada Reporter',
        url: `${SITE}/people/ada-reporter`,
        jobTitle: 'Correspondent',
        // The javascript: link of the fixture is dropped.
        sameAs: ['https://ada.example.com'],
      },
    ])
  })

  it('offers the hero image at 16:9, 4:3 and 1:1, each an absolute URL at least 1200 px wide', () => {
    const images = newsArticleJsonLd(seedLike, context).image as string[]
    expect(images).toHaveLength(3)
    for (const url of images) expect(url.startsWith(`${SITE}/images/`)).toBe(true)
    const ratios = images.map((url) => {
      const { width, height } = dimensions(url)
      expect(width).toBeGreaterThanOrEqual(1200)
      return Math.round((width / height) * 100) / 100
    })
    expect(ratios).toEqual([1.78, 1.33, 1])
  })

  it('uses the generated share card as the image of an article without a hero image', () => {
    const ld = newsArticleJsonLd({ ...seedLike, heroImage: undefined }, context)
    expect(ld.image).toEqual([`${SITE}/articles/markets-rally/share-card`])
  })

  it('carries reading time, word count, abstract, section, keywords, language and access', () => {
    const ld = asNode(newsArticleJsonLd(seedLike, context))
    expect(ld.timeRequired).toBe('PT11M')
    expect(ld.wordCount).toBe(4) // "Body of story 24."
    expect(ld.abstract).toBe('Point one of 24. Point two of 24.')
    expect(ld.description).toBe('Standfirst 24')
    expect(ld.articleSection).toBe('Business')
    expect(asNode(newsArticleJsonLd({ ...seedLike, tags: ['ports', 'trade'] }, context)).keywords).toEqual(['ports', 'trade'])
    expect('keywords' in newsArticleJsonLd({ ...seedLike, tags: [] }, context)).toBe(false)
    expect(ld.inLanguage).toBe('en')
    expect(ld.isAccessibleForFree).toBe(true)
    expect(ld.url).toBe(`${SITE}/articles/markets-rally`)
    expect(ld.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': `${SITE}/articles/markets-rally` })
  })

  it('counts Chinese, Japanese and Korean characters one by one in the word count', () => {
    const body: Article['body'] = [{ _type: 'block', _key: 'p', children: [{ _type: 'span', text: '平潭档案 goes digital' }] }]
    expect(newsArticleJsonLd({ ...seedLike, body }, context).wordCount).toBe(4 + 2)
  })

  it('states the reading time as an ISO 8601 duration computed from the body when there is no override', () => {
    expect(newsArticleJsonLd({ ...seedLike, readingTimeMinutes: 3 }, context).timeRequired).toBe('PT3M')
  })

  it('credits the editor as editor and the photographer as contributor, never as authors', () => {
    const ld = asNode(newsArticleJsonLd(seedLike, context))
    const authorNames = asNodes(ld.author).map((author) => author.name)
    expect(authorNames).not.toContain('He Yuting')
    expect(authorNames).not.toContain('Tom Lens')
    expect(ld.editor).toEqual([{ '@type': 'Person', name: 'He Yuting', url: `${SITE}/people/he-yuting`, jobTitle: 'Editor' }])
    expect(asNodes(ld.contributor).map((person) => person.name)).toEqual(['Tom Lens'])
  })

  it('names the newsroom as publisher, a news media organisation with its logo', () => {
    const withLogo: StructuredDataContext = {
      siteUrl: SITE,
      settings: { ...settings, logo: { asset: { _id: 'image-0a1b2c3d-600x120-png', width: 600, height: 120 }, alt: 'Logo' } },
    }
    const publisher = asNode(newsArticleJsonLd(seedLike, withLogo).publisher)
    expect(publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: 'Fixture Times', url: `${SITE}/` })
    const logo = asNode(publisher.logo)
    expect(logo['@type']).toBe('ImageObject')
    expect(String(logo.url)).toMatch(new RegExp(`^${SITE}/images/local/embedded/0a1b2c3d-600x120\\.png\\?`))
    expect(asNode(newsArticleJsonLd(seedLike, context).publisher).logo).toBeUndefined()
  })

  it('names the source organisation only when the story has a source', () => {
    expect(newsArticleJsonLd(seedLike, context).sourceOrganization).toEqual({
      '@type': 'Organization',
      name: 'Seetao',
      url: 'https://example.com/original',
    })
    expect('sourceOrganization' in newsArticleJsonLd({ ...seedLike, source: undefined }, context)).toBe(false)
  })

  it('attributes a story with no author byline to its source, or else to the newsroom, still as an array', () => {
    const editedOnly = { ...seedLike, bylines: seedLike.bylines.filter((byline) => byline.role === 'editor') }
    expect(newsArticleJsonLd(editedOnly, context).author).toEqual([{ '@type': 'Organization', name: 'Seetao', url: 'https://example.com/original' }])
    const noSource = newsArticleJsonLd({ ...editedOnly, source: undefined }, context)
    expect(noSource.author).toEqual([expect.objectContaining({ '@type': 'NewsMediaOrganization', name: 'Fixture Times' })])
  })
})

describe('BreadcrumbList', () => {
  it('leads from the front page through the section to the article', () => {
    const ld = asNode(articleBreadcrumbJsonLd(seedLike, context))
    expect(ld['@type']).toBe('BreadcrumbList')
    expect(ld.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Fixture Times', item: `${SITE}/` },
      { '@type': 'ListItem', position: 2, name: 'Business', item: `${SITE}/sections/business` },
      { '@type': 'ListItem', position: 3, name: 'Markets rally', item: `${SITE}/articles/markets-rally` },
    ])
  })

  it('skips the section when the article has none', () => {
    const ld = asNode(articleBreadcrumbJsonLd({ ...seedLike, section: undefined }, context))
    expect(asNodes(ld.itemListElement).map((item) => item.position)).toEqual([1, 2])
  })
})

describe('ProfilePage', () => {
  it('describes the person: name, job title, bio, profiles elsewhere and their page', async () => {
    const listing = await listByPerson('ada-reporter')
    if (!listing) throw new Error('fixture person ada-reporter is missing')
    const ld = asNode(profilePageJsonLd(listing.owner, context))
    expect(ld['@type']).toBe('ProfilePage')
    expect(ld.mainEntity).toEqual({
      '@type': 'Person',
      '@id': `${SITE}/people/ada-reporter#person`,
      name: 'Ada Reporter',
      url: `${SITE}/people/ada-reporter`,
      jobTitle: 'Correspondent',
      description: 'Covers trade and shipping.',
      sameAs: ['https://ada.example.com'],
    })
  })
})

describe('WebSite', () => {
  it('names the site and declares its search box', () => {
    const ld = asNode(webSiteJsonLd(context))
    expect(ld).toMatchObject({ '@type': 'WebSite', name: 'Fixture Times', url: `${SITE}/` })
    expect(ld.potentialAction).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${SITE}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    })
  })
})

describe('JsonLd', () => {
  const hostile = { '@context': 'https://schema.org', '@type': 'Thing', name: '</script><script>alert(1)</script> <!-- & \u2028' } as const

  it('serialises without a "<" so text cannot close the script element, and parses back to the same data', () => {
    const json = serializeJsonLd(hostile)
    expect(json).not.toMatch(/[<>&\u2028]/)
    expect(json).toContain('\\u003c/script\\u003e')
    expect(JSON.parse(json)).toEqual(hostile)
  })

  it('renders one application/ld+json script whose only closing tag is its own', () => {
    const html = renderToStaticMarkup(createElement(JsonLd, { data: hostile }))
    expect(html.startsWith('<script type="application/ld+json">')).toBe(true)
    expect(html.match(/<\/script>/g)).toHaveLength(1)
    expect(html.match(/<script/g)).toHaveLength(1)
    const body = html.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, '')
    expect(JSON.parse(body)).toEqual(hostile)
  })
})
