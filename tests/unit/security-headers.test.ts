import { NextRequest } from 'next/server'
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match'

/** The security headers: every response gets the fixed set; HSTS follows SITE_URL at run time. */

type Header = { key: string; value: string }
type Rule = { source: string; headers: Header[] }

async function configuredRules(phase: string): Promise<Rule[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('../../next.config.js')(phase)
  return config.headers()
}

describe('headers() in next.config.js', () => {
  it.each(['phase-production-build', 'phase-production-server', 'phase-development-server'])('sends the security headers in %s', async (phase) => {
    const rules = await configuredRules(phase)
    const everywhere = rules.filter((rule) => {
      const matches = getPathMatch(rule.source)
      return ['/', '/articles/a', '/studio/structure', '/api/draft-mode/disable', '/_next/static/chunks/a.js', '/images/local/a.jpg', '/feeds/rss.xml'].every(
        (path) => matches(path) !== false,
      )
    })
    const headers = Object.fromEntries(everywhere.flatMap((rule) => rule.headers).map(({ key, value }) => [key.toLowerCase(), value]))
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cross-origin-opener-policy': 'same-origin',
    })
    const policy = headers['content-security-policy']
    for (const directive of [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'self'",
    ]) {
      expect(policy).toContain(directive)
    }
    if (phase !== 'phase-development-server') expect(policy).not.toContain('unsafe-eval')
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(headers['permissions-policy']).toContain(`${feature}=()`)
    // The Studio loads cross-origin resources without CORP: no COEP, which would break it.
    expect(headers).not.toHaveProperty('cross-origin-embedder-policy')
  })

  it("gives the Studio its own policy, the reader site's plus editors' avatars and Sanity's sign-in", async () => {
    const rules = await configuredRules('phase-production-build')
    // As Next applies them: every matching rule in order, a later header replacing an earlier one.
    const policyAt = (path: string) =>
      rules
        .filter((rule) => getPathMatch(rule.source)(path) !== false)
        .flatMap((rule) => rule.headers)
        .filter(({ key }) => key.toLowerCase() === 'content-security-policy')
        .at(-1)?.value
    const reader = policyAt('/articles/a')!
    for (const path of ['/studio', '/studio/structure/article']) {
      const studio = policyAt(path)!
      expect(studio).not.toBe(reader)
      expect(studio).toMatch(/img-src [^;]* https:(;|$)/)
      expect(studio).toContain('https://api.sanity.io')
      expect(studio).toContain("frame-ancestors 'self'")
      expect(studio).not.toContain('unsafe-eval')
    }
    expect(reader).not.toMatch(/img-src [^;]* https:(;|$)/)
  })
})

describe('Strict-Transport-Security (proxy.ts)', () => {
  const saved = process.env.SITE_URL
  afterEach(() => {
    if (saved === undefined) delete process.env.SITE_URL
    else process.env.SITE_URL = saved
  })

  const hstsWith = (siteUrl: string | undefined, address = '/') => {
    if (siteUrl === undefined) delete process.env.SITE_URL
    else process.env.SITE_URL = siteUrl
    let header: string | null = null
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { proxy } = require('@/proxy') as typeof import('@/proxy')
      header = proxy(new NextRequest(`http://localhost:3000${address}`)).headers.get('strict-transport-security')
    })
    return header
  }

  it('is sent, on pages and on the 400 answers, when SITE_URL is https', () => {
    expect(hstsWith('https://news.example.com')).toBe('max-age=31536000')
    expect(hstsWith('https://news.example.com', '/articles/%ZZ')).toBe('max-age=31536000')
  })

  it('is not sent when SITE_URL is http or unset', () => {
    expect(hstsWith('http://localhost:3000')).toBeNull()
    expect(hstsWith(undefined)).toBeNull()
  })
})
