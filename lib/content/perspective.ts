import 'server-only'
import { draftMode } from 'next/headers'
import type { Perspective } from './sources/types'

/**
 * Drafts for a request in Next's draft mode, published content otherwise. Outside a
 * request (build-time static params, scripts, tests) there is no draft mode: published.
 */
export async function requestPerspective(): Promise<Perspective> {
  try {
    return (await draftMode()).isEnabled ? 'drafts' : 'published'
  } catch {
    return 'published'
  }
}
