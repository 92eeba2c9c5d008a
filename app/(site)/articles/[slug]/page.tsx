import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ArticleView } from '@/components/article/ArticleView'
import { Topics } from '@/components/article/Topics'
import { RelatedArticles } from '@/components/RelatedArticles'
import { articleEditTarget, getArticle, getRelatedArticles, getSiteChrome, listArticleSlugs } from '@/lib/content'
import { JsonLd } from '@/components/JsonLd'
import { formatDateTime } from '@/lib/dates'
import { readConfig } from '@/lib/env'
import { routes } from '@/lib/routes'
import { generatedShareImage, pageMetadata, shareImageOf } from '@/lib/seo/metadata'
import { absoluteUrl, articleBreadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/structured-data'

export const revalidate = 300

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await listArticleSlugs()).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [article, { settings }] = await Promise.all([getArticle((await params).slug), getSiteChrome()])
  if (!article) return {}
  const { siteUrl } = readConfig()
  const at = (iso: string) => formatDateTime(iso, settings.timeZone).datetime
  return pageMetadata({
    path: routes.article(article.slug),
    title: article.headline,
    description: article.standfirst ?? article.keyPoints[0],
    article: {
      publishedTime: at(article.publishedAt),
      ...(article.updatedAt ? { modifiedTime: at(article.updatedAt) } : {}),
      authors: article.bylines.filter((byline) => byline.role === 'author').map((byline) => absoluteUrl(siteUrl, routes.person(byline.person.slug))),
      section: article.section?.title,
      tags: article.tags,
    },
    // Without a hero image, og:image is the card drawn by ./share-card/route.tsx.
    image: article.heroImage ? shareImageOf(article.heroImage, article.headline) : generatedShareImage(article.slug, article.headline),
  })
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params
  const [article, { settings }] = await Promise.all([getArticle(slug), getSiteChrome()])
  if (!article) notFound()
  const { siteUrl } = readConfig()
  const structured = { siteUrl, settings }
  const [related, edit] = await Promise.all([getRelatedArticles(article), articleEditTarget(article)])
  return (
    <>
      <JsonLd data={newsArticleJsonLd(article, structured)} />
      <JsonLd data={articleBreadcrumbJsonLd(article, structured)} />
      <ArticleView article={article} timeZone={settings.timeZone} siteLanguage={settings.language} edit={edit} url={absoluteUrl(siteUrl, routes.article(slug))}>
        <Topics tags={article.tags} />
      </ArticleView>
      <RelatedArticles articles={related} timeZone={settings.timeZone} />
    </>
  )
}
