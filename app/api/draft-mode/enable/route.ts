import { urlSearchParamPreviewSecret } from '@sanity/preview-url-secret/constants'
import { defineEnableDraftMode } from 'next-sanity/draft-mode'
import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { checkStudioPreviewSecret } from '@/lib/content'
import { createSanityClient } from '@/lib/content/sources/sanity'
import { readConfig } from '@/lib/env'
import { sitePath } from '@/lib/preview/redirect'
import { previewSecret } from '@/lib/preview/secret'
import { verifyToken } from '@/lib/preview/token'

const text = (status: number, body: string) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/**
 * Turns on draft mode. With Sanity, the Presentation tool opens this URL with a secret
 * that next-sanity checks against the project. On the embedded dataset, the Studio's secret
 * is checked in the local store, or a signed draft-mode token (`npm run preview-link --
 * --draft-mode`) does the same.
 */
export async function GET(request: Request) {
  const { source } = readConfig()
  if (source.mode === 'sanity') {
    if (!source.token) return text(404, 'Draft mode is off: this site has no SANITY_API_READ_TOKEN.')
    const { GET: enable } = defineEnableDraftMode({ client: createSanityClient(source).withConfig({ token: source.token }) })
    return enable(request)
  }

  const url = new URL(request.url)
  if (url.searchParams.has(urlSearchParamPreviewSecret)) {
    const check = await checkStudioPreviewSecret(request.url)
    if (!check?.isValid) return text(401, 'The Studio’s preview secret is not valid or has expired: open the page from the Studio again.')
    ;(await draftMode()).enable()
    redirect(sitePath(check.redirectTo))
  }
  const secret = previewSecret()
  if (!secret) return text(404, 'Draft mode is off: this site has no PREVIEW_SECRET.')
  const verified = verifyToken(url.searchParams.get('token') ?? '', secret)
  if (!verified.ok || verified.kind !== 'draft-mode') {
    return text(401, 'This draft-mode link is not valid: it is unsigned, changed or expired. Ask for a new one.')
  }
  ;(await draftMode()).enable()
  redirect(sitePath(url.searchParams.get('redirect')))
}
