// Sitemaps, robots.txt and feeds of the production build: the sitemaps are checked against the
// sitemaps.org XSDs with xmllint, every URL they list must answer 200, and the feeds are read
// back with a real feed parser.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { extractFromJson, extractFromXml, type FeedEntry } from '@extractus/feed-extractor'
import { newsSitemapXml } from '@/lib/syndication/news-sitemap'
import { url } from './support/server'

const ROOT = path.resolve(__dirname, '..', '..')
// CI lays shared/ beside the clone; the schemas are the published sitemaps.org 0.9 ones.
const XSD_DIR = path.join(ROOT, '..', 'shared', 'xsd')
const SITEMAP_XSD = path.join(XSD_DIR, 'sitemap.xsd')
const SITEINDEX_XSD = path.join(XSD_DIR, 'siteindex.xsd')
const DATASET = path.join(ROOT, 'sanity', 'demo', 'dataset.ndjson')
const FEED_SIZE = 50
const DAY = 24 * 60 * 60 * 1000

// ---- the demo dataset, read directly, for what the feeds and sitemaps must hold ----

type DemoDoc = Record<string, unknown> & { _id: string; _type: string }
type DemoCorrection = { key: string; date: string; text: string }
type DemoArticle = {
  id: string
  slug: string
  headline: string
  publishedAt: string
  /** The editor's update time or the newest correction, whichever is later: what the site calls updated. */
  updatedAt?: string
  corrections: DemoCorrection[]
  section?: string
  people: string[]
  language?: string
}

const docs: DemoDoc[] = fs
  .readFileSync(DATASET, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line))
  .filter((doc: DemoDoc) => !doc._id.startsWith('drafts.'))
const slugOf = (doc: DemoDoc | undefined) => (doc?.slug as { current?: string } | undefined)?.current
const byId = new Map(docs.map((doc) => [doc._id, doc]))
const correctionsOf = (doc: DemoDoc): DemoCorrection[] =>
  ((doc.corrections as { _key: string; date: string; text: string }[] | undefined) ?? []).map(({ _key, date, text }) => ({ key: _key, date, text }))
const latest = (dates: (string | undefined)[]) => dates.filter((date): date is string => !!date).sort((a, b) => Date.parse(b) - Date.parse(a))[0]
const articles: DemoArticle[] = docs
  .filter((doc) => doc._type === 'article' && slugOf(doc) && doc.publishedAt)
  .map((doc) => ({
    id: doc._id,
    slug: slugOf(doc)!,
    headline: String(doc.headline),
    publishedAt: String(doc.publishedAt),
    updatedAt: latest([doc.updatedAt as string | undefined, ...correctionsOf(doc).map((c) => c.date)]),
    corrections: correctionsOf(doc),
    section: slugOf(byId.get((doc.section as { _ref?: string } | undefined)?._ref ?? '')),
    language: doc.language ? String(doc.language) : undefined,
    people: ((doc.bylines as { person?: { _ref?: string } }[] | undefined) ?? []).flatMap((b) => slugOf(byId.get(b.person?._ref ?? '')) ?? []),
  }))
  .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))
const siteTitle = String(docs.find((doc) => doc._id === 'siteSettings')?.title)
/** Every correction with its article, newest first, as /corrections and its feeds list them. */
const corrections = articles
  .flatMap((article) => article.corrections.map((correction) => ({ ...correction, article })))
  .sort((a, b) => Date.parse(b.date) - Date.parse(a.date))

// ---- helpers ----

function requireTools(): void {
  for (const file of [SITEMAP_XSD, SITEINDEX_XSD]) {
    if (!fs.existsSync(file)) {
      throw new Error(`Missing ${file}. The sitemap tests validate against the sitemaps.org schemas kept in shared/xsd/ beside the repository (${XSD_DIR}).`)
    }
  }
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' })
  if (probe.error || probe.status !== 0) {
    throw new Error('xmllint is not installed: install Debian’s libxml2-utils (scripts/ensure-test-tools.sh does it as root).')
  }
}

