import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ArticleBody } from '@/components/article/ArticleBody'
import { Bylines } from '@/components/article/Bylines'
import { Dateline } from '@/components/article/Dateline'
import { EditorCredit } from '@/components/article/EditorCredit'
import { HeroImage } from '@/components/article/HeroImage'
import { KeyPoints } from '@/components/article/KeyPoints'
import { SectionLabel } from '@/components/article/SectionLabel'
import { SourceCredit } from '@/components/article/SourceCredit'
import { Standfirst } from '@/components/article/Standfirst'
import { Topics } from '@/components/article/Topics'
import { RelatedArticles } from '@/components/RelatedArticles'
import styles from '@/components/article/article.module.css'
import { getArticle, getRelatedArticles, getSiteChrome, listArticleSlugs } from '@/lib/content'
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
      authors: article.bylines
        .filter((byline) => byline.role === 'author')
        .map((byline) => absoluteUrl(siteUrl, routes.person(byline.person.slug))),
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
  const lang = article.language && article.language !== settings.language ? article.language : undefined
  const structured = { siteUrl: readConfig().siteUrl, settings }
  const related = await getRelatedArticles(article)
  return (
    <>
      <article className={styles.article} lang={lang}>
        <JsonLd data={newsArticleJsonLd(article, structured)} />
        <JsonLd data={articleBreadcrumbJsonLd(article, structured)} />
        <header className={styles.header}>
          <SectionLabel section={article.section} />
          <h1>{article.headline}</h1>
          <Standfirst text={article.standfirst} />
          <Bylines bylines={article.bylines} />
          <SourceCredit source={article.source} />
          <Dateline
            publishedAt={article.publishedAt}
            updatedAt={article.updatedAt}
            timeZone={settings.timeZone}
            readingTimeMinutes={article.readingTimeMinutes}
          />
        </header>
        <HeroImage image={article.heroImage} />
        <KeyPoints points={article.keyPoints} />
        <ArticleBody body={article.body} />
        <EditorCredit bylines={article.bylines} />
        <Topics tags={article.tags} />
      </article>
      <RelatedArticles articles={related} timeZone={settings.timeZone} />
    </>
  )
}
