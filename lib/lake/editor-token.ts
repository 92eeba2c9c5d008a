import 'server-only'
import crypto from 'node:crypto'

/** The cookie the sign-in link sets: HttpOnly, so no script of a page can read the token. */
export const EDITOR_COOKIE = 'local-lake-editor'
/** Where the sign-in link points: sets the cookie and opens the Studio. */
export const SIGN_IN_PATH = '/api/lake/sign-in'

// One token per process, on globalThis: Next bundles this module separately for
// instrumentation.ts (which prints the sign-in link) and for the lake's route.
const GENERATED = Symbol.for('news-portal.local-editor-token')

/**
 * The editors' token of the local Content Lake: LOCAL_EDITOR_TOKEN, or one made at start
 * (printed in the sign-in link) that lasts as long as the process.
 */
export function editorToken(): string {
  const configured = process.env.LOCAL_EDITOR_TOKEN
  if (configured) return configured
  const holder = globalThis as { [GENERATED]?: string }
  return (holder[GENERATED] ??= crypto.randomBytes(24).toString('base64url'))
}

/** Whether a candidate is the editors' token, compared in constant time. */
export function isEditorToken(candidate: string | undefined | null): boolean {
  if (!candidate) return false
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest()
  return crypto.timingSafeEqual(digest(candidate), digest(editorToken()))
}

/** The token a request carries: `Authorization: Bearer …` (API clients) or the sign-in cookie (the Studio). */
export function requestToken(request: Request): string | undefined {
  const authorization = request.headers.get('authorization')
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim()
  const cookies = request.headers.get('cookie') ?? ''
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name !== EDITOR_COOKIE) continue
    try {
      return decodeURIComponent(value.join('='))
    } catch {
      return undefined
    }
  }
  return undefined
}

export const isEditor = (request: Request) => isEditorToken(requestToken(request))
