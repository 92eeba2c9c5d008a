import type { NewsArticle } from '@/lib/content'
import { w3cDateTime } from '@/lib/dates'
import { routes } from '@/lib/routes'
import { absolute, element, XML_DECLARATION, xmlText } from './xml'

/**
 * The Google News sitemap: articles first published in the two days before the request,
 * newest first, at most 1,000 (Google's rules). publication_date is the first
 * publication (publishedAt), never an update.
 */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000
export const NEWS_SITEMAP_LIMIT = 1000

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'

/** The articles the sitemap lists at `now`: published within the window (not in the future), newest first, capped. */
export function selectNewsArticles<T extends Pick<NewsArticle, 'publishedAt'>>(
  articles: T[],
  now: Date,
  { windowMs = NEWS_WINDOW_MS, limit = NEWS_SITEMAP_LIMIT } = {},
): T[] {
  const end = now.getTime()
  const start = end - windowMs
  return articles
    .map((article) => ({ article, at: Date.parse(article.publishedAt) }))
    .filter(({ at }) => at >= start && at <= end)
    .sort((a, b) => b.at - a.at)
    .slice(0, limit)
    .map(({ article }) => article)
}

/**
 * The language as Google News wants it: an ISO 639 code, except Chinese, which is
 * zh-cn (Simplified) or zh-tw (Traditional). BCP 47 tags are reduced to their language.
 */
export function newsLanguage(tag: string): string {
  const [language, ...rest] = tag.trim().toLowerCase().split(/[-_]/)
  if (language !== 'zh') return language
  const subtags = new Set(rest)
  if (subtags.has('hant') || subtags.has('tw') || subtags.has('hk') || subtags.has('mo')) return 'zh-tw'
  return 'zh-cn'
}

export type NewsSitemapOptions = {
  siteUrl: string
  /** The publication's name as Google News knows it: the site settings' title. */
  publicationName: string
  /** The site's language, for articles that do not state their own. */
  siteLanguage: string
  timeZone?: string
  now: Date
}

/** The news sitemap for `now`, from candidate articles (any order; the rules are applied here). */
export function newsSitemapXml(articles: NewsArticle[], options: NewsSitemapOptions): string {
  const { siteUrl, publicationName, siteLanguage, timeZone, now } = options
  const body = selectNewsArticles(articles, now).map((article) =>
    [
      `<url><loc>${xmlText(absolute(siteUrl, routes.article(article.slug)))}</loc>`,
      '<news:news><news:publication>',
      element('news:name', publicationName),
      element('news:language', newsLanguage(article.language || siteLanguage)),
      '</news:publication>',
      element('news:publication_date', w3cDateTime(article.publishedAt, timeZone)),
      element('news:title', article.headline),
      '</news:news></url>',
    ].join(''),
  )
  return [XML_DECLARATION, `<urlset xmlns="${NS}" xmlns:news="${NEWS_NS}">`, ...body, '</urlset>', ''].join('\n')
}
