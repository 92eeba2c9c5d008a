/**
 * @jest-environment jsdom
 */
// jsdom for its DOMParser: RSS and Atom are read back as namespaced XML.
import type { CorrectionEntry, FeedArticle } from '@/lib/content'
import { articleGuid, buildFeed, correctionGuid, FEED_CONTENT_TYPES, summaryHtml, type FeedInput } from '@/lib/syndication/feed'

const SITE = 'https://news.example.com'
const ATOM = 'http://www.w3.org/2005/Atom'
const DC = 'http://purl.org/dc/elements/1.1/'

const card = (n: number, fields: Partial<FeedArticle> = {}): FeedArticle => ({
  _id: `article-${n}`,
  headline: `Story ${n}`,
  slug: `story-${n}`,
  standfirst: `Standfirst ${n}.`,
  keyPoints: [`First point of ${n}`, `Second point of ${n}`],
  tags: ['trade', 'central asia'],
  publishedAt: `2026-11-${String(10 + n).padStart(2, '0')}T01:00:00Z`,
  language: 'en',
  section: { _id: 'section-world', title: 'World', slug: 'world' },
  heroImage: { asset: { _id: 'image-0a1b2c3d-1600x900-jpg', width: 1600, height: 900 }, alt: `Hero ${n}` },
  authors: [
    { _id: 'person-ada', name: 'Ada Reporter', slug: 'ada-reporter' },
    { _id: 'person-he', name: 'He Yuting', slug: 'he-yuting' },
  ],
  ...fields,
})

const items = [
  card(3, { headline: 'Rates & <risks>', updatedAt: '2026-11-20T06:30:00Z' }),
  card(2, { standfirst: undefined, keyPoints: [], authors: [], tags: [], heroImage: undefined, language: 'zh-Hans' }),
  card(1),
]

const input = (overrides: Partial<FeedInput> = {}): FeedInput => ({
  siteUrl: SITE,
  site: { title: 'The Meridian Ledger', description: 'Independent reporting.', language: 'en' },
  scope: { kind: 'section', slug: 'world' },
  owner: { kind: 'section', slug: 'world', title: 'World', description: 'Reporting from capitals.' },
  items,
  now: new Date('2030-01-01T00:00:00Z'),
  ...overrides,
})

function xml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml')
  const error = doc.getElementsByTagName('parsererror')[0]
  if (error) throw new Error(`Not well-formed XML: ${error.textContent}`)
  return doc
}
const child = (el: Element, name: string) => Array.from(el.children).filter((c) => c.tagName === name)
const textOf = (el: Element, name: string) => child(el, name)[0]?.textContent ?? undefined

describe('summaryHtml', () => {
  it('is the standfirst, then the key points as a list, escaped', () => {
    expect(summaryHtml({ headline: 'H', standfirst: 'A & B <c>', keyPoints: ['One', 'Two > one'] })).toBe(
      '<p>A &amp; B &lt;c&gt;</p><ul><li>One</li><li>Two &gt; one</li></ul>',
    )
  })

  it('falls back to the headline when there is neither', () => {
    expect(summaryHtml({ headline: 'Only <this>', standfirst: ' ', keyPoints: [] })).toBe('<p>Only &lt;this&gt;</p>')
  })
})

describe('RSS 2.0', () => {
  const { body, contentType } = buildFeed('rss', input())
  const doc = xml(body)
  const channel = doc.documentElement.getElementsByTagName('channel')[0]
  const entries = child(channel, 'item')

  it('is served as application/rss+xml and describes the scope', () => {
    expect(contentType).toBe('application/rss+xml; charset=utf-8')
    expect(doc.documentElement.getAttribute('version')).toBe('2.0')
    expect(textOf(channel, 'title')).toBe('World · The Meridian Ledger')
    expect(textOf(channel, 'link')).toBe(`${SITE}/sections/world`)
    expect(textOf(channel, 'description')).toBe('Reporting from capitals.')
    expect(textOf(channel, 'language')).toBe('en')
    expect(textOf(channel, 'lastBuildDate')).toBe(new Date('2026-11-20T06:30:00Z').toUTCString())
    const self = channel.getElementsByTagNameNS(ATOM, 'link')[0]
    expect(self.getAttribute('href')).toBe(`${SITE}/sections/world/rss.xml`)
  })

  it('carries each item’s title, permalink, GUID, first publication date and summary with key points', () => {
    expect(entries.map((e) => textOf(e, 'title'))).toEqual(['Rates & <risks>', 'Story 2', 'Story 1'])
    const [first] = entries
    expect(textOf(first, 'link')).toBe(`${SITE}/articles/story-3`)
    const guid = child(first, 'guid')[0]
    expect(guid.textContent).toBe('urn:sanity:article:article-3')
    expect(guid.getAttribute('isPermaLink')).toBe('false')
    // pubDate is the first publication, not the update.
    expect(textOf(first, 'pubDate')).toBe(new Date('2026-11-13T01:00:00Z').toUTCString())
    expect(textOf(first, 'description')).toBe('<p>Standfirst 3.</p><ul><li>First point of 3</li><li>Second point of 3</li></ul>')
  })

  it('names the authors with dc:creator, the categories (section, then tags) and the image as an enclosure', () => {
    const [first, second] = entries
    expect(Array.from(first.getElementsByTagNameNS(DC, 'creator')).map((e) => e.textContent)).toEqual(['Ada Reporter', 'He Yuting'])
    expect(child(first, 'author')).toHaveLength(0)
    expect(child(first, 'category').map((e) => e.textContent)).toEqual(['World', 'trade', 'central asia'])
    const enclosure = child(first, 'enclosure')[0]
    expect(enclosure.getAttribute('type')).toBe('image/jpeg')
    expect(enclosure.getAttribute('url')).toMatch(new RegExp(`^${SITE}/images/.+0a1b2c3d-1600x900\\.jpg\\?`))
    expect(enclosure.getAttribute('url')).not.toContain('auto=format')
    expect(second.getElementsByTagNameNS(DC, 'creator')).toHaveLength(0)
    expect(child(second, 'enclosure')).toHaveLength(0)
    expect(textOf(second, 'description')).toBe('<p>Story 2</p>')
  })
})

