import styles from './statusPage.module.css'

/** What the preview routes say when the site has no PREVIEW_SECRET. */
export function PreviewsOff() {
  return (
    <div className={styles.status}>
      <h1>Previews are turned off</h1>
      <p>This site has no preview secret configured, so preview links cannot be opened. Published articles are unaffected.</p>
    </div>
  )
}
