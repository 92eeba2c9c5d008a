import type { Metadata } from 'next'
import { getSiteChrome, type Image } from '@/lib/content'
import { imageUrl } from '@/lib/image'
import { routes, type FeedFormat, type FeedScope } from '@/lib/routes'

/**
 * Every page's metadata comes from here. Next merges `metadata` shallowly: a page
 * that sets `alternates` (for its canonical URL) replaces the layout's whole
 * `alternates`, feed links included, and a page that sets `openGraph` replaces the
 * layout's. So this helper always returns the canonical URL and the feed
 * autodiscovery links together, and a complete Open Graph and Twitter card.
 *
 * URLs are site paths; the layout's `metadataBase` (readConfig().siteUrl) makes
 * them absolute.
 */

export const FEED_MEDIA_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
}
const FEED_FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' }
const FEED_FORMATS = Object.keys(FEED_MEDIA_TYPES) as FeedFormat[]

/** A section, a person or the corrections, whose own feeds a page links to besides the site's. */
export type FeedOwner = { scope: Exclude<FeedScope, { kind: 'site' }>; title: string }

type FeedLink = { url: string; title: string }
export type FeedTypes = Record<string, FeedLink[]>

/** The site's feeds, then the owner's (a section's or a person's), one list per media type. */
export function feedTypes(siteTitle: string, owner?: FeedOwner): FeedTypes {
  return Object.fromEntries(
    FEED_FORMATS.map((format) => {
      const links: FeedLink[] = [{ url: routes.feed(format), title: `${siteTitle} (${FEED_FORMAT_NAMES[format]})` }]
      if (owner) links.push({ url: routes.feed(format, owner.scope), title: `${owner.title}: ${siteTitle} (${FEED_FORMAT_NAMES[format]})` })
      return [FEED_MEDIA_TYPES[format], links]
    }),
  )
}

/** A page's `alternates`: its canonical URL and the feed links, always together. */
export function alternatesFor(path: string, siteTitle: string, owner?: FeedOwner) {
  return { canonical: path, types: feedTypes(siteTitle, owner) } satisfies Metadata['alternates']
}

export type ShareImage = { url: string; width: number; height: number; alt?: string }

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const

/** The card drawn for an article without a hero image (app/(site)/articles/[slug]/share-card). */
export function generatedShareImage(slug: string, headline: string): ShareImage {
  return { url: routes.articleShareImage(slug), ...SHARE_IMAGE_SIZE, alt: headline }
}

/** An image cropped to the share card's 1200×630 around its hotspot. */
export function shareImageOf(image: Image, fallbackAlt?: string): ShareImage {
  const { width, height } = SHARE_IMAGE_SIZE
  return { url: imageUrl(image, width, width / height), width, height, alt: image.alt ?? fallbackAlt }
}

export type ArticleGraph = {
  publishedTime: string
  modifiedTime?: string
  /** Absolute URLs of the authors' person pages. */
  authors: string[]
  section?: string
  tags: string[]
}

export type PageMetadataInput = {
  /** The page's canonical path, e.g. routes.section(slug, page). */
  path: string
  /** Omit on the front page: the layout's default title (the site's name) applies. */
  title?: string
  description?: string
  /** The section's or person's own feeds, on their pages. */
  feeds?: FeedOwner
  /** Open Graph `article` fields; without them the page is a `website`. */
  article?: ArticleGraph
  /** The share image. Omit for the site's share image. */
  image?: ShareImage
}

export type SiteInfo = { title: string; description?: string; shareImage?: ShareImage }

/** Pure: the metadata of one page, given the site's name and share image. */
export function buildPageMetadata(input: PageMetadataInput, site: SiteInfo): Metadata {
  const title = input.title ?? site.title
  const description = input.description ?? site.description
  const image = input.image ?? site.shareImage
  const common = { title, description, url: input.path, siteName: site.title, images: image ? [image] : [] }
  const openGraph: Metadata['openGraph'] = input.article ? { ...common, type: 'article', ...input.article } : { ...common, type: 'website' }
  return {
    ...(input.title ? { title: input.title } : {}),
    ...(description ? { description } : {}),
    alternates: alternatesFor(input.path, site.title, input.feeds),
    openGraph,
    // Twitter's card takes og:image when it has no image of its own.
    twitter: { card: 'summary_large_image', title, ...(description ? { description } : {}) },
  }
}

/** The site's name, description and share image, from its settings. */
export async function siteInfo(): Promise<SiteInfo> {
  const { settings } = await getSiteChrome()
  return {
    title: settings.title,
    description: settings.description,
    shareImage: settings.shareImage ? shareImageOf(settings.shareImage, settings.title) : undefined,
  }
}

/** What every page's generateMetadata returns: `return pageMetadata({ path: routes.latest(), title: 'Latest news' })`. */
export async function pageMetadata(input: PageMetadataInput): Promise<Metadata> {
  return buildPageMetadata(input, await siteInfo())
}
