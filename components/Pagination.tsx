import Link from 'next/link'
import styles from './cards.module.css'

export type PaginationLabels = { previous: string; next: string }
const BY_DATE: PaginationLabels = { previous: 'Newer', next: 'Older' }

type Props = { page: number; totalPages: number; hrefFor: (page: number) => string; labels?: PaginationLabels }

/** Previous and next links for a listing, with where the reader is. Nothing when there is one page. */
export function Pagination({ page, totalPages, hrefFor, labels = BY_DATE }: Props) {
  if (totalPages <= 1) return null
  return (
    <nav aria-label="Pagination" className={styles.pagination}>
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          ← {labels.previous}
        </Link>
      ) : (
        <span />
      )}
      <p>
        Page {page} of {totalPages}
      </p>
      {page < totalPages ? (
        <Link href={hrefFor(page + 1)} rel="next">
          {labels.next} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
