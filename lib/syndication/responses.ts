import 'server-only'
import { getSiteChrome, getSitemapContent, listFeedItems, listNewsArticles, listPersonSlugs, listSectionSlugs, listTags } from '@/lib/content'
import { readConfig } from '@/lib/env'
import type { FeedFormat, FeedScope } from '@/lib/routes'
import { buildFeed } from './feed'
import { NEWS_WINDOW_MS, newsSitemapXml } from './news-sitemap'
import { sitemapGroups, sitemapIndexXml, splitSitemaps, urlsetXml } from './sitemap'

/** The responses of the feed and sitemap routes, so that the routes stay one line each. */

const XML_TYPE = 'application/xml; charset=utf-8'

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

async function sitemapParts() {
  const [content, tags, { settings }] = await Promise.all([getSitemapContent(), listTags(), getSiteChrome()])
  return { parts: splitSitemaps(sitemapGroups(content, tags)), options: { siteUrl: readConfig().siteUrl, timeZone: settings.timeZone } }
}

export async function sitemapIndexResponse(): Promise<Response> {
  const { parts, options } = await sitemapParts()
  return new Response(sitemapIndexXml(parts, options), { headers: { 'Content-Type': XML_TYPE } })
}

/** One child sitemap by its file name (`articles-1.xml`); 404 for any other name. */
export async function sitemapPartResponse(file: string): Promise<Response> {
  const { parts, options } = await sitemapParts()
  const part = parts.find((p) => `${p.name}.xml` === file)
  return part ? new Response(urlsetXml(part.urls, options), { headers: { 'Content-Type': XML_TYPE } }) : notFound()
}

/** The children's file names, for generateStaticParams. */
export async function sitemapPartFiles(): Promise<{ file: string }[]> {
  return (await sitemapParts()).parts.map((part) => ({ file: `${part.name}.xml` }))
}

/** The Google News sitemap as of `now` (the request time). */
export async function newsSitemapResponse(now = new Date()): Promise<Response> {
  const [articles, { settings }] = await Promise.all([listNewsArticles(new Date(now.getTime() - NEWS_WINDOW_MS)), getSiteChrome()])
  const xml = newsSitemapXml(articles, {
    siteUrl: readConfig().siteUrl,
    publicationName: settings.title,
    siteLanguage: settings.language ?? 'en',
    timeZone: settings.timeZone,
    now,
  })
  return new Response(xml, { headers: { 'Content-Type': XML_TYPE } })
}

/** A feed; 404 for an unknown section or person. */
export async function feedResponse(format: FeedFormat, scope: FeedScope): Promise<Response> {
  const [content, { settings }] = await Promise.all([listFeedItems(scope), getSiteChrome()])
  if (!content) return notFound()
  const { body, contentType } = buildFeed(format, {
    siteUrl: readConfig().siteUrl,
    site: { title: settings.title, description: settings.description, language: settings.language ?? 'en' },
    scope,
    owner: content.owner,
    items: content.items,
    corrections: content.corrections,
    now: new Date(),
  })
  return new Response(body, { headers: { 'Content-Type': contentType } })
}

/** generateStaticParams for the section and person feeds. */
export const sectionFeedParams = async () => (await listSectionSlugs()).map((slug) => ({ slug }))
export const personFeedParams = async () => (await listPersonSlugs()).map((slug) => ({ slug }))
