import { z } from 'zod'

/**
 * The shapes of everything that crosses from a content source into the app. The
 * TypeScript types are inferred from these schemas. GROQ answers null for a missing
 * field; `optional()` turns that into undefined so components see one "absent".
 */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === null ? undefined : value), schema.optional())

const text = z.string().trim().min(1)

/** Links editors may use in body text: the web, e-mail and this site's own paths. */
const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/))/i
export const isSafeHref = (href: string) => SAFE_HREF.test(href.trim())

export const ImageSchema = z.object({
  asset: z.object({
    _id: z.string(),
    width: z.number().positive(),
    height: z.number().positive(),
    lqip: optional(z.string()),
  }),
  alt: optional(z.string()),
  caption: optional(z.string()),
  credit: optional(z.string()),
  hotspot: optional(z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() })),
  crop: optional(z.object({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() })),
})
export type Image = z.infer<typeof ImageSchema>

/** An image whose asset is missing (deleted, never uploaded) is treated as no image at all. */
const optionalImage = z.unknown().transform((value) => {
  const result = ImageSchema.safeParse(value)
  return result.success ? result.data : undefined
})

export const SectionLinkSchema = z.object({ _id: z.string(), title: text, slug: text })
export type SectionLink = z.infer<typeof SectionLinkSchema>

export const PersonLinkSchema = z.object({ _id: z.string(), name: text, slug: text })
export type PersonLink = z.infer<typeof PersonLinkSchema>

const isoDateTime = z.iso.datetime({ offset: true })

export const ArticleCardSchema = z.object({
  _id: z.string(),
  headline: text,
  slug: text,
  standfirst: optional(z.string()),
  publishedAt: isoDateTime,
  updatedAt: optional(isoDateTime),
  language: optional(z.string()),
  section: optional(SectionLinkSchema),
  heroImage: optionalImage,
  authors: optional(z.array(PersonLinkSchema)).transform((authors) => authors ?? []),
})
export type ArticleCard = z.infer<typeof ArticleCardSchema>

const SpanSchema = z.object({
  _type: z.literal('span'),
  _key: optional(z.string()),
  text: z.string(),
  marks: optional(z.array(z.string())),
})

const LinkSchema = z.object({
  _key: z.string(),
  _type: z.literal('link'),
  // An unsafe or empty address (javascript:, data:) keeps its text and loses the link.
  href: optional(z.string()).transform((href) => (href && isSafeHref(href) ? href.trim() : undefined)),
})

const TextBlockSchema = z.object({
  _type: z.literal('block'),
  _key: z.string(),
  style: optional(z.enum(['normal', 'h2', 'h3', 'blockquote'])),
  listItem: optional(z.enum(['bullet', 'number'])),
  level: optional(z.number()),
  markDefs: optional(z.array(LinkSchema)),
  children: z.array(SpanSchema),
})

const BodyImageSchema = ImageSchema.extend({ _type: z.literal('image'), _key: z.string() })

export const BodySchema = z.array(z.discriminatedUnion('_type', [TextBlockSchema, BodyImageSchema]))
export type Body = z.infer<typeof BodySchema>
export type BodyImage = z.infer<typeof BodyImageSchema>

/** A tag as editors typed it; its page is /tags/<tag>. */
/** A tag exactly as stored: tag pages match it exactly, so it is not trimmed. */
export const TagSchema = z.string().min(1)

export const BYLINE_ROLES = ['author', 'editor', 'photographer', 'translator', 'contributor'] as const
export type BylineRole = (typeof BYLINE_ROLES)[number]

export const ProfileLinkSchema = z.object({ _key: z.string(), label: text, url: z.url({ protocol: /^https?$/ }) })
export type ProfileLink = z.infer<typeof ProfileLinkSchema>

/** A list whose invalid items are dropped one by one, never the document that holds them. */
const validItems = <S extends z.ZodType>(schema: S) =>
  z.array(z.unknown()).transform((values) =>
    values.flatMap((value) => {
      const result = schema.safeParse(value)
      return result.success ? [result.data as z.output<S>] : []
    }),
  )

/** A person's profile links: one that is not an http(s) address is dropped, never the person or the article. */
const profileLinks = validItems(ProfileLinkSchema)
/** On bylines, for structured data (sameAs). */
const bylineLinks = optional(profileLinks)

