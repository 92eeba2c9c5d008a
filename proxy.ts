import { NextResponse, type NextRequest } from 'next/server'

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
  if (decodes(request.nextUrl.pathname)) return NextResponse.next()
  return new NextResponse('Bad request: the address is not correctly encoded.', {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

function decodes(part: string): boolean {
  try {
    decodeURIComponent(part)
    return true
  } catch {
    return false
  }
}

// Static assets skip the proxy: their routes read no parameters that a malformed escape could break.
export const config = { matcher: '/((?!_next/|images/|favicon).*)' }
