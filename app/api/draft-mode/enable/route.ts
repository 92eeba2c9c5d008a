import { urlSearchParamPreviewSecret } from '@sanity/preview-url-secret/constants'
import { redirect } from 'next/navigation'
import { checkStudioPreviewSecret } from '@/lib/content'
import { startDraftSession } from '@/lib/preview/draft-session'
import { sitePath } from '@/lib/preview/redirect'
import { previewSecret } from '@/lib/preview/secret'
import { verifyToken } from '@/lib/preview/token'

/** The Studio's preview secrets last an hour; a session one starts lasts no longer. */
const STUDIO_SESSION_MS = 60 * 60 * 1000

const text = (status: number, body: string) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/**
 * Starts a draft-mode session (lib/preview/draft-session.ts). The Presentation tool and
 * "Share preview link" open this URL with a secret the Studio wrote, checked where it wrote
 * it: in the Content Lake with a Sanity project (with the read token), in the local store on
 * the embedded dataset. Or a signed draft-mode link (`npm run preview-link -- --draft-mode`)
 * does it, for as long as the link is valid.
 */
export async function GET(request: Request) {
  const url = new URL(request.url)
  if (url.searchParams.has(urlSearchParamPreviewSecret)) {
    const check = await checkStudioPreviewSecret(request.url)
    if (!check) return text(404, 'Draft mode is off: this site has no SANITY_API_READ_TOKEN to check the Studio’s secret with.')
    if (!check.isValid) return text(401, 'The Studio’s preview secret is not valid or has expired: open the page from the Studio again.')
    await startDraftSession(new Date(Date.now() + STUDIO_SESSION_MS))
    redirect(sitePath(check.redirectTo))
  }
  const secret = previewSecret()
  if (!secret) return text(404, 'Draft mode is off: this site has no PREVIEW_SECRET.')
  const verified = verifyToken(url.searchParams.get('token') ?? '', secret)
  if (!verified.ok || verified.kind !== 'draft-mode') {
    return text(401, 'This draft-mode link is not valid: it is unsigned, changed or expired. Ask for a new one.')
  }
  await startDraftSession(verified.expiresAt)
  redirect(sitePath(url.searchParams.get('redirect')))
}
