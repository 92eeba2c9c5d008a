// What search engines and social sites read from the production build: JSON-LD, the
// canonical link, Open Graph, robots, and the feed autodiscovery links.
import type { Page } from 'playwright-core'
import { readConfig } from '@/lib/env'
import { routes, type FeedFormat, type FeedScope } from '@/lib/routes'
import { norm, open, useBrowserPage } from './support/browser'
import { CORRECTED_ARTICLE, CORRECTIONS_PAGE, SEED_ARTICLE } from './support/pages'
import { url } from './support/server'

// The build under test was made with the same environment, so its absolute URLs start with this.
const SITE_URL = readConfig().siteUrl
const PERSON = '/people/he-yuting'
const SECTION = '/sections/world'

type Json = Record<string, unknown>

const session = useBrowserPage()
let page: Page
beforeEach(() => {
  page = session.page()
})

/** Every JSON-LD block of the page, parsed; a block that is not JSON fails here. */
async function jsonLd(p: Page): Promise<Json[]> {
  const blocks = await p.$$eval('script[type="application/ld+json"]', (scripts) => scripts.map((s) => s.textContent ?? ''))
  return blocks.map((text, i) => {
    try {
      return JSON.parse(text) as Json
    } catch (e) {
      throw new Error(`JSON-LD block ${i} on ${p.url()} is not JSON (${String(e)}): ${text.slice(0, 300)}`)
    }
  })
}

function only(blocks: Json[], type: string): Json {
  const found = blocks.filter((block) => block['@type'] === type)
  if (found.length !== 1) throw new Error(`Expected one ${type}, found types ${JSON.stringify(blocks.map((b) => b['@type']))}`)
  expect(found[0]['@context']).toBe('https://schema.org')
  return found[0]
}

/** An absolute URL of the site, fetched from the server under test instead. */
function onTestServer(absolute: string): string {
  expect(absolute.startsWith(`${SITE_URL}/`) || absolute === SITE_URL).toBe(true)
  const { pathname, search } = new URL(absolute)
  return url(pathname + search)
}

