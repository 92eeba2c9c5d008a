import type { ReactNode } from 'react'
import styles from './listing.module.css'

type Props = { title: string; description?: string; page: number; totalPages: number; children?: ReactNode }

/** The heading of a section, person or latest-news page, saying which page of how many this is. */
export function ListingHeader({ title, description, page, totalPages, children }: Props) {
  return (
    <header className={styles.header}>
      <h1>
        {title}
        {page > 1 ? (
          <span className={styles.pageNumber}>
            , page {page} of {totalPages}
          </span>
        ) : null}
      </h1>
      {description ? <p className={styles.description}>{description}</p> : null}
      {children}
    </header>
  )
}
