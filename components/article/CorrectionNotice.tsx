import { useId } from 'react'
import type { Correction } from '@/lib/content'
import { formatDateTime } from '@/lib/dates'
import styles from './article.module.css'

/** What the story got wrong and when it was put right, newest first, before the reader reaches the story. */
export function CorrectionNotice({ corrections, timeZone }: { corrections: Correction[]; timeZone?: string }) {
  const headingId = useId()
  if (corrections.length === 0) return null
  return (
    // The fixed id lets /corrections link straight to the notice.
    <section id="corrections" className={styles.corrections} aria-labelledby={headingId}>
      <h2 id={headingId}>{corrections.length > 1 ? 'Corrections' : 'Correction'}</h2>
      <ul>
        {corrections.map((correction) => {
          const at = formatDateTime(correction.date, timeZone)
          return (
            <li key={correction._key}>
              <time dateTime={at.datetime}>{at.label}</time>: {correction.text}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
