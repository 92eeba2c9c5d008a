import type { ArticleCard } from '@/lib/content'
import { ArticleList } from './ArticleList'
import { Pagination, type PaginationLabels } from './Pagination'
import styles from './listing.module.css'

type Props = {
  items: ArticleCard[]
  page: number
  totalPages: number
  hrefFor: (page: number) => string
  timeZone?: string
  showSection?: boolean
  emptyMessage: string
  /** Search terms to mark in headlines and standfirsts. */
  highlight?: readonly string[]
  /** Words for the previous and next links; "Newer" and "Older" by default. */
  pageLabels?: PaginationLabels
}

/** A page of teasers with its pagination, or a sentence saying there is nothing here yet. */
export function Listing({ items, page, totalPages, hrefFor, timeZone, showSection, emptyMessage, highlight, pageLabels }: Props) {
  if (items.length === 0) return <p className={styles.empty}>{emptyMessage}</p>
  return (
    <>
      <ArticleList articles={items} timeZone={timeZone} showSection={showSection} headingLevel={2} highlight={highlight} />
      <Pagination page={page} totalPages={totalPages} hrefFor={hrefFor} labels={pageLabels} />
    </>
  )
}
