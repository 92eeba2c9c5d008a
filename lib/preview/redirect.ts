/**
 * Where to send a reader after turning draft mode on or off: a path of this site only,
 * never another origin (an open redirect would let a link send readers anywhere).
 */
export function sitePath(candidate: string | null | undefined, fallback = '/'): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) return fallback
  return candidate
}

/** The path of the page a reader came from, when the Referer is this site. */
export function refererPath(request: Request): string | undefined {
  const referer = request.headers.get('referer')
  if (!referer) return undefined
  try {
    const from = new URL(referer)
    // The host the reader used, as a proxy forwards it; request.url may carry the server's own name.
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? new URL(request.url).host
    return from.host === host ? `${from.pathname}${from.search}` : undefined
  } catch {
    return undefined
  }
}
