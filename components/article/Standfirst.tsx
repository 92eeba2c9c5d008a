import styles from './article.module.css'

/** The sentence or two under the headline that says what the story is. */
export function Standfirst({ text }: { text?: string }) {
  return text ? <p className={styles.standfirst}>{text}</p> : null
}
