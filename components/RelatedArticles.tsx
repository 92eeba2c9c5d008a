import type { ArticleCard } from '@/lib/content'
import { ArticleList } from './ArticleList'
import styles from './listing.module.css'

type Props = { articles: ArticleCard[]; timeZone?: string }

/** Other articles to read after this one, under a heading; nothing when there are none. */
export function RelatedArticles({ articles, timeZone }: Props) {
  if (articles.length === 0) return null
  return (
    <section aria-labelledby="related-articles" className={styles.related}>
      <h2 id="related-articles">Related articles</h2>
      <ArticleList articles={articles} timeZone={timeZone} />
    </section>
  )
}
