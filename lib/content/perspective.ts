import 'server-only'
import { inDraftSession } from '@/lib/preview/draft-session'
import type { Perspective } from './sources/types'

/**
 * Drafts for a request in a draft-mode session (lib/preview/draft-session.ts), published
 * content otherwise. Outside a request (build-time static params, scripts, tests) there is no
 * draft mode: published.
 */
export async function requestPerspective(): Promise<Perspective> {
  try {
    return (await inDraftSession()) ? 'drafts' : 'published'
  } catch {
    return 'published'
  }
}
