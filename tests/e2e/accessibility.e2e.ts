import type { Browser, BrowserContextOptions } from 'playwright-core'
import { expectNoViolations, runAxe } from './support/axe'
import { MOBILE, closeBrowser, closePage, launchBrowser, newPage, open } from './support/browser'
import { KEY_PAGES, MOBILE_PAGES } from './support/pages'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await closeBrowser(browser)
})

async function check(path: string, label: string, options: BrowserContextOptions = {}): Promise<void> {
  const page = await newPage(browser, options)
  try {
    const response = await open(page, path)
    expect(response.status()).toBe(200)
    expectNoViolations(`${path} (${label})`, await runAxe(page))
  } finally {
    await closePage(page)
  }
}

describe('axe: WCAG 2.x A and AA, desktop 1280×720', () => {
  test.each(KEY_PAGES)('%s has no violations', (path) => check(path, 'desktop 1280×720', { viewport: { width: 1280, height: 720 } }))
})

describe('axe: WCAG 2.x A and AA, mobile 390×844', () => {
  test.each(MOBILE_PAGES)('%s has no violations', (path) => check(path, 'mobile 390×844', MOBILE))
})
