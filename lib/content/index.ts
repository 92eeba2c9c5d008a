import 'server-only'
import { cache } from 'react'
import type { z } from 'zod'
import {
  ARTICLE_QUERY,
  ARTICLE_SLUGS_QUERY,
  CORRECTIONS_QUERY,
  FRONT_PAGE_QUERY,
  LATEST_QUERY,
  PERSON_QUERY,
  PERSON_SLUGS_QUERY,
  RELATED_QUERY,
  SEARCH_QUERY,
  SECTION_QUERY,
  SECTION_SLUGS_QUERY,
  SITE_CHROME_QUERY,
  TAG_QUERY,
  TAGS_QUERY,
} from './queries'
import { readingTime } from './reading-time'
import {
  ArticleCardSchema,
  ArticleSchema,
  CorrectionEntrySchema,
  PersonSchema,
  SectionLinkSchema,
  SectionSchema,
  SiteSettingsSchema,
  SlugListSchema,
  TagSchema,
  type ArticleCard,
} from './schemas'
import { requestPerspective } from './perspective'
import { contentSource } from './sources'
import { isLakeUnavailable } from './sources/lake-outage'
import type { Perspective, QueryParams } from './sources/types'
import { validateDocument, validateEach } from './validate'
import { matchPatterns, parseSearchQuery, type SearchQuery } from '@/lib/search-terms'

export type {
  ArticleCard,
  Body,
  BodyImage,
  Byline,
  BylineRole,
  Correction,
  CorrectionEntry,
  Image,
  Person,
  PersonLink,
  Section,
  SectionLink,
  SiteSettings,
} from './schemas'
export type { Perspective } from './sources/types'
export {
  CORRECTIONS_DESCRIPTION,
  CORRECTIONS_TITLE,
  FEED_SIZE,
  getSitemapContent,
  listFeedItems,
  listNewsArticles,
  type FeedContent,
  type FeedOwner,
  type SitemapContent,
} from './syndication'
export type { FeedArticle, NewsArticle, SitemapArticle } from './schemas'

/** Articles per listing page. */
export const PAGE_SIZE = 20
const FRONT_PAGE_LATEST = 13
const FRONT_PAGE_PER_SECTION = 4

export type ReadOptions = { perspective?: Perspective }
export type Paged<T> = { items: T[]; page: number; totalPages: number; total: number }

export const FALLBACK_SETTINGS = { title: 'News', language: 'en', timeZone: 'UTC' } as const

/** Runs a query through the configured source, in the given perspective or the request's (drafts in draft mode). */
async function run(query: string, params: QueryParams, tags: string[], options: ReadOptions = {}) {
  const perspective = options.perspective ?? (await requestPerspective())
  return contentSource().fetch(query, params, { perspective, tags })
}

/**
 * The publication's settings and its sections, for the masthead and navigation; read once per
 * request. With the Content Lake unreachable, the fallback title and no sections: the frame must
 * not fail a page that can be shown (a not-found page, the outage page itself).
 */
export const getSiteChrome = cache(async (options?: ReadOptions) => {
  const raw = (await run(SITE_CHROME_QUERY, {}, ['siteSettings', 'section'], options).catch((error: unknown) => {
    if (isLakeUnavailable(error)) return { settings: undefined, sections: [] }
    throw error
  })) as { settings: unknown; sections: unknown }
  const settings = raw.settings ? validateDocument(SiteSettingsSchema, raw.settings, 'Site settings') : undefined
  return {
    settings: { ...FALLBACK_SETTINGS, ...settings },
    sections: validateEach(SectionLinkSchema, raw.sections, 'Section'),
  }
})

/** The lead story, the latest articles after it, and a row of each section's newest articles not shown above. */
export async function getFrontPage(options?: ReadOptions) {
  const raw = (await run(
    FRONT_PAGE_QUERY,
    // Enough per section that four remain after removing those already shown above.
    { latestCount: FRONT_PAGE_LATEST, perSection: FRONT_PAGE_LATEST + FRONT_PAGE_PER_SECTION },
    ['article', 'section'],
    options,
  )) as { latest: unknown; sections: { articles: unknown }[] | null }

  const [lead, ...latest] = validateEach(ArticleCardSchema, raw.latest, 'Article')
  const shown = new Set([lead, ...latest].filter(Boolean).map((card) => card._id))
  const sections = (raw.sections ?? []).flatMap((row) => {
    const section = validateDocument(SectionLinkSchema, row, 'Section')
    if (!section) return []
    const articles = validateEach(ArticleCardSchema, row.articles, 'Article')
      .filter((card) => !shown.has(card._id))
      .slice(0, FRONT_PAGE_PER_SECTION)
    return articles.length > 0 ? [{ section, articles }] : []
  })
  return { lead: lead as ArticleCard | undefined, latest, sections }
}