async function expectImage(absolute: string): Promise<void> {
  const res = await fetch(onTestServer(absolute), { headers: { accept: 'image/avif,image/webp,image/*,*/*;q=0.8' } })
  const body = await res.arrayBuffer()
  if (res.status !== 200) throw new Error(`${absolute} answered ${res.status}`)
  expect(res.headers.get('content-type')).toMatch(/^image\//)
  expect(body.byteLength).toBeGreaterThan(1000)
}

async function meta(p: Page, selector: string): Promise<string | null> {
  return p.$$eval(selector, (elements) => elements[0]?.getAttribute('content') ?? null)
}

/** Canonical link, og:title, og:image (answering with an image) and robots, on any page. */
async function expectPageMetadata(p: Page, path: string): Promise<void> {
  const canonical = await p.$$eval('link[rel="canonical"]', (links) => links.map((l) => l.getAttribute('href')))
  expect(canonical).toHaveLength(1)
  expect(canonical[0]).toMatch(/^https?:\/\//)
  expect(new URL(canonical[0]!).href).toBe(new URL(path, `${SITE_URL}/`).href)

  expect(norm(await meta(p, 'meta[property="og:title"]'))).not.toBe('')
  const ogImage = await meta(p, 'meta[property="og:image"]')
  expect(ogImage).toMatch(/^https?:\/\//)
  await expectImage(ogImage!)

  expect(await meta(p, 'meta[name="robots"]')).toContain('max-image-preview:large')
}

const FEED_TYPES: [FeedFormat, string][] = [
  ['rss', 'application/rss+xml'],
  ['atom', 'application/atom+xml'],
  ['json', 'application/feed+json'],
]

/** The site's three feeds, plus the scope's when given, linked for autodiscovery, and each answering 200. */
async function expectFeedLinks(p: Page, scope?: FeedScope): Promise<void> {
  const links = await p.$$eval('head link[rel="alternate"][type]', (elements) =>
    elements.map((l) => ({ type: l.getAttribute('type'), href: l.getAttribute('href'), title: l.getAttribute('title') })),
  )
  for (const [format, type] of FEED_TYPES) {
    const expected = [routes.feed(format), ...(scope ? [routes.feed(format, scope)] : [])].map((path) => `${SITE_URL}${path}`)
    const found = links.filter((link) => link.type === type)
    expect(found.map((link) => link.href)).toEqual(expected)
    for (const link of found) {
      expect(norm(link.title)).not.toBe('')
      const res = await fetch(onTestServer(link.href!))
      await res.arrayBuffer()
      if (res.status !== 200) throw new Error(`Feed ${link.href} linked from ${p.url()} answered ${res.status}`)
    }
  }
}

describe('the seed article', () => {
  beforeEach(async () => {
    await open(page, SEED_ARTICLE)
  })

  it('describes itself as a NewsArticle with the recommended fields, the newsroom’s credits and reading time', async () => {
    const article = only(await jsonLd(page), 'NewsArticle')
    const canonical = `${SITE_URL}${SEED_ARTICLE}`
    expect(article.headline).toBe(norm(await page.locator('h1').first().textContent()))
    expect(article.url).toBe(canonical)
    expect(article.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': canonical })
    expect(article.datePublished).toBe('2022-09-26T08:55+08:00')
    expect(article.dateModified).toBe('2022-09-26T08:55+08:00')
    expect(article.timeRequired).toBe('PT11M')
    expect(article.wordCount).toBeGreaterThan(600)
    expect(article.articleSection).toBe('World')
    expect(article.inLanguage).toBe('en')
    expect(article.isAccessibleForFree).toBe(true)
    expect(String(article.abstract)).toContain('Both sides are eager to further develop')

    // No author byline: the story is attributed to its source; He Yuting is its editor, not an author.
    const authors = article.author as Json[]
    expect(Array.isArray(authors)).toBe(true)
    expect(authors.length).toBeGreaterThan(0)
    for (const author of authors) expect(norm(String(author.name))).not.toBe('')
    expect(authors.map((a) => a.name)).not.toContain('He Yuting')
    expect(article.editor).toEqual([expect.objectContaining({ '@type': 'Person', name: 'He Yuting', url: `${SITE_URL}${PERSON}` })])
    expect(article.sourceOrganization).toMatchObject({ '@type': 'Organization', name: 'Seetao' })

    const publisher = article.publisher as Json
    expect(publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: 'The Meridian Ledger', url: `${SITE_URL}/` })
    await expectImage(String((publisher.logo as Json).url))

    // The seed has no hero image: its image is the generated share card.
    const images = article.image as string[]
    expect(images).toEqual([`${SITE_URL}${routes.articleShareImage('one-belt-one-road-creates-opportunities-for-central-asia')}`])
    for (const image of images) await expectImage(image)
  })

  it('has a breadcrumb trail: front page, section, article', async () => {
    const trail = only(await jsonLd(page), 'BreadcrumbList').itemListElement as Json[]
    expect(trail.map((item) => [item.position, item.item])).toEqual([
      [1, `${SITE_URL}/`],
      [2, `${SITE_URL}${SECTION}`],
      [3, `${SITE_URL}${SEED_ARTICLE}`],
    ])
  })

  it('has an absolute canonical link, Open Graph article tags with the generated 1200×630 card, and robots', async () => {
    await expectPageMetadata(page, SEED_ARTICLE)
    expect(await meta(page, 'meta[property="og:type"]')).toBe('article')
    expect(await meta(page, 'meta[property="article:published_time"]')).toBe('2022-09-26T08:55+08:00')
    expect(await meta(page, 'meta[property="article:section"]')).toBe('World')
    const ogImage = (await meta(page, 'meta[property="og:image"]'))!
    expect(new URL(ogImage).pathname).toBe(routes.articleShareImage('one-belt-one-road-creates-opportunities-for-central-asia'))
    expect(await meta(page, 'meta[property="og:image:width"]')).toBe('1200')
    expect(await meta(page, 'meta[property="og:image:height"]')).toBe('630')
    const png = Buffer.from(await (await fetch(onTestServer(ogImage))).arrayBuffer())
    // PNG header: width and height are the big-endian words at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])
  })

  it('links the site’s feeds for autodiscovery', async () => {
    await expectFeedLinks(page)
  })
})

describe('an article with a hero image', () => {
  it('offers the hero image to search engines at three aspect ratios, and as og:image', async () => {
    const path = routes.article('caspian-ferry-corridor-doubles-capacity')
    await open(page, path)
    const images = only(await jsonLd(page), 'NewsArticle').image as string[]
    expect(images).toHaveLength(3)
    for (const image of images) {
      const params = new URL(image).searchParams
      expect(Number(params.get('w'))).toBeGreaterThanOrEqual(1200)
      await expectImage(image)
    }
    const ogImage = (await meta(page, 'meta[property="og:image"]'))!
    expect(new URL(ogImage).pathname.startsWith('/images/')).toBe(true)
    await expectPageMetadata(page, path)
  })
})

describe('a corrected article', () => {
  it('carries its correction as a CorrectionComment, and dateModified at the correction, as its page shows them', async () => {
    await open(page, CORRECTED_ARTICLE)
    const article = only(await jsonLd(page), 'NewsArticle')
    const notice = page.getByRole('region', { name: 'Correction' })
    const shown = await notice.locator('time').getAttribute('datetime')
    expect(article.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: expect.stringContaining('An earlier version of this article said saltwater'),
        datePublished: shown,
        url: `${SITE_URL}${CORRECTED_ARTICLE}#corrections`,
      },
    ])
    expect(norm(await notice.textContent())).toContain(String((article.correction as Json[])[0].text))
    expect(article.dateModified).toBe(shown)
    expect(article.dateModified).not.toBe(article.datePublished)
  })

  it('leaves correction out of an article that has none', async () => {
    await open(page, SEED_ARTICLE)
    expect(only(await jsonLd(page), 'NewsArticle')).not.toHaveProperty('correction')
  })
})

describe('the corrections page', () => {
  it('has its canonical link and metadata, and links the corrections feeds beside the site’s', async () => {
    await open(page, CORRECTIONS_PAGE)
    await expectPageMetadata(page, CORRECTIONS_PAGE)
    await expectFeedLinks(page, { kind: 'corrections' })
  })
})

describe('a person page', () => {
  it('is a ProfilePage about the person, with the person’s feeds beside the site’s', async () => {
    await open(page, PERSON)
    const profile = only(await jsonLd(page), 'ProfilePage')
    const person = profile.mainEntity as Json
    expect(person).toMatchObject({ '@type': 'Person', name: 'He Yuting', jobTitle: 'Editor', url: `${SITE_URL}${PERSON}` })
    expect(norm(String(person.description))).not.toBe('')
    expect(Array.isArray(person.sameAs)).toBe(true)
    await expectImage(String(person.image))
    await expectPageMetadata(page, PERSON)
    await expectFeedLinks(page, { kind: 'person', slug: 'he-yuting' })
  })
})

describe('the front page', () => {
  it('declares the WebSite and its search box', async () => {
    await open(page, '/')
    const site = only(await jsonLd(page), 'WebSite')
    expect(site).toMatchObject({ name: 'The Meridian Ledger', url: `${SITE_URL}/` })
    expect(site.potentialAction).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${SITE_URL}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    })
    await expectPageMetadata(page, '/')
    await expectFeedLinks(page)
  })
})

describe('feed autodiscovery', () => {
  it('is on a section page, with the section’s feeds', async () => {
    await open(page, SECTION)
    await expectPageMetadata(page, SECTION)
    await expectFeedLinks(page, { kind: 'section', slug: 'world' })
  })

  it('is on the latest news and its later pages', async () => {
    for (const path of [routes.latest(), routes.latest(2)]) {
      await open(page, path)
      await expectPageMetadata(page, path)
      await expectFeedLinks(page)
    }
  })
})
