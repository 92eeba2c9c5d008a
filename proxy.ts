import { NextResponse, type NextRequest } from 'next/server'

/**
 * A path with broken percent-encoding (/articles/%ZZ) cannot name any page; Next would
 * fail decoding its parameters with a 500. Answer 400 with a plain explanation instead.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname)
  } catch {
    return new NextResponse('Bad request: the address is not correctly encoded.', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  return NextResponse.next()
}

// Only paths with parameters can carry a malformed escape; static assets skip the proxy.
export const config = { matcher: '/((?!_next/|images/|favicon).*)' }
