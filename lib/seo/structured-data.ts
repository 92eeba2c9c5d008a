import type {
  BreadcrumbList,
  CorrectionComment,
  ImageObject,
  NewsArticle,
  NewsMediaOrganization,
  Organization,
  Person as PersonNode,
  ProfilePage,
  SearchAction,
  WebSite,
  WithActionConstraints,
  WithContext,
} from 'schema-dts'
import type { Article, Byline, BylineRole, Person, SiteChrome } from '@/lib/content'
import { bodyText, countReadingUnits } from '@/lib/content/reading-time'
import { formatDateTime } from '@/lib/dates'
import { imageUrl } from '@/lib/image'
import { routes } from '@/lib/routes'

/**
 * Schema.org JSON-LD for search engines, built by pure functions from validated
 * content, the site's settings and its public URL, so they can be tested without Next.
 * components/JsonLd.tsx renders them.
 */

export type StructuredDataContext = { siteUrl: string; settings: SiteChrome['settings'] }

/** The width, in pixels, of every image offered to search engines. */
export const STRUCTURED_IMAGE_WIDTH = 1200
/** Aspect ratios Google asks for in article images: 16:9, 4:3 and 1:1. */
export const STRUCTURED_IMAGE_RATIOS = [16 / 9, 4 / 3, 1] as const

const SEARCH_TERM = 'search_term_string'

/** An absolute URL for a site path or an image URL the builder made relative. */
export function absoluteUrl(siteUrl: string, pathOrUrl: string): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl
  return `${siteUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`
}

/** The newsroom's own organisation, as the publisher of everything on the site. */
export function publisherOf({ siteUrl, settings }: StructuredDataContext): NewsMediaOrganization {
  const logo = settings.logo
  const logoWidth = logo ? Math.min(logo.asset.width, 600) : 0
  return {
    '@type': 'NewsMediaOrganization',
    name: settings.title,
    url: absoluteUrl(siteUrl, routes.home()),
    ...(logo
      ? {
          logo: {
            '@type': 'ImageObject',
            url: absoluteUrl(siteUrl, imageUrl(logo, logoWidth)),
            width: String(logoWidth),
            height: String(Math.round((logoWidth * logo.asset.height) / logo.asset.width)),
          } satisfies ImageObject,
        }
      : {}),
  }
}

