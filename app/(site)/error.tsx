'use client'

// Error boundaries must be client components: this is the one island a reader sees only when a page fails.
import Link from 'next/link'
import styles from '@/components/statusPage.module.css'
import { LAKE_UNAVAILABLE_DIGEST } from '@/lib/content/unavailable'

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const outage = error.digest === LAKE_UNAVAILABLE_DIGEST
  return (
    <div className={styles.status}>
      <h1>{outage ? 'This page is unavailable for a moment' : 'Something went wrong'}</h1>
      <p>
        {outage
          ? 'We cannot reach our stories just now. Pages you have read recently still work; please try this one again in a minute.'
          : 'This page could not be shown just now. Please try again in a moment.'}
      </p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{' '}
        or <Link href="/">go to the front page</Link>.
      </p>
    </div>
  )
}
