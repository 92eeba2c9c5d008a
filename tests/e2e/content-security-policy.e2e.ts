import { cspViolations, norm, open, useBrowserPage } from './support/browser'
import { baseUrl } from './support/server'
import { SEARCH_PAGE, SEED_ARTICLE, TAG_PAGE } from './support/pages'

/**
 * The Content-Security-Policy in force (docs/security.md, "Headers"): every page kind renders
 * and hydrates under it with no violation (closePage fails a test on any, here and in every
 * browser test, the Studio and Presentation included), and what it forbids is refused.
 */

const session = useBrowserPage()

const PAGE_KINDS: [string, string, number][] = [
  ['front page', '/', 200],
  ['section', '/sections/world', 200],
  ['article', SEED_ARTICLE, 200],
  ['person', '/people/he-yuting', 200],
  ['topic', TAG_PAGE, 200],
  ['latest', '/latest', 200],
  ['search', SEARCH_PAGE, 200],
  ['not found', '/articles/no-such-article', 404],
]

describe('the reader pages under their Content-Security-Policy', () => {
  it.each(PAGE_KINDS)('the %s (%s) renders and hydrates with no violation', async (_kind, path, status) => {
    const page = session.page()
    const response = await open(page, path)
    expect(response.status()).toBe(status)
    const policy = response.headers()['content-security-policy']
    expect(policy).toContain("script-src 'self' 'unsafe-inline'")
    expect(policy).not.toContain('unsafe-eval')
    expect(policy).toContain("object-src 'none'")
    expect(policy).toContain("frame-ancestors 'self'")
    // Hydrated: the client-side router handles a click on the masthead without a document load.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1))
    await page.locator('header a[href="/"]').first().click()
    await page.waitForURL(new URL('/', baseUrl()).href)
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1)
    expect(norm(await page.locator('h1, h2').first().textContent())).not.toBe('')
  })

  it('refuses eval, a script from another origin and framing by another site, and the tests see each refusal', async () => {
    const page = session.page()
    // Another site that frames this one: its page answered by the browser itself (no network).
    await page.route('http://other.test/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Other</title><iframe src="${new URL(SEED_ARTICLE, baseUrl()).href}"></iframe>` }),
    )
    await open(page, SEED_ARTICLE)
    expect(cspViolations(page)).toEqual([])
    const evaluated = await page.evaluate(async () => {
      const script = document.createElement('script')
      // Later, off the test's own call: Chromium lets code the test runner evaluates use eval.
      script.textContent = 'setTimeout(() => { try { eval("window.evaluated = true") } catch { window.evaluated = false } })'
      document.body.append(script)
      const foreign = document.createElement('script')
      foreign.src = 'https://scripts.example/tracker.js'
      document.body.append(foreign)
      await new Promise((resolve) => setTimeout(resolve, 200))
      return (window as unknown as { evaluated?: boolean }).evaluated
    })
    expect(evaluated).toBe(false)
    const seen = cspViolations(page).join('\n')
    expect(seen).toMatch(/script-src blocked eval/)
    expect(seen).toMatch(/script-src-elem blocked https:\/\/scripts\.example\/tracker\.js/)
    // Seen and expected: not a failure of this test.
    cspViolations(page).length = 0

    // Framed by another site, the page does not load: Chromium shows its error page in the frame.
    await page.goto('http://other.test/')
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!
    await frame.waitForLoadState()
    expect(frame.url()).toBe('chrome-error://chromewebdata/')
  })
})
