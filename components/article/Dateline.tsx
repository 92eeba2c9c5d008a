import { formatDateTime } from '@/lib/dates'
import styles from './article.module.css'

type Props = { publishedAt: string; updatedAt?: string; timeZone?: string; readingTimeMinutes: number }

/** When the story was published (and updated, if it was), in the newsroom's time zone, and how long it takes to read. */
export function Dateline({ publishedAt, updatedAt, timeZone, readingTimeMinutes }: Props) {
  const published = formatDateTime(publishedAt, timeZone)
  const updated = updatedAt ? formatDateTime(updatedAt, timeZone) : undefined
  return (
    <p className={styles.dateline}>
      <span>
        Published <time dateTime={published.datetime}>{published.label}</time>
      </span>
      {updated ? (
        <span>
          Updated <time dateTime={updated.datetime}>{updated.label}</time>
        </span>
      ) : null}
      <span className={styles.readingTime}>{readingTimeMinutes} min read</span>
    </p>
  )
}
