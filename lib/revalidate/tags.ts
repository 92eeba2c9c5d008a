import { z } from 'zod'

/**
 * Which cache tags a published change touches. The content layer (lib/content) tags every
 * cached read with what it depends on:
 *
 * - `'article'`: every read that lists or shows articles (front page, latest, section, person
 *   and tag pages, related articles, feeds, sitemaps, article pages themselves), and the
 *   corrections (/corrections and its feeds): a correction is an article change, so it needs no tag of its own;
 * - `article:<slug>`, `section:<slug>`, `person:<slug>`: one article page, one section's
 *   pages and feeds, one person's pages and feeds;
 * - `'section'`: the navigation, the front page's section rows and the section list;
 * - `'person'`: the list of people (sitemap, prerendered person pages);
 * - `'siteSettings'`: the publication's settings, read by every page;
 * - `doc:<_id>` ({@link documentTag}): added by the Sanity source (lib/content/sources/sanity.ts)
 *   for every document a cached result holds, at any depth (an article, its section, its
 *   people); every published change of a revalidated type expires its own.
 *
 * Tag pages carry no tag of their own: they are tagged `'article'`.
 *
 * Sanity's webhook sends the body below (the projection is in README.md, "Publish to live").
 * Webhook projections cannot run sub-queries, so the articles that reference a changed person
 * or section are not in it: the route looks them up and passes their slugs in.
 */

/**
 * Bounds far above what the projection sends, so that a body cannot make the route expire
 * thousands of tags: each string short enough that a tag built from it (`article:<slug>`,
 * `doc:<_id>`) stays within Next's 256 characters for a cache tag, and at most 50 people on
 * each side of a change. A body at every bound, in ASCII as generated slugs are, is about 21 KB:
 * a third of what the route reads (MAX_BODY_BYTES in handler.ts).
 */
export const MAX_FIELD_LENGTH = 200
export const MAX_PEOPLE = 50

const text = z.string().max(MAX_FIELD_LENGTH)
const slug = text.nullish()
/** `bylines[].person->slug.current` holds null for a byline whose person does not resolve. */
const slugs = z.array(text.nullable()).max(MAX_PEOPLE).nullish()

export const ChangeSchema = z.object({
  _id: text.min(1),
  _type: text.min(1),
  /** `delta::operation()`: informative only, the tags do not depend on it. */
  operation: z.enum(['create', 'update', 'delete']).nullish(),
  /** The document's slug after the change (article, person, section). */
  slug,
  /** `before().slug.current`: the slug before the change, gone from the site if it changed. */
  previousSlug: slug,
  /** An article's section, after and before the change. */
  section: slug,
  previousSection: slug,
  /** The people an article credits, after and before the change. */
  people: slugs,
  previousPeople: slugs,
})
export type Change = z.infer<typeof ChangeSchema>

/** The tag of one document: what a cached read holding it is tagged with, what its change expires. */
export const documentTag = (id: string) => `doc:${id}`

/** Document types whose changes reach the site. Any other type revalidates nothing. */
export const REVALIDATED_TYPES = ['article', 'person', 'section', 'siteSettings'] as const
export type RevalidatedType = (typeof REVALIDATED_TYPES)[number]

export const isRevalidatedType = (type: string): type is RevalidatedType => (REVALIDATED_TYPES as readonly string[]).includes(type)

/** Drafts and release versions are never cached for readers: their changes revalidate nothing. */
export const isPublishedId = (id: string) => !id.startsWith('drafts.') && !id.startsWith('versions.')

/** The types whose changes show in the articles that reference them (bylines, section links). */
export const needsReferencingArticles = (change: Pick<Change, '_id' | '_type'>) =>
  isPublishedId(change._id) && (change._type === 'person' || change._type === 'section')

const present = (values: readonly (string | null | undefined)[]) => values.filter((value): value is string => !!value)

/**
 * Exactly the cache tags a change touches, each once. `referencingArticles` are the slugs
 * of the published articles that reference the document (only read for a person or a section).
 * An unknown type, a draft or a release version gives none.
 */
export function tagsForChange(change: Change, referencingArticles: readonly string[] = []): string[] {
  if (!isPublishedId(change._id) || !isRevalidatedType(change._type)) return []
  const tags = new Set<string>([documentTag(change._id)])
  const add = (prefix: string, values: readonly (string | null | undefined)[]) => {
    for (const value of present(values)) tags.add(`${prefix}:${value}`)
  }
  const own = [change.slug, change.previousSlug]
  const referencing = present(referencingArticles)

  switch (change._type) {
    case 'article':
      // Every listing, feed and sitemap, and the related articles of other pages.
      tags.add('article')
      add('article', own)
      add('section', [change.section, change.previousSection])
      add('person', [...(change.people ?? []), ...(change.previousPeople ?? [])])
      break
    case 'person':
    case 'section':
      // A person: the person list (sitemap) and their pages and feeds. A section: the
      // navigation, the front page's rows and the section list, and its pages and feeds.
      // Both under the old slug too.
      tags.add(change._type)
      add(change._type, own)
      // The name is in the bylines or section links of these article pages, and in the
      // article cards of every listing (tagged 'article'), so those go too when referenced.
      if (referencing.length > 0) tags.add('article')
      add('article', referencing)
      break
    case 'siteSettings':
      tags.add('siteSettings')
      break
  }
  return [...tags]
}
