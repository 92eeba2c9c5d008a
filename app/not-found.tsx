import { NotFoundMessage } from '@/components/NotFoundMessage'
import { SiteShell } from './site-shell'

export const metadata = { title: 'Page not found', robots: { index: false } }

/** An address no route matches: the message inside the reader site's frame. */
export default function NotFound() {
  return (
    <SiteShell>
      <NotFoundMessage />
    </SiteShell>
  )
}
