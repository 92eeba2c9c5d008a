import Link from 'next/link'
import styles from './cards.module.css'

type Props = { page: number; totalPages: number; hrefFor: (page: number) => string }

/** Previous and next links for a listing, with where the reader is. Nothing when there is one page. */
export function Pagination({ page, totalPages, hrefFor }: Props) {
  if (totalPages <= 1) return null
  return (
    <nav aria-label="Pagination" className={styles.pagination}>
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      <p>
        Page {page} of {totalPages}
      </p>
      {page < totalPages ? (
        <Link href={hrefFor(page + 1)} rel="next">
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