describe('Atom 1.0', () => {
  const { body, contentType } = buildFeed('atom', input())
  const doc = xml(body)
  const feed = doc.documentElement
  const entries = Array.from(feed.getElementsByTagNameNS(ATOM, 'entry'))
  const one = (el: Element, name: string) => el.getElementsByTagNameNS(ATOM, name)[0]

  it('is served as application/atom+xml with the feed’s id, self link and newest update', () => {
    expect(contentType).toBe('application/atom+xml; charset=utf-8')
    expect(feed.namespaceURI).toBe(ATOM)
    expect(Array.from(feed.children).find((c) => c.localName === 'id')?.textContent).toBe(`${SITE}/sections/world`)
    expect(Array.from(feed.children).find((c) => c.localName === 'updated')?.textContent).toBe('2026-11-20T06:30:00.000Z')
    const self = Array.from(feed.children).find((c) => c.localName === 'link' && c.getAttribute('rel') === 'self')
    expect(self?.getAttribute('href')).toBe(`${SITE}/sections/world/atom.xml`)
  })

  it('names the publication as the feed’s author, so an entry without bylines still has one', () => {
    const author = Array.from(feed.children).find((c) => c.localName === 'author')
    expect(author && one(author, 'name').textContent).toBe('The Meridian Ledger')
    expect(entries[1].getElementsByTagNameNS(ATOM, 'author')).toHaveLength(0)
  })

  it('carries published and updated dates, authors with links, categories and an HTML summary', () => {
    const [first, second] = entries
    expect(one(first, 'id').textContent).toBe(articleGuid('article-3'))
    // The title is typed html: its text is escaped once more inside.
    expect(one(first, 'title').getAttribute('type')).toBe('html')
    expect(one(first, 'title').textContent).toBe('Rates &amp; &lt;risks&gt;')
    expect(one(first, 'published').textContent).toBe('2026-11-13T01:00:00.000Z')
    expect(one(first, 'updated').textContent).toBe('2026-11-20T06:30:00.000Z')
    expect(one(second, 'updated').textContent).toBe(one(second, 'published').textContent)
    const authors = Array.from(first.getElementsByTagNameNS(ATOM, 'author')).map((a) => [one(a, 'name').textContent, one(a, 'uri').textContent])
    expect(authors).toEqual([
      ['Ada Reporter', `${SITE}/people/ada-reporter`],
      ['He Yuting', `${SITE}/people/he-yuting`],
    ])
    expect(Array.from(first.getElementsByTagNameNS(ATOM, 'category')).map((c) => c.getAttribute('term'))).toEqual(['World', 'trade', 'central asia'])
    expect(one(first, 'summary').textContent).toContain('<li>Second point of 3</li>')
    const alternate = Array.from(first.getElementsByTagNameNS(ATOM, 'link')).find((l) => l.getAttribute('rel') !== 'enclosure')
    expect(alternate?.getAttribute('href')).toBe(`${SITE}/articles/story-3`)
  })
})

describe('JSON Feed 1.1', () => {
  const { body, contentType } = buildFeed('json', input({ scope: { kind: 'site' }, owner: undefined }))
  const feed = JSON.parse(body)

  it('is served as application/feed+json, version 1.1, with the site’s URLs and language', () => {
    expect(contentType).toBe(FEED_CONTENT_TYPES.json)
    expect(contentType).toBe('application/feed+json; charset=utf-8')
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'The Meridian Ledger',
      description: 'Independent reporting.',
      home_page_url: `${SITE}/`,
      feed_url: `${SITE}/feeds/feed.json`,
      language: 'en',
      authors: [{ name: 'The Meridian Ledger', url: `${SITE}/` }],
    })
    expect(feed.author).toBeUndefined()
  })

  it('carries each item’s fields, every author, tags, the image and the summary', () => {
    const [first, second] = feed.items
    expect(first).toMatchObject({
      id: 'urn:sanity:article:article-3',
      url: `${SITE}/articles/story-3`,
      title: 'Rates & <risks>',
      date_published: '2026-11-13T01:00:00.000Z',
      date_modified: '2026-11-20T06:30:00.000Z',
      authors: [
        { name: 'Ada Reporter', url: `${SITE}/people/ada-reporter` },
        { name: 'He Yuting', url: `${SITE}/people/he-yuting` },
      ],
      tags: ['World', 'trade', 'central asia'],
      language: 'en',
    })
    expect(first.author).toBeUndefined()
    expect(first.content_html).toBe('<p>Standfirst 3.</p><ul><li>First point of 3</li><li>Second point of 3</li></ul>')
    expect(first.image).toMatch(new RegExp(`^${SITE}/images/`))
    expect(second.authors).toBeUndefined()
    expect(second.image).toBeUndefined()
    expect(second.language).toBe('zh-Hans')
  })
})

