import 'server-only'
import { readConfig } from '@/lib/env'
import { editorToken, SIGN_IN_PATH } from './editor-token'

/**
 * On the embedded dataset, at start: tells the operator how editors sign in to the Studio. A
 * token the server made itself is in the link (as Jupyter prints its own); a configured
 * LOCAL_EDITOR_TOKEN never is written to the log.
 */
export function announceSignIn() {
  const { source, siteUrl } = readConfig()
  if (source.mode !== 'local') return
  const origin = process.env.SITE_URL ? siteUrl : `http://localhost:${process.env.PORT || 3000}`
  const link = new URL(SIGN_IN_PATH, origin)
  if (process.env.LOCAL_EDITOR_TOKEN) {
    console.log(`[studio] Editors sign in at ${link} with LOCAL_EDITOR_TOKEN, then edit the embedded dataset at /studio.`)
  } else {
    link.searchParams.set('token', editorToken())
    console.log(`[studio] Editors: open ${link} to sign in to the Studio (a new token at each start; set LOCAL_EDITOR_TOKEN to keep one).`)
  }
}
