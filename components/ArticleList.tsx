import type { ArticleCard as Card } from '@/lib/content'
import { ArticleCard } from './ArticleCard'
import styles from './cards.module.css'

type Props = {
  articles: Card[]
  timeZone?: string
  showSection?: boolean
  headingLevel?: 2 | 3
  layout?: 'grid' | 'stack'
  /** Search terms to mark in headlines and standfirsts. */
  highlight?: readonly string[]
}

/** Teasers in a responsive grid (or a single column), as a list. */
export function ArticleList({ articles, timeZone, showSection, headingLevel, layout = 'grid', highlight }: Props) {
  return (
    <ul className={layout === 'grid' ? styles.grid : styles.stack}>
      {articles.map((article) => (
        <li key={article._id}>
          <ArticleCard article={article} timeZone={timeZone} showSection={showSection} headingLevel={headingLevel} highlight={highlight} />
        </li>
      ))}
    </ul>
  )
}
