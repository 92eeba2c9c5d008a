import type { Browser } from 'playwright-core'
import CANARY_SECRETS from './canary.json'
import { closeBrowser, closePage, launchBrowser, recordCspViolations } from './support/browser'
import { baseUrl, url } from './support/server'

/**
 * The real Studio on the embedded dataset, through the site's local Content Lake: an editor
 * signs in with the link the server prints, and the desk lists the dataset's articles with no
 * request to any other host. Without the token the lake answers 401.
 */
let browser: Browser | undefined
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => closeBrowser(browser))

describe('the local Content Lake', () => {
  it('signs an editor in and lists the embedded dataset’s articles in the desk, with no request leaving the machine', async () => {
    const context = await browser!.newContext({ baseURL: baseUrl(), viewport: { width: 1400, height: 900 } })
    const outside: string[] = []
    await context.route('**/*', (route) => {
      const address = route.request().url()
      if (new URL(address).origin === new URL(baseUrl()).origin) return route.continue()
      outside.push(address)
      return route.abort('blockedbyclient')
    })
    const violations = await recordCspViolations(context)
    const page = await context.newPage()
    try {
      await page.goto(`/api/lake/sign-in?token=${CANARY_SECRETS.LOCAL_EDITOR_TOKEN}`)
      expect(new URL(page.url()).pathname).toBe('/studio')
      await page.getByText('All articles').click({ timeout: 60_000 })
      // The newest published article of the demo dataset.
      await page.getByText('Deep-sea mining test shows sediment plumes travel farther than predicted').first().waitFor({ timeout: 30_000 })
      expect(outside).toEqual([])
      expect(violations).toEqual([])
    } finally {
      await closePage(page)
    }
  })

  it('answers 401 to every endpoint without the editor token, and a wrong token signs nobody in', async () => {
    for (const path of ['v2025-02-19/users/me', 'v2025-02-19/data/query/embedded?query=*', 'v2025-02-19/data/listen/embedded?query=*']) {
      const response = await fetch(url(`/api/lake/${path}`))
      expect({ path, status: response.status }).toEqual({ path, status: 401 })
    }
    const mutation = await fetch(url('/api/lake/v2025-02-19/data/mutate/embedded'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: [{ delete: { id: 'site-settings' } }] }),
    })
    expect(mutation.status).toBe(401)
    const signIn = await fetch(url('/api/lake/sign-in?token=wrong'), { redirect: 'manual' })
    expect(signIn.status).toBe(401)
    expect(signIn.headers.get('set-cookie')).toBeNull()
  })
})

describe('the embedded Studio', () => {
  it('is served at /studio and its tool paths, noindex, without the reader site’s masthead', async () => {
    for (const path of ['/studio', '/studio/structure', '/studio/presentation', '/studio/vision']) {
      const response = await fetch(url(path))
      const html = await response.text()
      expect({ path, status: response.status }).toEqual({ path, status: 200 })
      expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"\/>/)
      expect(html).not.toContain('aria-label="Sections"')
    }
  })
})

describe('malformed addresses', () => {
  it.each(['/articles/%ZZ', '/sections/%E4', '/tags/%ZZ', '/people/%'])('%s answers 400, not 500', async (path) => {
    const response = await fetch(url(path))
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('not correctly encoded')
  })
})
