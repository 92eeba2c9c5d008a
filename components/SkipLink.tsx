import styles from './chrome.module.css'

/** The first focusable element: lets keyboard and screen-reader users jump past the masthead. */
export function SkipLink() {
  return (
    <a className={styles.skipLink} href="#main">
      Skip to content
    </a>
  )
}
