import { validatePreviewUrl } from '@sanity/preview-url-secret'
import { createSanityClient } from '@/lib/content/sources/sanity'
import { readConfig } from '@/lib/env'
import { previewSecret } from '@/lib/preview/secret'
import { createToken } from '@/lib/preview/token'
import { routes } from '@/lib/routes'

const json = (status: number, body: object) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * Signs a shareable preview link for the Studio's "Share preview link" action. The
 * caller proves it is a signed-in editor with a preview secret the Studio created in
 * the dataset; next-sanity's validator checks it there with the site's read token.
 */
export async function POST(request: Request) {
  const config = readConfig()
  const secret = previewSecret()
  if (!secret) return json(404, { error: 'Previews are off: this site has no PREVIEW_SECRET.' })
  if (config.source.mode !== 'sanity' || !config.source.token) {
    return json(404, { error: 'The Studio can share links only with a Sanity project and SANITY_API_READ_TOKEN; use npm run preview-link.' })
  }
  const client = createSanityClient(config.source).withConfig({ token: config.source.token, useCdn: false })
  const { isValid } = await validatePreviewUrl(client, request.url)
  if (!isValid) return json(401, { error: 'The Studio’s preview secret is not valid or has expired. Try again.' })

  const slug = new URL(request.url).searchParams.get('slug')
  if (!slug) return json(400, { error: 'Say which article: ?slug=…' })
  const { token, expiresAt } = createToken({ kind: 'article', slug }, secret)
  return json(200, { url: `${config.siteUrl}${routes.preview(token)}`, expiresAt: expiresAt.toISOString() })
}
