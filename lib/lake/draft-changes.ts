import 'server-only'
import { localEditing } from '@/lib/content/sources'
import { LakeError } from './errors'
import { listenerStream } from './event-stream'
import { liveListener } from './live'

/**
 * The embedded dataset's changes, for a page in draft mode: a `welcome`, then a `restart` for
 * each committed transaction, as the Live Content API's events are (./live.ts). The page
 * refreshes itself on each one, so an editor's keystrokes in the Studio show in Presentation's
 * preview, and a reviewer's preview follows the draft. Counted against the listener limit.
 * Undefined when the site reads a Sanity project.
 */
export function draftChangesStream(signal: AbortSignal): Response | undefined {
  const editing = localEditing()
  if (!editing) return undefined
  try {
    return listenerStream(signal, liveListener(editing.store))
  } catch (error) {
    if (error instanceof LakeError)
      return new Response(error.message, { status: error.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '10' } })
    throw error
  }
}
