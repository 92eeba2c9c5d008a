import { checkStudioPreviewSecret } from '@/lib/content'
import { readConfig } from '@/lib/env'
import { previewSecret } from '@/lib/preview/secret'
import { createToken } from '@/lib/preview/token'
import { routes } from '@/lib/routes'

const json = (status: number, body: object) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * Signs a shareable preview link for the Studio's "Share preview link" action. The
 * caller proves it is a signed-in editor with a preview secret the Studio created in
 * the dataset (the Content Lake, or the embedded dataset's local lake), checked there.
 */
export async function POST(request: Request) {
  const config = readConfig()
  const secret = previewSecret()
  if (!secret) return json(404, { error: 'Previews are off: this site has no PREVIEW_SECRET.' })
  const check = await checkStudioPreviewSecret(request.url)
  if (!check)
    return json(404, { error: 'With a Sanity project, the Studio can share links only when the site has SANITY_API_READ_TOKEN; use npm run preview-link.' })
  if (!check.isValid) return json(401, { error: 'The Studio’s preview secret is not valid or has expired. Try again.' })

  const slug = new URL(request.url).searchParams.get('slug')
  if (!slug) return json(400, { error: 'Say which article: ?slug=…' })
  const { token, expiresAt } = createToken({ kind: 'article', slug }, secret)
  return json(200, { url: `${config.siteUrl}${routes.preview(token)}`, expiresAt: expiresAt.toISOString() })
}
