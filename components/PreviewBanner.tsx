import styles from './chrome.module.css'

type Props = { exitHref: string; expiresAt?: Date; problems?: string[] }

/**
 * Says loudly that this is a preview of unpublished drafts, how to leave it, and
 * what in the draft is invalid. Also tells search engines not to index the page.
 */
export function PreviewBanner({ exitHref, expiresAt, problems = [] }: Props) {
  return (
    <aside className={styles.previewBanner} aria-label="Preview">
      <meta name="robots" content="noindex, nofollow" />
      <p>
        <strong>Preview: showing drafts</strong>
        {expiresAt ? <> · this link expires {expiresAt.toUTCString()}</> : null} · <a href={exitHref}>Exit preview</a>
      </p>
      {problems.length > 0 ? (
        <div role="alert" className={styles.previewProblems}>
          <p>This draft is not valid yet, so parts of it may be missing. Fix these fields before publishing:</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </aside>
  )
}
