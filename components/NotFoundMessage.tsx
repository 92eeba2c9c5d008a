import Link from 'next/link'
import { routes } from '@/lib/routes'
import styles from './statusPage.module.css'

/** What a reader sees for an address with nothing behind it. */
export function NotFoundMessage() {
  return (
    <div className={styles.status}>
      <h1>We can’t find that page</h1>
      <p>It may have moved, or the address may be mistyped.</p>
      <p>
        <Link href={routes.home()}>Go to the front page</Link> or see the <Link href={routes.latest()}>latest news</Link>.
      </p>
    </div>
  )
}
