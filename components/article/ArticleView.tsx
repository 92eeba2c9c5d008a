import type { EditTarget } from '@/lib/content'
import type { PreviewArticle } from '@/lib/content'
import { ArticleBody } from './ArticleBody'
import { Bylines } from './Bylines'
import { CorrectionNotice } from './CorrectionNotice'
import { Dateline } from './Dateline'
import { EditorCredit } from './EditorCredit'
import { HeroImage } from './HeroImage'
import { KeyPoints } from './KeyPoints'
import { SectionLabel } from './SectionLabel'
import { SourceCredit } from './SourceCredit'
import { Standfirst } from './Standfirst'
import styles from './article.module.css'

type Props = {
  /** A published article, or a draft under preview (which may have no publication time yet). */
  article: PreviewArticle
  timeZone?: string
  siteLanguage?: string
  /** In draft mode: marks the fields for Presentation's click-to-edit overlays. */
  edit?: EditTarget
  /** The published article's address, printed at its end (a draft under preview has none to give). */
  url?: string
  /** Shown after the story: topics, related articles. */
  children?: React.ReactNode
}

/** The story as a reader sees it, in the order of the source: headline to editor's credit. */
export function ArticleView({ article, timeZone, siteLanguage, edit, url, children }: Props) {
  const lang = article.language && article.language !== siteLanguage ? article.language : undefined
  return (
    <article className={styles.article} lang={lang}>
      <header className={styles.header}>
        <SectionLabel section={article.section} />
        <h1 {...edit?.('headline')}>{article.headline}</h1>
        <Standfirst text={article.standfirst} edit={edit} />
        <Bylines bylines={article.bylines} />
        <SourceCredit source={article.source} />
        <Dateline publishedAt={article.publishedAt} updatedAt={article.updatedAt} timeZone={timeZone} readingTimeMinutes={article.readingTimeMinutes} />
      </header>
      <CorrectionNotice corrections={article.corrections} timeZone={timeZone} />
      <HeroImage image={article.heroImage} edit={edit} />
      <KeyPoints points={article.keyPoints} edit={edit} />
      <ArticleBody body={article.body} edit={edit} />
      <EditorCredit bylines={article.bylines} />
      {url ? <p className={styles.printedFrom}>Read online: {url}</p> : null}
      {children}
    </article>
  )
}
