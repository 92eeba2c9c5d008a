/** Where the Studio asks the site for a shareable preview link (app/api/preview-link/route.ts). */
export const PREVIEW_LINK_ENDPOINT = '/api/preview-link'
export const PREVIEW_SECRET_PARAM = 'sanity-preview-secret'

/**
 * Asks the site to sign a preview link for one article. The secret proves the request
 * comes from a signed-in editor: the Studio created it in the dataset with the editor's
 * own credentials, and the site checks it there with its read token.
 */
export async function requestPreviewLink(origin: string, slug: string, secret: string, fetchImpl: typeof fetch = fetch) {
  const url = new URL(PREVIEW_LINK_ENDPOINT, origin)
  url.searchParams.set('slug', slug)
  url.searchParams.set(PREVIEW_SECRET_PARAM, secret)
  const response = await fetchImpl(url, { method: 'POST', headers: { Accept: 'application/json' } })
  const body = (await response.json().catch(() => ({}))) as { url?: string; expiresAt?: string; error?: string }
  if (!response.ok || !body.url) throw new Error(body.error ?? `The site answered ${response.status}.`)
  return { url: body.url, expiresAt: body.expiresAt }
}