describe('any format', () => {
  it('dates an empty feed by the injected now, and names a person’s feed after them', () => {
    const empty = buildFeed(
      'atom',
      input({ items: [], scope: { kind: 'person', slug: 'ada-reporter' }, owner: { kind: 'person', slug: 'ada-reporter', title: 'Ada Reporter' } }),
    )
    const doc = xml(empty.body)
    const top = (name: string) => Array.from(doc.documentElement.children).find((c) => c.localName === name)?.textContent
    expect(top('updated')).toBe('2030-01-01T00:00:00.000Z')
    expect(top('title')).toBe('Ada Reporter · The Meridian Ledger')
    expect(doc.getElementsByTagNameNS(ATOM, 'entry')).toHaveLength(0)
  })

  it('drops characters XML cannot carry', () => {
    const { body } = buildFeed('rss', input({ items: [card(1, { headline: 'Bad\u0001 char' })] }))
    expect(xml(body).getElementsByTagName('item')[0].getElementsByTagName('title')[0].textContent).toBe('Bad char')
  })
})

describe('the corrections feed', () => {
  const article = {
    _id: 'article-3',
    headline: 'Rates & <risks>',
    slug: 'story-3',
    language: 'en',
    section: { _id: 'section-world', title: 'World', slug: 'world' },
  }
  const corrections: CorrectionEntry[] = [
    { _key: 'c2', date: '2026-11-21T08:00:00Z', text: 'The rate was 4.5%, not 5.4% <sic>.', article },
    { _key: 'c1', date: '2026-11-20T07:00:00Z', text: 'A name was misspelt.', article: { ...article, section: undefined, language: 'zh-Hans' } },
  ]
  const corrected = (format: 'rss' | 'atom' | 'json') =>
    buildFeed(format, {
      ...input({ scope: { kind: 'corrections' }, owner: { kind: 'corrections', title: 'Corrections', description: 'Every correction.' } }),
      items: [],
      corrections,
    })

  it('gives each correction its own GUID, a link to its article’s notice, its date and its text', () => {
    const doc = xml(corrected('rss').body)
    const items = Array.from(doc.getElementsByTagName('item'))
    expect(items.map((item) => textOf(item, 'guid'))).toEqual([correctionGuid('article-3', 'c2'), correctionGuid('article-3', 'c1')])
    expect(correctionGuid('article-3', 'c2')).toBe('urn:sanity:article:article-3:correction:c2')
    expect(textOf(items[0], 'title')).toBe('Correction: Rates & <risks>')
    expect(textOf(items[0], 'link')).toBe(`${SITE}/articles/story-3#corrections`)
    expect(textOf(items[0], 'pubDate')).toBe('Sat, 21 Nov 2026 08:00:00 GMT')
    expect(textOf(items[0], 'description')).toBe('<p>The rate was 4.5%, not 5.4% &lt;sic&gt;.</p>')
    expect(child(items[0], 'category').map((c) => c.textContent)).toEqual(['World'])
    expect(child(doc.documentElement.children[0], 'title')[0].textContent).toBe('Corrections · The Meridian Ledger')
    expect(child(doc.documentElement.children[0], 'link')[0].textContent).toBe(`${SITE}/corrections`)
  })

  it('is updated at its newest correction, and links its own URLs in Atom and JSON Feed', () => {
    const atom = xml(corrected('atom').body)
    const top = (name: string) => Array.from(atom.documentElement.children).find((c) => c.localName === name)?.textContent
    expect(top('updated')).toBe('2026-11-21T08:00:00.000Z')
    const self = Array.from(atom.documentElement.children).find((c) => c.localName === 'link' && c.getAttribute('rel') === 'self')
    expect(self?.getAttribute('href')).toBe(`${SITE}/corrections/atom.xml`)
    const json = JSON.parse(corrected('json').body)
    expect(json.feed_url).toBe(`${SITE}/corrections/feed.json`)
    expect(json.items.map((item: { id: string; date_modified: string; language?: string }) => [item.id, item.date_modified, item.language])).toEqual([
      ['urn:sanity:article:article-3:correction:c2', '2026-11-21T08:00:00.000Z', 'en'],
      ['urn:sanity:article:article-3:correction:c1', '2026-11-20T07:00:00.000Z', 'zh-Hans'],
    ])
  })
})
