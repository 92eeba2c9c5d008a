import type { SitemapContent } from '@/lib/content'
import { w3cDateTime } from '@/lib/dates'
import { routes } from '@/lib/routes'
import { absolute, later, XML_DECLARATION, xmlText } from './xml'

/**
 * The sitemap index and its children (sitemaps.org 0.9). A child holds at most
 * SITEMAP_URL_LIMIT URLs, the protocol's limit; a group with more is split into
 * numbered children: /sitemaps/articles-1.xml, /sitemaps/articles-2.xml, …
 *
 * lastmod policy: only dates that are true. An article's is its last significant
 * change, updatedAt when an editor set it, else publishedAt. A listing's (front page,
 * latest, a section, a person, a tag) is the newest such date among the articles it
 * lists, and it has none when it lists nothing; /corrections' is its newest correction's date. Never "now", never _updatedAt (which
 * moves on every trivial save).
 */
export const SITEMAP_URL_LIMIT = 50_000

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

/** A URL as a site path, with the ISO instant of its last significant change when known. */
export type SitemapUrl = { path: string; lastmod?: string }
export type SitemapGroup = { group: string; urls: SitemapUrl[] }
/** One child sitemap of the index. */
export type SitemapPart = { name: string; path: string; urls: SitemapUrl[]; lastmod?: string }

/** Cuts each group into children of at most `limit` URLs, named `<group>-<n>` from 1; an empty group has none. */
export function splitSitemaps(groups: SitemapGroup[], limit = SITEMAP_URL_LIMIT): SitemapPart[] {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`A sitemap holds at least one URL, not ${limit}`)
  return groups.flatMap(({ group, urls }) => {
    const parts: SitemapPart[] = []
    for (let start = 0, n = 1; start < urls.length; start += limit, n++) {
      const chunk = urls.slice(start, start + limit)
      parts.push({
        name: `${group}-${n}`,
        path: routes.sitemapPart(group, n),
        urls: chunk,
        lastmod: chunk.reduce<string | undefined>((newest, url) => later(newest, url.lastmod), undefined),
      })
    }
    return parts
  })
}

/**
 * Every URL the sitemaps list, in two groups: `pages` (front page, latest, sections,
 * people, tags; first pages of listings only, since every article is listed itself) and
 * `articles`, newest first. `tags` are the distinct tags of published articles (listTags),
 * the same list the tag pages are built from.
 */
export function sitemapGroups(content: SitemapContent, tags: string[]): SitemapGroup[] {
  const newest = new Map<string, string>()
  const touch = (key: string, at: string) => newest.set(key, later(newest.get(key), at)!)
  const articles: SitemapUrl[] = []
  for (const article of content.articles) {
    const lastmod = later(article.publishedAt, article.updatedAt)!
    articles.push({ path: routes.article(article.slug), lastmod })
    touch('site', lastmod)
    if (article.section) touch(`section:${article.section}`, lastmod)
    for (const person of new Set(article.people)) touch(`person:${person}`, lastmod)
    for (const tag of new Set(article.tags)) touch(`tag:${tag}`, lastmod)
  }
  const pages: SitemapUrl[] = [
    { path: routes.home(), lastmod: newest.get('site') },
    { path: routes.latest(), lastmod: newest.get('site') },
    { path: routes.corrections(), lastmod: content.correctedAt },
    ...unique(content.sections).map((slug) => ({ path: routes.section(slug), lastmod: newest.get(`section:${slug}`) })),
    ...unique(content.people).map((slug) => ({ path: routes.person(slug), lastmod: newest.get(`person:${slug}`) })),
    ...unique(tags)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((tag) => ({ path: routes.tag(tag), lastmod: newest.get(`tag:${tag}`) })),
  ]
  return [
    { group: 'pages', urls: pages },
    { group: 'articles', urls: articles },
  ]
}

const unique = (values: string[]) => [...new Set(values)]

export type SitemapOptions = { siteUrl: string; timeZone?: string }

const lastmodElement = (iso: string | undefined, timeZone?: string) => (iso === undefined ? '' : `<lastmod>${w3cDateTime(iso, timeZone)}</lastmod>`)

/** A child sitemap: `<urlset>`. */
export function urlsetXml(urls: SitemapUrl[], { siteUrl, timeZone }: SitemapOptions): string {
  const body = urls.map((url) => `<url><loc>${xmlText(absolute(siteUrl, url.path))}</loc>${lastmodElement(url.lastmod, timeZone)}</url>`)
  return [XML_DECLARATION, `<urlset xmlns="${NS}">`, ...body, '</urlset>', ''].join('\n')
}

/** The index: `<sitemapindex>`, one `<sitemap>` per child, lastmod the newest of the child's. */
export function sitemapIndexXml(parts: SitemapPart[], { siteUrl, timeZone }: SitemapOptions): string {
  const body = parts.map((part) => `<sitemap><loc>${xmlText(absolute(siteUrl, part.path))}</loc>${lastmodElement(part.lastmod, timeZone)}</sitemap>`)
  return [XML_DECLARATION, `<sitemapindex xmlns="${NS}">`, ...body, '</sitemapindex>', ''].join('\n')
}
