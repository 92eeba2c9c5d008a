import { Feed, type Item } from 'feed'
import type { CorrectionEntry, FeedArticle, FeedOwner } from '@/lib/content'
import { imageFile } from '@/lib/image'
import { routes, type FeedFormat, type FeedScope } from '@/lib/routes'
import { absolute, later, xmlSafe } from './xml'

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1, written by the `feed` package from validated
 * content. Each item carries its title, permalink, a stable GUID, first-published and
 * updated dates, authors, categories (section, then tags), a summary (the standfirst,
 * then the key points as a list) and the hero image (RSS enclosure, JSON Feed image).
 */

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
}

const FEED_FORMATS: FeedFormat[] = ['rss', 'atom', 'json']
const DC_NS = 'http://purl.org/dc/elements/1.1/'
const JSON_FEED_1_1 = 'https://jsonfeed.org/version/1.1'
/** Width of the image a feed item carries. */
export const FEED_IMAGE_WIDTH = 1200

/**
 * A feed item's GUID: a URN made from the document's _id, which never changes, so an
 * article keeps its identity in readers when its slug, headline or section change.
 */
export const articleGuid = (id: string) => `urn:sanity:article:${encodeURIComponent(id)}`

const escapeHtml = (text: string) => xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The item's summary as HTML: the standfirst, then the key points as a list; the headline if it has neither. */
export function summaryHtml(article: Pick<FeedArticle, 'headline' | 'standfirst' | 'keyPoints'>): string {
  const standfirst = article.standfirst?.trim()
  const parts: string[] = []
  if (standfirst) parts.push(`<p>${escapeHtml(standfirst)}</p>`)
  if (article.keyPoints.length > 0) parts.push(`<ul>${article.keyPoints.map((point) => `<li>${escapeHtml(point)}</li>`).join('')}</ul>`)
  return parts.length > 0 ? parts.join('') : `<p>${escapeHtml(article.headline)}</p>`
}

export type FeedSite = { title: string; description?: string; language: string }

export type FeedInput = {
  siteUrl: string
  site: FeedSite
  scope: FeedScope
  owner?: FeedOwner
  /** Newest first, as lib/content lists them. */
  items: FeedArticle[]
  /** The corrections feed's items instead of articles, newest first. */
  corrections?: CorrectionEntry[]
  /** Stands in for the feed's updated date only when it has no items. */
  now: Date
}

function scopePage(scope: FeedScope) {
  if (scope.kind === 'site') return routes.home()
  if (scope.kind === 'corrections') return routes.corrections()
  return scope.kind === 'section' ? routes.section(scope.slug) : routes.person(scope.slug)
}

/** A correction keeps its own identity in readers: its article's id and its own key. */
export const correctionGuid = (articleId: string, key: string) => `${articleGuid(articleId)}:correction:${encodeURIComponent(key)}`

/** One item in every format's terms, before the format's own details (authors, image, title escaping). */
type Entry = {
  headline: string
  id: string
  path: string
  date: string
  published: string
  description: string
  categories: string[]
  authors: { name: string; slug: string }[]
  image?: FeedArticle['heroImage']
  language?: string
}

const articleEntry = (article: FeedArticle): Entry => ({
  headline: article.headline,
  id: articleGuid(article._id),
  path: routes.article(article.slug),
  date: later(article.publishedAt, article.updatedAt)!,
  published: article.publishedAt,
  description: summaryHtml(article),
  categories: [...(article.section ? [article.section.title] : []), ...article.tags],
  authors: article.authors,
  image: article.heroImage,
  language: article.language,
})

/** A correction links to the notice on its article; it has no byline, so it is credited to the publication. */
const correctionEntry = ({ _key, date, text, article }: CorrectionEntry): Entry => ({
  headline: `Correction: ${article.headline}`,
  id: correctionGuid(article._id, _key),
  path: `${routes.article(article.slug)}#corrections`,
  date,
  published: date,
  description: `<p>${escapeHtml(text)}</p>`,
  categories: article.section ? [article.section.title] : [],
  authors: [],
  language: article.language,
})

