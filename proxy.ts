import { NextResponse, type NextRequest } from 'next/server'

/**
 * Strict-Transport-Security, when the site's public address (SITE_URL, checked by lib/env.ts
 * at start-up) is https: read once as the server starts, not frozen in the build as
 * next.config.js's headers() are, so one build can serve http locally and https in
 * production. A year, without includeSubDomains or preload: those would bind other hosts of
 * the domain, which are the operator's call. Browsers record it from any page; static assets,
 * which skip the proxy, need not repeat it.
 */
const HSTS = process.env.SITE_URL?.startsWith('https://') ? 'max-age=31536000' : undefined

/**
 * A path with broken percent-encoding (/articles/%ZZ) cannot name any page; Next would fail
 * decoding its parameters with a 500. Answer 400 with a plain explanation instead.
 *
 * The query string needs no check here, and a check could not see it: before the proxy runs,
 * Next re-serialises the query (URLSearchParams), and pages read it leniently decoded, so
 * /search?q=%E0%A4%A reaches both as "\uFFFD%A" and answers 200, never 500 (seen on a built
 * server; docs/security.md).
 */
export function proxy(request: NextRequest) {
  const response = decodes(request.nextUrl.pathname)
    ? NextResponse.next()
    : new NextResponse('Bad request: the address is not correctly encoded.', {
        status: 400,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      })
  if (HSTS) response.headers.set('Strict-Transport-Security', HSTS)
  return response
}

function decodes(part: string): boolean {
  try {
    decodeURIComponent(part)
    return true
  } catch {
    return false
  }
}

// Next's own assets skip the proxy: no route of the site reads their paths. The image route
// (/images/...) reads its path as a parameter, so it goes through.
export const config = { matcher: '/((?!_next/|favicon).*)' }
