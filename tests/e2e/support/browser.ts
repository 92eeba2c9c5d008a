// Headless Chromium (Debian's) through playwright-core. Never downloads a browser.
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Response } from 'playwright-core'
import { baseUrl } from './server'

export const MOBILE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  await browser?.close()
}

/**
 * Records every Content-Security-Policy violation in the context's pages and their frames into
 * `violations`: the browser's securitypolicyviolation events, and Chromium's console messages
 * for them (which also cover code outside a document's listeners, such as workers). Tests fail
 * on any (docs/security.md).
 */
export async function recordCspViolations(context: BrowserContext, violations: string[] = []): Promise<string[]> {
  await context.exposeBinding('__cspViolation', (_source, text: string) => void violations.push(text))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __cspViolation: (text: string) => void }).__cspViolation
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} in ${event.documentURI} (${event.sourceFile || '?'}:${event.lineNumber})`,
      )
    })
  })
  context.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) violations.push(message.text())
  })
  return violations
}

const violationsOf = new WeakMap<Page, string[]>()

/** The CSP violations recorded so far in the context of a page from newPage (closePage fails on any). */
export const cspViolations = (page: Page): string[] => violationsOf.get(page)!

/**
 * A page in a fresh context whose relative URLs resolve against the server under test.
 * Requests to any other origin are aborted (the machine has no internet, and the site
 * must not depend on third parties to render). Its CSP violations are recorded.
 */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const origin = new URL(baseUrl()).origin
  const context = await browser.newContext({ baseURL: baseUrl(), reducedMotion: 'reduce', ...options })
  const violations = await recordCspViolations(context)
  await context.route('**/*', (route) => {
    const u = route.request().url()
    if (u.startsWith(origin + '/') || u.startsWith('data:') || u.startsWith('blob:')) return route.continue()
    return route.abort('blockedbyclient')
  })
  const page = await context.newPage()
  violationsOf.set(page, violations)
  page.setDefaultTimeout(15_000)
  page.setDefaultNavigationTimeout(30_000)
  return page
}

/** Closes a page's context; throws if any Content-Security-Policy violation was recorded in it. */
export async function closePage(page: Page | undefined): Promise<void> {
  const violations = page && violationsOf.get(page)
  await page?.context().close()
  if (violations?.length) throw new Error(`Content-Security-Policy violations:\n${violations.join('\n')}`)
}

/** Loads `path` and waits for the document, its fonts and images to settle. */
export async function open(page: Page, path: string): Promise<Response> {
  const response = await page.goto(path, { waitUntil: 'load' })
  if (!response) throw new Error(`No response for ${path}`)
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  return response
}

/** Collapses whitespace, as a reader sees text. */
export function norm(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim()
}

/**
 * One browser for a test file and a fresh page for each test, opened and closed by
 * Jest's hooks. Call at the top level of a test file; read the page in a test or hook.
 */
export function useBrowserPage() {
  let browser: Browser | undefined
  let page: Page | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => closeBrowser(browser))
  beforeEach(async () => {
    page = await newPage(browser!)
  })
  afterEach(() => closePage(page))
  return { browser: () => browser!, page: () => page! }
}
