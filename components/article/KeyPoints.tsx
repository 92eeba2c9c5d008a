import { useId } from 'react'
import type { EditTarget } from '@/lib/content'
import styles from './article.module.css'

/** The story's key points, under a visible heading, before the body. */
export function KeyPoints({ points, edit }: { points: string[]; edit?: EditTarget }) {
  const headingId = useId()
  if (points.length === 0) return null
  return (
    <section className={styles.keyPoints} aria-labelledby={headingId}>
      <h2 id={headingId}>Key points</h2>
      <ul>
        {points.map((point, index) => (
          <li key={index} {...edit?.(`keyPoints[${index}]`)}>
            {point}
          </li>
        ))}
      </ul>
    </section>
  )
}
