import 'server-only'
import { randomBytes } from 'node:crypto'
import { cookies, draftMode } from 'next/headers'
import { previewSecret } from './secret'
import { createToken, verifyToken } from './token'

/**
 * A draft-mode session: Next's draft-mode cookie says "render for an editor", but it is the
 * same for every session of a build and never expires. So draft mode also needs this cookie,
 * a signed grant that ends when the link that started it ends (at most a day), and with it:
 * drafts are shown only while both hold. A rotated PREVIEW_SECRET ends every session at once.
 */
export const DRAFT_SESSION_COOKIE = 'draft-session'
/** The longest session; the Studio's preview secret lasts an hour, and Presentation starts a new session each time it opens. */
export const MAX_SESSION_SECONDS = 24 * 60 * 60
const SECURE = process.env.NODE_ENV === 'production'

/**
 * Sessions are signed with PREVIEW_SECRET; without one (the Studio's Presentation on a site
 * with no preview links), with a key of this process: a restart ends the sessions, and several
 * instances need PREVIEW_SECRET to share them.
 */
const PROCESS_KEY = Symbol.for('news-portal.draft-session-key')
const processKey = () => ((globalThis as { [PROCESS_KEY]?: string })[PROCESS_KEY] ??= randomBytes(32).toString('base64url'))
const sessionKey = () => previewSecret() ?? processKey()

/** Turns draft mode on until `until` (cut to MAX_SESSION_SECONDS from now). Call from a route handler. */
export async function startDraftSession(until: Date, now = Date.now()): Promise<void> {
  const ttlSeconds = Math.max(1, Math.min(MAX_SESSION_SECONDS, Math.floor((until.getTime() - now) / 1000)))
  const { token, expiresAt } = createToken({ kind: 'draft-session' }, sessionKey(), { ttlSeconds, now })
  ;(await draftMode()).enable()
  ;(await cookies()).set(DRAFT_SESSION_COOKIE, token, {
    // As Next's own draft-mode cookie is sent (next-sanity's enable route): also inside the Studio's frame.
    httpOnly: true,
    sameSite: SECURE ? 'none' : 'lax',
    secure: SECURE,
    path: '/',
    expires: expiresAt,
  })
}

/** Ends the session and draft mode. */
export async function endDraftSession(): Promise<void> {
  ;(await draftMode()).disable()
  ;(await cookies()).delete(DRAFT_SESSION_COOKIE)
}

/**
 * Whether this request is in a live draft-mode session. The cookies are read only once Next's
 * draft mode is on (such a request is rendered for it alone anyway): reading them on every
 * request would make every page dynamic.
 */
export async function inDraftSession(now = Date.now()): Promise<boolean> {
  if (!(await draftMode()).isEnabled) return false
  const session = (await cookies()).get(DRAFT_SESSION_COOKIE)?.value
  if (!session) return false
  const verified = verifyToken(session, sessionKey(), now)
  return verified.ok && verified.kind === 'draft-session'
}
