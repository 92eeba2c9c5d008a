/**
 * Where to send a reader after turning draft mode on or off: a path of this site only,
 * never another origin (an open redirect would let a link send readers anywhere).
 *
 * The candidate is resolved as a browser resolves a Location header, against a placeholder
 * origin: browsers drop tabs and newlines and read `\` as `/`, so `/\tevil.com`,
 * `/\evil.com` and `//evil.com` all name another host. Anything that leaves the origin, or
 * is not a path to begin with, goes to the fallback. A target that cannot be put in a
 * header at all (CR or LF, or characters beyond Latin-1) is refused outright.
 */
export type RedirectTarget = { ok: true; path: string } | { ok: false; message: string }

const PLACEHOLDER_ORIGIN = 'http://site.invalid'

export function redirectTarget(candidate: string | null | undefined, fallback = '/'): RedirectTarget {
  if (!candidate) return { ok: true, path: fallback }
  if (/[\r\n]|[^\u0000-\u00ff]/.test(candidate)) {
    return { ok: false, message: 'Bad request: the redirect address holds a line break or characters that cannot be sent in a header.' }
  }
  // Any other control character (a tab, as in /%09/evil.com) only hides where the link goes.
  if (!candidate.startsWith('/') || /[\u0000-\u001f\u007f]/.test(candidate)) return { ok: true, path: fallback }
  let resolved: URL
  try {
    resolved = new URL(candidate, PLACEHOLDER_ORIGIN)
  } catch {
    return { ok: true, path: fallback }
  }
  if (resolved.origin !== PLACEHOLDER_ORIGIN) return { ok: true, path: fallback }
  // The parser's own serialisation: percent-encoded, so the header holds exactly what was checked.
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`
  // Resolving can leave a path that begins with two slashes (`/..//evil.com` is `//evil.com`),
  // which a browser reads in a Location header as another host (found by random-input.test.ts).
  return { ok: true, path: path.startsWith('//') ? fallback : path }
}

/** The path to redirect to, or the fallback when the candidate is not a safe path of this site. Never throws. */
export function sitePath(candidate: string | null | undefined, fallback = '/'): string {
  const target = redirectTarget(candidate, fallback)
  return target.ok ? target.path : fallback
}

/** A redirect to a path of this site (307, as Next's redirect() answers a route handler), or 400 for a target no header can hold. */
export function redirectWithin(candidate: string | null | undefined, fallback = '/'): Response {
  const target = redirectTarget(candidate, fallback)
  if (!target.ok) return new Response(target.message, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(null, { status: 307, headers: { Location: target.path } })
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