/** The feed of one scope in one format, with its Content-Type. */
export function buildFeed(format: FeedFormat, input: FeedInput): { body: string; contentType: string } {
  const { siteUrl, site, scope, owner } = input
  const entries = [...input.items.map(articleEntry), ...(input.corrections ?? []).map(correctionEntry)]
  const url = (path: string) => absolute(siteUrl, path)
  const updated = entries.reduce<string | undefined>((newest, entry) => later(newest, entry.date), undefined)
  const pageUrl = url(scopePage(scope))

  const feed = new Feed({
    id: pageUrl,
    title: xmlSafe(owner ? `${owner.title} · ${site.title}` : site.title),
    description: xmlSafe(owner?.description ?? site.description ?? site.title),
    link: pageUrl,
    language: site.language,
    updated: updated ? new Date(updated) : input.now,
    generator: false,
    // Atom requires an author for every entry; an entry without bylines falls back to the publication.
    author: { name: xmlSafe(site.title), link: url(routes.home()) },
    feedLinks: Object.fromEntries(FEED_FORMATS.map((f) => [f, url(routes.feed(f, scope))])),
  })

  // JSON Feed 1.1 fields the library does not write, by item.
  const jsonExtras: { authors: { name: string; url: string }[]; language?: string }[] = []

  for (const entry of entries) {
    const authors = entry.authors.map((person) => ({ name: xmlSafe(person.name), link: url(routes.person(person.slug)) }))
    const categories = entry.categories.map((name) => ({ name: xmlSafe(name), term: xmlSafe(name) }))
    const image = entry.image && imageFile(entry.image, FEED_IMAGE_WIDTH)
    const item: Item = {
      // Atom titles are typed "html" by the library, so the headline's text is escaped there.
      title: format === 'atom' ? escapeHtml(entry.headline) : xmlSafe(entry.headline),
      id: entry.id,
      link: url(entry.path),
      date: new Date(entry.date),
      published: new Date(entry.published),
      description: entry.description,
      category: categories,
    }
    if (format === 'rss') {
      // RSS's <author> is an e-mail address; names go in Dublin Core's dc:creator.
      if (authors.length > 0) item.extensions = [{ name: 'dc:creator', objects: authors.map((a) => ({ _text: a.name })) as never }]
    } else if (format === 'atom' && authors.length > 0) {
      item.author = authors
    }
    // The library labels Atom enclosures by file extension (image/jpg for JPEG), so Atom carries no image.
    if (image && format !== 'atom') item.image = { url: imageAbsolute(siteUrl, image.url), type: image.type }
    feed.addItem(item)
    jsonExtras.push({ authors: authors.map(({ name, link }) => ({ name, url: link })), language: entry.language })
  }

  if (format === 'rss') return { body: withDublinCore(feed.rss2()), contentType: FEED_CONTENT_TYPES.rss }
  if (format === 'atom') return { body: feed.atom1(), contentType: FEED_CONTENT_TYPES.atom }
  return { body: toJsonFeed11(feed.json1(), site.language, jsonExtras), contentType: FEED_CONTENT_TYPES.json }
}

/** Image URLs are absolute on Sanity's CDN, and site paths on the embedded dataset. */
const imageAbsolute = (siteUrl: string, imageUrl: string) => (/^https?:\/\//i.test(imageUrl) ? imageUrl : absolute(siteUrl, `/${imageUrl.replace(/^\/+/, '')}`))

/** Declares the dc: prefix on <rss> when items use dc:creator (the library declares it only with content:encoded). */
function withDublinCore(xml: string): string {
  if (!xml.includes('<dc:creator') || xml.includes(`xmlns:dc="${DC_NS}"`)) return xml
  return xml.replace('<rss version="2.0"', `<rss version="2.0" xmlns:dc="${DC_NS}"`)
}

/**
 * The library writes JSON Feed 1.0; 1.1 adds `authors` (every author; the library's
 * single `author` is deprecated in 1.1 and not written) and `language`.
 */
function toJsonFeed11(json: string, language: string, extras: { authors: { name: string; url: string }[]; language?: string }[]): string {
  const { author, ...feed } = JSON.parse(json) as { version: string; author?: unknown; items: Record<string, unknown>[] }
  const items = feed.items.map((item, i) => {
    const { authors, language: itemLanguage } = extras[i]
    return { ...item, ...(authors.length > 0 ? { authors } : {}), ...(itemLanguage ? { language: itemLanguage } : {}) }
  })
  return JSON.stringify({ ...feed, version: JSON_FEED_1_1, language, ...(author ? { authors: [author] } : {}), items }, null, 2)
}