const readArticle = cache(async (slug: string, perspective: Perspective) => {
  const raw = await run(ARTICLE_QUERY, { slug }, ['article', `article:${slug}`], { perspective })
  if (!raw) return undefined
  const article = validateDocument(ArticleSchema, raw, 'Article')
  return article && { ...article, readingTimeMinutes: readingTime(article) }
})

/** One article by its slug, with its reading time; undefined when missing or invalid. Read once per request. */
export const getArticle = async (slug: string, { perspective }: ReadOptions = {}) => readArticle(slug, perspective ?? (await requestPerspective()))
export type Article = NonNullable<Awaited<ReturnType<typeof getArticle>>>

const pageRange = (page: number) => ({ start: (page - 1) * PAGE_SIZE, end: page * PAGE_SIZE })

/** What a listing's query counted, and the pages that makes: at least one, even when nothing was found. */
function countOf(raw: { total?: unknown }) {
  const total = typeof raw.total === 'number' ? raw.total : 0
  return { total, totalPages: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

/**
 * A page of a listing, or undefined when the page number is outside it. The first
 * page always exists, even when the listing is empty.
 */
function toPage(raw: { items?: unknown; total?: unknown }, page: number): Paged<ArticleCard> | undefined
function toPage<S extends z.ZodType>(raw: { items?: unknown; total?: unknown }, page: number, schema: S, what: string): Paged<z.output<S>> | undefined
function toPage(raw: { items?: unknown; total?: unknown }, page: number, schema: z.ZodType = ArticleCardSchema, what = 'Article') {
  const { total, totalPages } = countOf(raw)
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined
  return { items: validateEach(schema, raw.items, what), page, totalPages, total }
}

type PageOptions = ReadOptions & { page?: number }

/** All published articles, newest first. */
export async function listLatest({ page = 1, ...options }: PageOptions = {}) {
  const raw = (await run(LATEST_QUERY, pageRange(page), ['article'], options)) as { items: unknown; total: unknown }
  return toPage(raw, page)
}

/**
 * Every correction of a published article, newest first, each with its article. Tagged
 * 'article': a correction is an article change, and publishing one expires these pages.
 */
export async function listCorrections({ page = 1, ...options }: PageOptions = {}) {
  const raw = (await run(CORRECTIONS_QUERY, pageRange(page), ['article'], options)) as { items: unknown; total: unknown }
  return toPage(raw, page, CorrectionEntrySchema, 'Correction')
}

// React's cache keys on argument identity, so the cached readers take primitives.
const readSection = cache(async (slug: string, page: number, perspective: Perspective) => {
  const raw = await run(SECTION_QUERY, { slug, ...pageRange(page) }, ['article', `section:${slug}`], { perspective })
  return withOwner(raw, SectionSchema, 'Section', page)
})

const readPerson = cache(async (slug: string, page: number, perspective: Perspective) => {
  const raw = await run(PERSON_QUERY, { slug, ...pageRange(page) }, ['article', `person:${slug}`], { perspective })
  return withOwner(raw, PersonSchema, 'Person', page)
})

function withOwner<S extends z.ZodType>(raw: unknown, schema: S, what: string, page: number) {
  if (!raw) return undefined
  const owner = validateDocument(schema, raw, what)
  const listing = owner && toPage(raw as { items?: unknown; total?: unknown }, page)
  return owner && listing ? { ...listing, owner: owner as z.output<S> } : undefined
}

/** A section and a page of its articles, newest first. */
export const listBySection = async (slug: string, { page = 1, perspective }: PageOptions = {}) =>
  readSection(slug, page, perspective ?? (await requestPerspective()))

/** A person and a page of the articles that credit them in any role, newest first. */
export const listByPerson = async (slug: string, { page = 1, perspective }: PageOptions = {}) =>
  readPerson(slug, page, perspective ?? (await requestPerspective()))

async function slugs(query: string, tag: string) {
  return validateDocument(SlugListSchema, await run(query, {}, [tag], { perspective: 'published' }), 'Slug list') ?? []
}

/** Slugs to prerender at build time. */
export const listArticleSlugs = () => slugs(ARTICLE_SLUGS_QUERY, 'article')
export const listSectionSlugs = () => slugs(SECTION_SLUGS_QUERY, 'section')
export const listPersonSlugs = () => slugs(PERSON_SLUGS_QUERY, 'person')

export type FrontPage = Awaited<ReturnType<typeof getFrontPage>>
export type SiteChrome = Awaited<ReturnType<typeof getSiteChrome>>

// Search, tags and related articles.

export type SearchResults = Paged<ArticleCard> & { query: SearchQuery }

/**
 * A page of the articles that match what a reader typed, best match first. The reader's
 * input is cleaned and cut here (lib/search-terms.ts) and reaches GROQ only as `match`
 * patterns in a parameter. A query with no words finds nothing without querying; a page
 * past the end is an empty page (page > totalPages), not an error.
 */
export async function searchArticles(input: unknown, { page = 1, ...options }: PageOptions = {}): Promise<SearchResults> {
  const query = parseSearchQuery(input)
  const at = Number.isInteger(page) && page >= 1 ? page : 1
  if (query.terms.length === 0) return { query, items: [], page: at, totalPages: 1, total: 0 }
  const params = { terms: matchPatterns(query.terms), ...pageRange(at) }
  // Not through run(): nothing built from a reader's input is kept in a cache, save the local
  // source's memo of recent searches (300 answers, 15 s each: lib/content/sources/local.ts).
  const perspective = options.perspective ?? (await requestPerspective())
  const raw = (await contentSource().fetch(SEARCH_QUERY, params, { perspective, tags: ['article'], uncached: true })) as {
    items: unknown
    total: unknown
  }
  const { total, totalPages } = countOf(raw)
  return { query, items: validateEach(ArticleCardSchema, raw.items, 'Article'), page: at, totalPages, total }
}

const readTag = cache(async (tag: string, page: number, perspective: Perspective) => {
  const raw = (await run(TAG_QUERY, { tag, ...pageRange(page) }, ['article'], { perspective })) as { items: unknown; total: unknown }
  // A tag no published article carries does not exist.
  return raw.total ? toPage(raw, page) : undefined
})

/** A page of the articles carrying a tag, newest first; undefined for an unknown tag or a page outside the listing. */
export const listByTag = async (tag: string, { page = 1, perspective }: PageOptions = {}) => readTag(tag, page, perspective ?? (await requestPerspective()))

/** Every tag carried by a published article, to prerender tag pages. */
export async function listTags(): Promise<string[]> {
  const raw = await run(TAGS_QUERY, {}, ['article'], { perspective: 'published' })
  return validateEach(TagSchema, raw, 'Tag')
}

/** Related articles shown under an article. */
export const RELATED_COUNT = 4
/** Related articles are chosen among this many of the newest. */
export const RELATED_WINDOW = 1000

/**
 * Up to RELATED_COUNT other articles, among the RELATED_WINDOW newest, in the same section or
 * sharing tags with `article`: most shared tags first, then the same section, then the
 * newest. Never the article itself.
 */
export async function getRelatedArticles(
  article: { _id: string; section?: { _id: string }; tags: string[] },
  options: ReadOptions = {},
): Promise<ArticleCard[]> {
  const params = { id: article._id, section: article.section?._id ?? '', tags: article.tags, limit: RELATED_COUNT, window: RELATED_WINDOW }
  const raw = await run(RELATED_QUERY, params, ['article'], options)
  return validateEach(ArticleCardSchema, raw, 'Article').filter((card) => card._id !== article._id)
}
export { checkStudioPreviewSecret, type StudioPreviewCheck } from './preview-secrets'
export { getArticlePreview, type ArticlePreview, type PreviewArticle } from './preview'
export { findReferencingArticleSlugs } from './references'
export { defineSanityLive } from './sources/sanity-live'
export { articleEditTarget, type EditTarget } from './edit-target'
