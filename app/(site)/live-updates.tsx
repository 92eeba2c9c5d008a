import { defineSanityLive } from '@/lib/content'
import { readConfig } from '@/lib/env'

/**
 * Sanity Live's listener (`<SanityLive />`), when SANITY_LIVE is on: it opens the Live
 * Content API from the browser and refreshes the page when the content it shows changes.
 * Off, it renders nothing, and no page loads the listener's scripts.
 */
export function LiveUpdates() {
  const { source } = readConfig()
  if (source.mode !== 'sanity' || !source.live) return null
  const { SanityLive } = defineSanityLive(source)
  return <SanityLive />
}
