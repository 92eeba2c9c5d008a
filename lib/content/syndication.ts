import 'server-only'
import type { FeedScope } from '@/lib/routes'
import { CORRECTIONS_QUERY, NEWS_SITEMAP_QUERY, PERSON_FEED_QUERY, SECTION_FEED_QUERY, SITE_FEED_QUERY, SITEMAP_QUERY } from './queries'
import {
  CorrectedAtSchema,
  CorrectionEntrySchema,
  FeedArticleSchema,
  NewsArticleSchema,
  FeedPersonSchema,
  SectionSchema,
  SitemapArticleSchema,
  SlugListSchema,
  type CorrectionEntry,
  type FeedArticle,
} from './schemas'
import { contentSource } from './sources'
import type { QueryParams } from './sources/types'
import { validateDocument, validateEach } from './validate'

/**
 * What feeds and sitemaps read: validated content, no GROQ. The XML and JSON are
 * built from it in lib/syndication/.
 */

/** Items in a feed: the newest articles of its scope. */
export const FEED_SIZE = 50

const fetchPublished = (query: string, params: QueryParams, tags: string[]) => contentSource().fetch(query, params, { perspective: 'published', tags })

/** What /corrections and its feeds say they are. */
export const CORRECTIONS_TITLE = 'Corrections'
export const CORRECTIONS_DESCRIPTION = 'Every correction to our reporting, newest first, each linking to the article it puts right.'

/** What a feed is about, when it is not the whole site: a section, a person or the corrections. */
export type FeedOwner = { title: string; description?: string } & ({ kind: 'section' | 'person'; slug: string } | { kind: 'corrections' })
/** A feed's articles; the corrections feed has none, and lists corrections with the article each corrects. */
export type FeedContent = { scope: FeedScope; owner?: FeedOwner; items: FeedArticle[]; corrections?: CorrectionEntry[] }

/**
 * The newest articles of a feed's scope, newest first, at most FEED_SIZE; undefined for
 * an unknown (or invalid) section or person. An invalid article is left out with a warning.
 */
export async function listFeedItems(scope: FeedScope): Promise<FeedContent | undefined> {
  const limit = FEED_SIZE
  if (scope.kind === 'site') {
    const raw = await fetchPublished(SITE_FEED_QUERY, { limit }, ['article'])
    return { scope, items: validateEach(FeedArticleSchema, raw, 'Article') }
  }
  if (scope.kind === 'corrections') {
    const raw = (await fetchPublished(CORRECTIONS_QUERY, { start: 0, end: limit }, ['article'])) as { items?: unknown }
    const owner: FeedOwner = { kind: 'corrections', title: CORRECTIONS_TITLE, description: CORRECTIONS_DESCRIPTION }
    return { scope, owner, items: [], corrections: validateEach(CorrectionEntrySchema, raw.items, 'Correction') }
  }
  if (scope.kind === 'section') {
    const raw = (await fetchPublished(SECTION_FEED_QUERY, { slug: scope.slug, limit }, ['article', `section:${scope.slug}`])) as { items?: unknown } | null
    const section = raw && validateDocument(SectionSchema, raw, 'Section')
    if (!section) return undefined
    const owner: FeedOwner = { kind: 'section', slug: section.slug, title: section.title, description: section.description }
    return { scope, owner, items: validateEach(FeedArticleSchema, raw.items, 'Article') }
  }
  const raw = (await fetchPublished(PERSON_FEED_QUERY, { slug: scope.slug, limit }, ['article', `person:${scope.slug}`])) as { items?: unknown } | null
  const person = raw && validateDocument(FeedPersonSchema, raw, 'Person')
  if (!person) return undefined
  const owner: FeedOwner = { kind: 'person', slug: person.slug, title: person.name, description: person.bio }
  return { scope, owner, items: validateEach(FeedArticleSchema, raw.items, 'Article') }
}

/** Every published article with its dates and listings, and every section and person, for the sitemaps. */
export async function getSitemapContent() {
  const raw = (await fetchPublished(SITEMAP_QUERY, {}, ['article', 'section', 'person'])) as {
    articles?: unknown
    sections?: unknown
    people?: unknown
    correctedAt?: unknown
  }
  const correctedAt = raw.correctedAt == null ? undefined : validateDocument(CorrectedAtSchema, raw.correctedAt, 'Newest correction date')
  return {
    articles: validateEach(SitemapArticleSchema, raw.articles, 'Article'),
    sections: validateDocument(SlugListSchema, raw.sections ?? [], 'Section slug list') ?? [],
    people: validateDocument(SlugListSchema, raw.people ?? [], 'Person slug list') ?? [],
    // The newest correction's date: when /corrections last changed.
    ...(correctedAt ? { correctedAt } : {}),
  }
}
export type SitemapContent = Awaited<ReturnType<typeof getSitemapContent>>

/**
 * Articles first published at or after `since`, newest first: the candidates for the
 * Google News sitemap (lib/syndication/news-sitemap.ts applies the rules).
 */
export async function listNewsArticles(since: Date) {
  // Whole minutes, so the local source's parsed-query cache sees one query a minute.
  const minute = new Date(Math.floor(since.getTime() / 60_000) * 60_000)
  const raw = await fetchPublished(NEWS_SITEMAP_QUERY, { since: minute.toISOString() }, ['article'])
  return validateEach(NewsArticleSchema, raw, 'Article')
}
