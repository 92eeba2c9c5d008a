import { endDraftSession } from '@/lib/preview/draft-session'
import { redirectWithin, refererPath } from '@/lib/preview/redirect'

/**
 * Leaves draft mode: a plain link anyone can open, back to the page they were on (a path of
 * this site only; a target no header can hold answers 400).
 */
export async function GET(request: Request) {
  await endDraftSession()
  const { searchParams } = new URL(request.url)
  return redirectWithin(searchParams.get('redirect') ?? refererPath(request))
}