/** A credited person: name, their page on this site, and their profiles elsewhere. */
function personNode(siteUrl: string, person: Byline['person']): PersonNode {
  const sameAs = (person.links ?? []).map((link) => link.url)
  return {
    '@type': 'Person',
    name: person.name,
    url: absoluteUrl(siteUrl, routes.person(person.slug)),
    ...(person.jobTitle ? { jobTitle: person.jobTitle } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
  }
}

const credited = (article: Article, role: BylineRole) => article.bylines.filter((byline) => byline.role === role)

function sourceOrganizationOf(article: Article): Organization | undefined {
  const { source } = article
  if (!source) return undefined
  return { '@type': 'Organization', name: source.name, ...(source.url ? { url: source.url } : {}) }
}

/** Each correction as a CorrectionComment, newest first as the article shows them, its anchor the notice. */
const correctionsOf = (article: Article, url: string, timeZone?: string): CorrectionComment[] =>
  article.corrections.map((correction) => ({
    '@type': 'CorrectionComment',
    text: correction.text,
    datePublished: formatDateTime(correction.date, timeZone).datetime,
    url: `${url}#corrections`,
  }))

/** Key points as one paragraph of sentences. */
const abstractOf = (points: string[]) => points.map((point) => (/[.!?。！？]$/.test(point) ? point : `${point}.`)).join(' ')

/**
 * The article's images for search engines: its hero image cropped to 16:9, 4:3 and 1:1,
 * each 1200 px wide. Without a hero image, the generated 1200×630 share card.
 */
export function articleImages(article: Article, siteUrl: string): string[] {
  const hero = article.heroImage
  if (!hero) return [absoluteUrl(siteUrl, routes.articleShareImage(article.slug))]
  return STRUCTURED_IMAGE_RATIOS.map((ratio) => absoluteUrl(siteUrl, imageUrl(hero, STRUCTURED_IMAGE_WIDTH, ratio)))
}

/** NewsArticle, with the fields Google recommends and the newsroom's own credits. */
export function newsArticleJsonLd(article: Article, context: StructuredDataContext): WithContext<NewsArticle> {
  const { siteUrl, settings } = context
  const url = absoluteUrl(siteUrl, routes.article(article.slug))
  const publisher = publisherOf(context)
  const sourceOrganization = sourceOrganizationOf(article)
  const authors = credited(article, 'author').map((byline) => personNode(siteUrl, byline.person))
  const editors = credited(article, 'editor').map((byline) => personNode(siteUrl, byline.person))
  const contributors = [...credited(article, 'photographer'), ...credited(article, 'contributor')].map((byline) => personNode(siteUrl, byline.person))
  const translators = credited(article, 'translator').map((byline) => personNode(siteUrl, byline.person))
  const { words, cjkCharacters } = countReadingUnits(bodyText(article.body))
  const description = article.standfirst ?? article.keyPoints[0]
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    headline: article.headline,
    ...(description ? { description } : {}),
    ...(article.keyPoints.length > 0 ? { abstract: abstractOf(article.keyPoints) } : {}),
    image: articleImages(article, siteUrl),
    datePublished: formatDateTime(article.publishedAt, settings.timeZone).datetime,
    dateModified: formatDateTime(article.updatedAt ?? article.publishedAt, settings.timeZone).datetime,
    // dateModified reads updatedAt, which is already the later of "Updated at" and the newest correction.
    ...(article.corrections.length > 0 ? { correction: correctionsOf(article, url, settings.timeZone) } : {}),
    // A story with no credited author is attributed to the organisation it came from, else to the newsroom.
    author: authors.length > 0 ? authors : [sourceOrganization ?? publisher],
    ...(editors.length > 0 ? { editor: editors } : {}),
    ...(contributors.length > 0 ? { contributor: contributors } : {}),
    ...(translators.length > 0 ? { translator: translators } : {}),
    publisher,
    ...(sourceOrganization ? { sourceOrganization } : {}),
    ...(article.section ? { articleSection: article.section.title } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags } : {}),
    inLanguage: article.language ?? settings.language,
    isAccessibleForFree: true,
    wordCount: words + cjkCharacters,
    timeRequired: `PT${article.readingTimeMinutes}M`,
  }
}

/** Home → Section → Article. */
export function articleBreadcrumbJsonLd(article: Article, { siteUrl, settings }: StructuredDataContext): WithContext<BreadcrumbList> {
  const trail = [
    { name: settings.title, path: routes.home() },
    ...(article.section ? [{ name: article.section.title, path: routes.section(article.section.slug) }] : []),
    { name: article.headline, path: routes.article(article.slug) },
  ]
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(siteUrl, crumb.path),
    })),
  }
}

/** A person's page: ProfilePage whose main entity is the person. */
export function profilePageJsonLd(person: Person, { siteUrl }: Pick<StructuredDataContext, 'siteUrl'>): WithContext<ProfilePage> {
  const url = absoluteUrl(siteUrl, routes.person(person.slug))
  const sameAs = person.links.map((link) => link.url)
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url,
    mainEntity: {
      '@type': 'Person',
      '@id': `${url}#person`,
      name: person.name,
      url,
      ...(person.jobTitle ? { jobTitle: person.jobTitle } : {}),
      ...(person.bio ? { description: person.bio } : {}),
      ...(person.portrait ? { image: absoluteUrl(siteUrl, imageUrl(person.portrait, 600, 1)) } : {}),
      ...(sameAs.length > 0 ? { sameAs } : {}),
    },
  }
}

/** The site, with its search box: `${siteUrl}/search?q={search_term_string}`. */
export function webSiteJsonLd(context: StructuredDataContext): WithContext<WebSite> {
  const { siteUrl, settings } = context
  const searchAction: WithActionConstraints<SearchAction> = {
    '@type': 'SearchAction',
    target: {
      '@type': 'EntryPoint',
      urlTemplate: absoluteUrl(siteUrl, routes.search(SEARCH_TERM).replace(SEARCH_TERM, `{${SEARCH_TERM}}`)),
    },
    'query-input': `required name=${SEARCH_TERM}`,
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: settings.title,
    url: absoluteUrl(siteUrl, routes.home()),
    ...(settings.description ? { description: settings.description } : {}),
    inLanguage: settings.language,
    publisher: publisherOf(context),
    potentialAction: searchAction,
  }
}
