import type { ReactNode } from 'react'
import { SiteShell } from '../site-shell'
import { LiveUpdates } from './live-updates'

/** Every reader page; the Studio (app/studio) is outside it. */
export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteShell>{children}</SiteShell>
      <LiveUpdates />
    </>
  )
}
