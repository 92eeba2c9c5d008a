import type { ReactNode } from 'react'
import { SiteFrame } from '@/components/SiteFrame'
import { getSiteChrome } from '@/lib/content'
import { readConfig } from '@/lib/env'
import { inDraftSession } from '@/lib/preview/draft-session'
import { DraftModeTools } from './draft-mode-tools'

/**
 * The reader site's frame with its data: used by the (site) layout, and by the root
 * not-found and unauthorized pages, which render outside any route group.
 */
export async function SiteShell({ children }: { children: ReactNode }) {
  const [{ settings, sections }, drafts] = await Promise.all([getSiteChrome(), inDraftSession()])
  return (
    <>
      <SiteFrame title={settings.title} description={settings.description} sections={sections} drafts={drafts}>
        {children}
      </SiteFrame>
      {drafts ? <DraftModeTools followLocalChanges={readConfig().source.mode === 'local'} /> : null}
    </>
  )
}
