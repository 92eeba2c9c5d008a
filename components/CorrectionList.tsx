import Link from 'next/link'
import type { CorrectionEntry } from '@/lib/content'
import { formatDateTime } from '@/lib/dates'
import { routes } from '@/lib/routes'
import styles from './listing.module.css'

/** Corrections as a list: the article each puts right (a link to its notice), when, and what was wrong. */
export function CorrectionList({ corrections, timeZone }: { corrections: CorrectionEntry[]; timeZone?: string }) {
  return (
    <ol className={styles.corrections}>
      {corrections.map(({ _key, date, text, article }) => {
        const at = formatDateTime(date, timeZone)
        return (
          <li key={`${article._id}:${_key}`} lang={article.language}>
            <h2>
              <Link href={`${routes.article(article.slug)}#corrections`}>{article.headline}</Link>
            </h2>
            <p>
              <time dateTime={at.datetime}>{at.label}</time>: {text}
            </p>
          </li>
        )
      })}
    </ol>
  )
}
