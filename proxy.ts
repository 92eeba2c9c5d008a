import { NextResponse, type NextRequest } from 'next/server'

/**
 * An address with broken percent-encoding (/articles/%ZZ, /search?q=%E0%A4%A) cannot name any
 * page. Next would fail decoding a path's parameters with a 500, and would hand a page a query
 * string it silently mangled; answer 400 with a plain explanation instead.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
  if (!decodes(pathname) || !decodes(search)) {
    return new NextResponse('Bad request: the address is not correctly encoded.', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  return NextResponse.next()
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
