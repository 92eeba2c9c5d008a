import Link from 'next/link'
import styles from '@/components/statusPage.module.css'
import { routes } from '@/lib/routes'

export const metadata = { title: 'Page not found', robots: { index: false } }

export default function NotFound() {
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
