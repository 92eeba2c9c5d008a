import type { ReactNode } from 'react'
import { SiteShell } from '../site-shell'

/** Every reader page; the Studio (app/studio) is outside it. */
export default function SiteLayout({ children }: { children: ReactNode }) {
  return <SiteShell>{children}</SiteShell>
}
