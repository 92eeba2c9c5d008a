import Link from 'next/link'
import type { ArticleCard as Card } from '@/lib/content'
import { formatDate } from '@/lib/dates'
import { routes } from '@/lib/routes'
import { Highlighted } from './Highlighted'
import { Picture } from './Picture'
import styles from './cards.module.css'

type Props = {
  article: Card
  timeZone?: string
  /** lead: the front page's top story; standard: a grid item; compact: text only. */
  variant?: 'lead' | 'standard' | 'compact'
  headingLevel?: 2 | 3
  showSection?: boolean
  priority?: boolean
  /** Search terms to mark in the headline and standfirst. */
  highlight?: readonly string[]
}

const SIZES = {
  lead: '(min-width: 64rem) 48rem, 100vw',
  standard: '(min-width: 64rem) 24rem, (min-width: 40rem) 50vw, 100vw',
  compact: '0px',
}

/** A teaser for one article: headline linked to it, image, standfirst, authors and date. */
export function ArticleCard({ article, timeZone, variant = 'standard', headingLevel = 3, showSection = true, priority, highlight }: Props) {
  const Heading = `h${headingLevel}` as const
  const date = formatDate(article.publishedAt, timeZone)
  const authors = article.authors.map((author) => author.name).join(', ')
  return (
    <article className={[styles.card, styles[variant]].filter(Boolean).join(' ')} lang={article.language}>
      {variant !== 'compact' && article.heroImage ? (
        <Picture image={article.heroImage} sizes={SIZES[variant]} aspectRatio={16 / 9} priority={priority} className={styles.image} />
      ) : null}
      <div className={styles.text}>
        {showSection && article.section ? <p className="kicker">{article.section.title}</p> : null}
        <Heading className={styles.headline}>
          <Link href={routes.article(article.slug)}>
            <Highlighted text={article.headline} terms={highlight} />
          </Link>
        </Heading>
        {variant !== 'compact' && article.standfirst ? (
          <p className={styles.standfirst}>
            <Highlighted text={article.standfirst} terms={highlight} />
          </p>
        ) : null}
        <p className={styles.meta}>
          {authors ? <span>{authors}</span> : null}
          <time dateTime={date.datetime}>{date.label}</time>
        </p>
      </div>
    </article>
  )
}