let tmp: string
/** Runs xmllint over the document (against a schema, or for well-formedness only) and fails with its messages. */
function xmllint(label: string, xml: string, schema?: string): void {
  const file = path.join(tmp, `${label.replace(/[^a-z0-9]+/gi, '_')}.xml`)
  fs.writeFileSync(file, xml)
  const args = schema ? ['--noout', '--schema', schema, file] : ['--noout', file]
  const result = spawnSync('xmllint', args, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${label} is not valid${schema ? ` against ${path.basename(schema)}` : ''}:\n${result.stderr}`)
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
const all = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => unescapeXml(m[1]))

/** The site path of an absolute URL the site wrote (its origin is SITE_URL, not the server under test). */
function sitePath(absolute: string): string {
  const parsed = new URL(absolute)
  return parsed.pathname + parsed.search
}

async function get(pathname: string): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(url(pathname), { redirect: 'manual' })
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() }
}

/** GETs each path, a few at a time, and answers those that did not answer 200. */
async function failing(paths: string[], concurrency = 4): Promise<string[]> {
  const bad: string[] = []
  const queue = [...paths]
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
        const res = await fetch(url(p), { redirect: 'manual' })
        await res.arrayBuffer()
        if (res.status !== 200) bad.push(`${p} → ${res.status}`)
      }
    }),
  )
  return bad
}

beforeAll(() => {
  requireTools()
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-syndication-'))
})
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

// ---- sitemaps ----

describe('sitemap index and children', () => {
  const locs: string[] = []
  const lastmods = new Map<string, string | undefined>()

  beforeAll(async () => {
    const index = await get('/sitemap.xml')
    expect(index.status).toBe(200)
    expect(index.type).toBe('application/xml; charset=utf-8')
    xmllint('sitemap index', index.body, SITEINDEX_XSD)
    const children = all(index.body, 'loc')
    expect(children.length).toBeGreaterThan(0)
    for (const child of children) {
      expect(sitePath(child)).toMatch(/^\/sitemaps\/[a-z]+-\d+\.xml$/)
      const res = await get(sitePath(child))
      expect(res.status).toBe(200)
      xmllint(`sitemap ${sitePath(child)}`, res.body, SITEMAP_XSD)
      for (const [, block] of res.body.matchAll(/<url>([\s\S]*?)<\/url>/g)) {
        const loc = all(block, 'loc')[0]
        lastmods.set(sitePath(loc), all(block, 'lastmod')[0])
        locs.push(loc)
      }
    }
  })

  it('lists every page once, with absolute URLs on one origin', () => {
    expect(new Set(locs).size).toBe(locs.length)
    expect(new Set(locs.map((loc) => new URL(loc).origin)).size).toBe(1)
    const paths = locs.map(sitePath)
    expect(paths).toEqual(expect.arrayContaining(['/', '/latest', '/corrections', '/sections/world', '/people/he-yuting']))
    expect(paths.filter((p) => p.startsWith('/articles/')).sort()).toEqual(articles.map((a) => `/articles/${a.slug}`).sort())
    expect(paths.some((p) => p.startsWith('/tags/'))).toBe(true)
  })

  it('dates articles by updatedAt when set, else publishedAt, with the offset', () => {
    const updated = articles.find((a) => a.updatedAt)!
    const plain = articles.find((a) => !a.updatedAt)!
    const instant = (w3c: string | undefined) => (w3c ? new Date(w3c).toISOString() : undefined)
    expect(lastmods.get(`/articles/${updated.slug}`)).toMatch(/[+-]\d\d:\d\d$/)
    expect(instant(lastmods.get(`/articles/${updated.slug}`))).toBe(new Date(updated.updatedAt!).toISOString())
    expect(instant(lastmods.get(`/articles/${plain.slug}`))).toBe(new Date(plain.publishedAt).toISOString())
    const newest = Math.max(...articles.map((a) => Date.parse(a.updatedAt ?? a.publishedAt)))
    expect(instant(lastmods.get('/'))).toBe(new Date(newest).toISOString())
  })

  it('dates a corrected article and /corrections by the newest correction', () => {
    expect(corrections.length).toBeGreaterThan(0)
    const instant = (w3c: string | undefined) => (w3c ? new Date(w3c).toISOString() : undefined)
    const corrected = corrections[0].article
    expect(instant(lastmods.get(`/articles/${corrected.slug}`))).toBe(new Date(corrected.updatedAt!).toISOString())
    expect(instant(lastmods.get('/corrections'))).toBe(new Date(corrections[0].date).toISOString())
  })

  it('lists only URLs that answer 200', async () => {
    expect(await failing(locs.map(sitePath))).toEqual([])
  }, 240_000)
})

const NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
/** The core schema admits other namespaces only when their schema is loaded: the core is validated without them. */
const withoutNews = (xml: string) => xml.replace(/<news:news>[\s\S]*?<\/news:news>/g, '')

describe('Google News sitemap', () => {
  it('lists only articles first published in the last two days, by their first publication', async () => {
    const res = await fetch(url('/news-sitemap.xml'))
    const body = await res.text()
    const now = Date.parse(res.headers.get('date') ?? '') || Date.now()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    xmllint('news sitemap (well-formed)', body)
    expect(body).toContain(NEWS_NS)

    const entries = [...body.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, block]) => ({
      path: sitePath(all(block, 'loc')[0]),
      name: all(block, 'news:name')[0],
      language: all(block, 'news:language')[0],
      date: all(block, 'news:publication_date')[0],
      title: all(block, 'news:title')[0],
    }))
    // The demo's newest article may be more than two days old: then the urlset is empty. That is
    // well-formed and what Google reads as an empty sitemap, but the XSD wants one <url> at least.
    if (entries.length > 0) xmllint('news sitemap (core)', withoutNews(body), SITEMAP_XSD)
    expect(entries.length).toBeLessThanOrEqual(1000)
    const margin = 5 * 60 * 1000
    for (const entry of entries) {
      const article = articles.find((a) => `/articles/${a.slug}` === entry.path)
      expect(article).toBeDefined()
      expect(entry).toMatchObject({ name: siteTitle, title: article!.headline })
      expect(entry.language).toMatch(/^([a-z]{2,3}|zh-cn|zh-tw)$/)
      expect(new Date(entry.date).toISOString()).toBe(new Date(article!.publishedAt).toISOString())
      expect(Date.parse(entry.date)).toBeGreaterThanOrEqual(now - 2 * DAY - margin)
      expect(Date.parse(entry.date)).toBeLessThanOrEqual(now + margin)
    }
    const surelyInside = articles.filter((a) => Date.parse(a.publishedAt) > now - 2 * DAY + margin && Date.parse(a.publishedAt) < now - margin)
    expect(entries.map((e) => e.path)).toEqual(expect.arrayContaining(surelyInside.map((a) => `/articles/${a.slug}`)))
  })

  it('validates against the core schema when it lists the demo’s newest articles (built as of their publication)', () => {
    // The server's clock cannot be set, so the route's builder is run here, "now" one hour after the newest article.
    const newest = Date.parse(articles[0].publishedAt)
    const xml = newsSitemapXml(
      articles.map((a) => ({ _id: a.id, headline: a.headline, slug: a.slug, publishedAt: a.publishedAt, updatedAt: a.updatedAt, language: a.language })),
      { siteUrl: 'http://localhost:3000', publicationName: siteTitle, siteLanguage: 'en', timeZone: 'Asia/Shanghai', now: new Date(newest + 60 * 60 * 1000) },
    )
    const listed = all(xml, 'news:title')
    expect(listed).toEqual(articles.filter((a) => Date.parse(a.publishedAt) >= newest - 2 * DAY + 60 * 60 * 1000).map((a) => a.headline))
    expect(listed.length).toBeGreaterThan(0)
    xmllint('demo news sitemap (well-formed)', xml)
    xmllint('demo news sitemap (core)', withoutNews(xml), SITEMAP_XSD)
  })
})

describe('robots.txt', () => {
  it('allows everything but the Studio, the API and preview links, and names both sitemaps', async () => {
    const res = await get('/robots.txt')
    expect(res.status).toBe(200)
    const lines = res.body.split('\n').map((line) => line.trim())
    expect(lines).toEqual(expect.arrayContaining(['User-Agent: *', 'Allow: /', 'Disallow: /studio', 'Disallow: /api', 'Disallow: /preview']))
    const sitemaps = lines.filter((line) => line.startsWith('Sitemap:')).map((line) => line.slice('Sitemap:'.length).trim())
    // Absolute URLs (new URL throws on a bare path), on the site's origin.
    expect(sitemaps.every((s) => /^https?:$/.test(new URL(s).protocol))).toBe(true)
    expect(sitemaps.map(sitePath)).toEqual(['/sitemap.xml', '/news-sitemap.xml'])
  })
})

// ---- feeds ----

type Read = { entries: (FeedEntry & Record<string, unknown>)[]; title?: string }

const FEEDS: { label: string; path: string; format: 'rss' | 'atom' | 'json'; expected: DemoArticle[]; title: string }[] = [
  { label: 'site RSS', path: '/feeds/rss.xml', format: 'rss', expected: articles, title: siteTitle },
  { label: 'site Atom', path: '/feeds/atom.xml', format: 'atom', expected: articles, title: siteTitle },
  { label: 'site JSON Feed', path: '/feeds/feed.json', format: 'json', expected: articles, title: siteTitle },
  {
    label: 'World section RSS',
    path: '/sections/world/rss.xml',
    format: 'rss',
    expected: articles.filter((a) => a.section === 'world'),
    title: `World · ${siteTitle}`,
  },
  {
    label: 'He Yuting Atom',
    path: '/people/he-yuting/atom.xml',
    format: 'atom',
    expected: articles.filter((a) => a.people.includes('he-yuting')),
    title: `He Yuting · ${siteTitle}`,
  },
]

const CONTENT_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
}

const decodeHtml = (text: string) => unescapeXml(text)

function parse(format: 'rss' | 'atom' | 'json', body: string): Read {
  const options = {
    descriptionMaxLen: 0,
    getExtraEntryFields: (raw: Record<string, unknown>) =>
      format === 'json'
        ? { modified: raw.date_modified, rawPublished: raw.date_published }
        : format === 'atom'
          ? { rawPublished: raw.published, modified: raw.updated }
          : { rawPublished: raw.pubDate },
  }
  return (format === 'json' ? extractFromJson(JSON.parse(body), options) : extractFromXml(body, options)) as Read
}

describe.each(FEEDS)('$label', ({ path: feedPath, format, expected, title }) => {
  let read: Read
  let status: number
  let type: string

  beforeAll(async () => {
    const res = await get(feedPath)
    status = res.status
    type = res.type
    read = parse(format, res.body)
  })

  it('answers with its Content-Type and title', () => {
    expect(status).toBe(200)
    expect(type).toBe(CONTENT_TYPES[format])
    expect(read.title).toBe(title)
  })

  it('holds the newest articles of its scope, newest first, with titles, links and dates', () => {
    const want = expected.slice(0, FEED_SIZE)
    expect(want.length).toBeGreaterThan(0)
    expect(read.entries).toHaveLength(want.length)
    const titles = read.entries.map((e) => (format === 'atom' ? decodeHtml(String(e.title)) : e.title))
    expect(titles).toEqual(want.map((a) => a.headline))
    expect(read.entries.map((e) => sitePath(String(e.link)))).toEqual(want.map((a) => `/articles/${a.slug}`))
    // First publication, whatever the format calls it; updated where the format has it.
    expect(read.entries.map((e) => new Date(String(e.rawPublished)).toISOString())).toEqual(want.map((a) => new Date(a.publishedAt).toISOString()))
    if (format !== 'rss') {
      expect(read.entries.map((e) => new Date(String(e.modified)).toISOString())).toEqual(want.map((a) => new Date(a.updatedAt ?? a.publishedAt).toISOString()))
    }
    expect(read.entries.map((e) => e.id)).toEqual(want.map((a) => `urn:sanity:article:${a.id}`))
  })

  it('links only to pages that answer 200', async () => {
    expect(await failing(read.entries.map((e) => sitePath(String(e.link))))).toEqual([])
  }, 120_000)
})

describe.each([
  ['rss', '/corrections/rss.xml'],
  ['atom', '/corrections/atom.xml'],
  ['json', '/corrections/feed.json'],
] as const)('the corrections feed (%s)', (format, feedPath) => {
  let read: Read
  let type: string
  let body: string

  beforeAll(async () => {
    const res = await get(feedPath)
    expect(res.status).toBe(200)
    type = res.type
    body = res.body
    read = parse(format, res.body)
  })

  it('holds every correction, newest first, each linking to the notice on its article, with its own id and date', () => {
    expect(type).toBe(CONTENT_TYPES[format])
    expect(read.title).toBe(`Corrections · ${siteTitle}`)
    const want = corrections.slice(0, FEED_SIZE)
    expect(want.length).toBeGreaterThan(0)
    const titles = read.entries.map((e) => (format === 'atom' ? decodeHtml(String(e.title)) : e.title))
    expect(titles).toEqual(want.map((c) => `Correction: ${c.article.headline}`))
    expect(read.entries.map((e) => sitePath(String(e.link)))).toEqual(want.map((c) => `/articles/${c.article.slug}`))
    // The parser drops fragments from links; the feed itself points at the notice.
    for (const c of want) expect(body).toContain(`/articles/${c.article.slug}#corrections`)
    expect(read.entries.map((e) => e.id)).toEqual(want.map((c) => `urn:sanity:article:${c.article.id}:correction:${c.key}`))
    expect(read.entries.map((e) => new Date(String(e.rawPublished)).toISOString())).toEqual(want.map((c) => new Date(c.date).toISOString()))
    expect(read.entries.map((e) => decodeHtml(String(e.description)))).toEqual(want.map((c) => c.text))
  })

  it('links only to pages that answer 200', async () => {
    expect(await failing(read.entries.map((e) => sitePath(String(e.link))))).toEqual([])
  })
})

describe('feeds of unknown sections and people', () => {
  it.each(['/sections/no-such-section/rss.xml', '/sections/no-such-section/feed.json', '/people/nobody/atom.xml'])('%s answers 404', async (p) => {
    expect((await get(p)).status).toBe(404)
  })
})
