import Link from 'next/link'
import styles from '@/components/statusPage.module.css'
import { routes } from '@/lib/routes'
import { SiteShell } from './site-shell'

export const metadata = { title: 'Preview link not valid', robots: { index: false } }

/** Answered with 401 for a preview link that is tampered with, unsigned or expired. */
export default function Unauthorized() {
  return (
    <SiteShell>
      <div className={styles.status}>
        <h1>This preview link is not valid</h1>
        <p>It may have expired, or it was changed after it was made. Ask the editor who shared it for a new link.</p>
        <p>
          <Link href={routes.home()}>Go to the front page</Link>
        </p>
      </div>
    </SiteShell>
  )
}
