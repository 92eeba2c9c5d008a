import { formatDateTime } from '@/lib/dates'
import styles from './article.module.css'

/** publishedAt is absent only for a draft under preview that has not been given a publication time. */
type Props = { publishedAt?: string; updatedAt?: string; timeZone?: string; readingTimeMinutes: number }

/** When the story was published (and updated, if it was), in the newsroom's time zone, and how long it takes to read. */
export function Dateline({ publishedAt, updatedAt, timeZone, readingTimeMinutes }: Props) {
  const published = publishedAt ? formatDateTime(publishedAt, timeZone) : undefined
  const updated = updatedAt ? formatDateTime(updatedAt, timeZone) : undefined
  return (
    <p className={styles.dateline}>
      {published ? (
        <span>
          Published <time dateTime={published.datetime}>{published.label}</time>
        </span>
      ) : (
        <span>Not yet published</span>
      )}
      {updated ? (
        <span>
          Updated <time dateTime={updated.datetime}>{updated.label}</time>
        </span>
      ) : null}
      <span className={styles.readingTime}>{readingTimeMinutes} min read</span>
    </p>
  )
}
