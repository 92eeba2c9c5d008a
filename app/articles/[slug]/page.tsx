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
import styles from '@/components/article/article.module.css'
import { getArticle, getSiteChrome, listArticleSlugs } from '@/lib/content'
import { routes } from '@/lib/routes'

export const revalidate = 300

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await listArticleSlugs()).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticle((await params).slug)
  if (!article) return {}
  return {
    title: article.headline,
    description: article.standfirst ?? article.keyPoints[0],
    alternates: { canonical: routes.article(article.slug) },
  }
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params
  const [article, { settings }] = await Promise.all([getArticle(slug), getSiteChrome()])
  if (!article) notFound()
  const lang = article.language && article.language !== settings.language ? article.language : undefined
  return (
    <article className={styles.article} lang={lang}>
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
    </article>
  )
}
