'use client'

// Error boundaries must be client components: this is the one island a reader sees only when a page fails.
import Link from 'next/link'
import styles from '@/components/statusPage.module.css'

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className={styles.status}>
      <h1>Something went wrong</h1>
      <p>This page could not be shown just now. Please try again in a moment.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{' '}
        or <Link href="/">go to the front page</Link>.
      </p>
    </div>
  )
}
