import type { EditTarget } from '@/lib/content'
import styles from './article.module.css'

/** The sentence or two under the headline that says what the story is. */
export function Standfirst({ text, edit }: { text?: string; edit?: EditTarget }) {
  return text ? (
    <p className={styles.standfirst} {...edit?.('standfirst')}>
      {text}
    </p>
  ) : null
}