export const BylineSchema = z.object({
  _key: z.string(),
  role: z.enum(BYLINE_ROLES),
  person: PersonLinkSchema.extend({ jobTitle: optional(z.string()), links: bylineLinks }),
})
export type Byline = z.infer<typeof BylineSchema>

export const CorrectionSchema = z.object({ _key: z.string(), date: isoDateTime, text })
/** When the newest correction was made, for the sitemap's /corrections lastmod. */
export const CorrectedAtSchema = isoDateTime
export type Correction = z.infer<typeof CorrectionSchema>

export const ArticleSchema = ArticleCardSchema.omit({ authors: true }).extend({
  // A correction without a date or text is left out; the article and its other corrections are shown, newest first.
  corrections: optional(validItems(CorrectionSchema)).transform((corrections) => (corrections ?? []).sort((a, b) => Date.parse(b.date) - Date.parse(a.date))),
  keyPoints: optional(z.array(text)).transform((points) => points ?? []),
  tags: optional(z.array(TagSchema)).transform((tags) => tags ?? []),
  bylines: optional(z.array(BylineSchema)).transform((bylines) => bylines ?? []),
  source: optional(z.object({ name: text, url: optional(z.url({ protocol: /^https?$/ })) })),
  readingTimeOverride: optional(z.number().int().positive()),
  body: optional(BodySchema).transform((body) => body ?? []),
})
export type ArticleDocument = z.infer<typeof ArticleSchema>

/** A draft under preview: the same article, but it may not have a publication time yet. */
export const DraftArticleSchema = ArticleSchema.extend({ publishedAt: optional(isoDateTime) })
export type DraftArticle = z.infer<typeof DraftArticleSchema>

export const SiteSettingsSchema = z.object({
  title: text,
  description: optional(z.string()),
  language: optional(z.string()),
  timeZone: optional(z.string()),
  logo: optionalImage,
  shareImage: optionalImage,
})
export type SiteSettings = z.infer<typeof SiteSettingsSchema>

export const PersonSchema = PersonLinkSchema.extend({
  jobTitle: optional(z.string()),
  bio: optional(z.string()),
  portrait: optionalImage,
  links: optional(profileLinks).transform((links) => links ?? []),
})
export type Person = z.infer<typeof PersonSchema>

export const SectionSchema = SectionLinkSchema.extend({ description: optional(z.string()) })
export type Section = z.infer<typeof SectionSchema>

export const SlugListSchema = z.array(z.string())

/** One entry of /corrections and its feed: a correction and the article it corrects. */
export const CorrectionEntrySchema = CorrectionSchema.extend({
  article: ArticleCardSchema.pick({ _id: true, headline: true, slug: true, language: true, section: true }),
})
export type CorrectionEntry = z.infer<typeof CorrectionEntrySchema>

/** An article as a feed carries it: a card with its key points and tags. */
export const FeedArticleSchema = ArticleCardSchema.extend({
  keyPoints: optional(z.array(text)).transform((points) => points ?? []),
  tags: optional(z.array(TagSchema)).transform((tags) => tags ?? []),
})
export type FeedArticle = z.infer<typeof FeedArticleSchema>

/** The person a feed is about. */
export const FeedPersonSchema = PersonLinkSchema.extend({ bio: optional(z.string()) })

/** Keeps the strings of a list GROQ may answer with nulls in it (a byline whose person has no slug). */
const stringsOnly = optional(z.array(z.unknown())).transform((values) =>
  (values ?? []).flatMap((value) => (typeof value === 'string' && value.trim() !== '' ? [value.trim()] : [])),
)

/** What the sitemaps need of an article: its URL, its dates, and the listings it appears in. */
// Validated as cards are (headline included), so the sitemap never lists an article whose page fails.
export const SitemapArticleSchema = ArticleCardSchema.pick({ slug: true, headline: true, publishedAt: true, updatedAt: true }).extend({
  section: optional(text),
  people: stringsOnly,
  tags: stringsOnly,
})
export type SitemapArticle = z.infer<typeof SitemapArticleSchema>

export const NewsArticleSchema = z.object({
  _id: z.string(),
  headline: text,
  slug: text,
  publishedAt: isoDateTime,
  updatedAt: optional(isoDateTime),
  language: optional(z.string()),
})
export type NewsArticle = z.infer<typeof NewsArticleSchema>
