import { draftChangesStream } from '@/lib/lake/draft-changes'
import { inDraftSession } from '@/lib/preview/draft-session'

export const dynamic = 'force-dynamic'

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })

/**
 * Server-Sent Events of the embedded dataset's changes, for pages in draft mode only (their
 * cookie is the credential): app/draft-mode-tools.tsx listens and refreshes the page.
 */
export async function GET(request: Request) {
  if (!(await inDraftSession())) return text(401, 'Draft mode is off: only a page in draft mode follows the drafts.')
  return (
    draftChangesStream(request.signal) ?? text(404, 'The embedded dataset is not in use: with a Sanity project, Presentation refreshes the preview itself.')
  )
}
