import { EDITOR_COOKIE, isEditorToken } from './editor-token'
import { readBody } from './request-body'

/** An editor stays signed in on this browser for 30 days (or until the token changes). */
const COOKIE_MAX_AGE_S = 30 * 24 * 3600
const STUDIO_PATH = '/studio'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function page(status: number, message?: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in to the Studio</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}input{font:inherit;width:100%;padding:.5rem;margin:.5rem 0}button{font:inherit;padding:.5rem 1rem}</style></head>
<body><main><h1>Sign in to the Studio</h1>
<p>Paste the editor token: the link printed in the server log when it started, or <code>LOCAL_EDITOR_TOKEN</code>.</p>
${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post"><label for="token">Editor token</label><input id="token" name="token" type="password" autocomplete="off" required><button type="submit">Sign in</button></form></main></body></html>`
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } })
}

function signedIn(request: Request, token: string): Response {
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : ''
  return new Response(null, {
    status: 303,
    headers: {
      Location: STUDIO_PATH,
      'Cache-Control': 'no-store',
      // SameSite=Strict: no other site can make the browser send it, so no other site can write.
      'Set-Cookie': `${EDITOR_COOKIE}=${encodeURIComponent(token)}; Path=/api/lake; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_S}${secure}`,
    },
  })
}

/** GET /api/lake/sign-in: with a valid `?token=` (the printed link) signs in and opens the Studio; otherwise the form. */
export function signInPage(request: Request): Response {
  const token = new URL(request.url).searchParams.get('token')
  if (token === null) return page(200)
  return isEditorToken(token) ? signedIn(request, token) : page(401, 'That token is not the editor token of this server.')
}

/** POST /api/lake/sign-in: the form. */
export async function signIn(request: Request): Promise<Response> {
  const form = new URLSearchParams((await readBody(request, 4096)).toString('utf8'))
  const token = form.get('token') ?? ''
  return isEditorToken(token) ? signedIn(request, token) : page(401, 'That token is not the editor token of this server.')
}

/** The Studio's "Sign out": the cookie goes. */
export function signOut(request: Request): Response {
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : ''
  return new Response(null, { status: 204, headers: { 'Set-Cookie': `${EDITOR_COOKIE}=; Path=/api/lake; HttpOnly; SameSite=Strict; Max-Age=0${secure}` } })
}
