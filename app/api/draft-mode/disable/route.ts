import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { refererPath, sitePath } from '@/lib/preview/redirect'

/** Leaves draft mode: a plain link anyone can open, back to the page they were on. */
export async function GET(request: Request) {
  ;(await draftMode()).disable()
  const { searchParams } = new URL(request.url)
  redirect(sitePath(searchParams.get('redirect') ?? refererPath(request)))
}
