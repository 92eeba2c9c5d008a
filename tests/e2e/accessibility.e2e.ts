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

/** The dark theme's page background (--paper, app/globals.css): proof that axe checked the dark colours. */
const DARK_PAPER = 'rgb(22, 21, 20)'

type Theme = { dark?: boolean; choseDark?: boolean }

async function check(path: string, label: string, options: BrowserContextOptions = {}, theme: Theme = {}): Promise<void> {
  const page = await newPage(browser, options)
  try {
    // A reader's stored choice (lib/theme.ts), whatever the device prefers.
    if (theme.choseDark) await page.addInitScript(() => localStorage.setItem('theme', 'dark'))
    const response = await open(page, path)
    expect(response.status()).toBe(200)
    const paper = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(paper === DARK_PAPER).toBe(Boolean(theme.dark))
    // The footer's theme buttons appear once the page has hydrated: checked with the rest.
    await page.getByRole('group', { name: 'Theme' }).waitFor()
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

// Colour contrast in the dark theme, both ways into it: the device's preference, and a stored choice.
describe('axe: WCAG 2.x A and AA, desktop 1280×720, a device that prefers dark', () => {
  test.each(KEY_PAGES)('%s has no violations', (path) =>
    check(path, 'desktop 1280×720, prefers dark', { viewport: { width: 1280, height: 720 }, colorScheme: 'dark' }, { dark: true }),
  )
})

describe('axe: WCAG 2.x A and AA, mobile 390×844, a reader who chose dark on a light device', () => {
  test.each(MOBILE_PAGES)('%s has no violations', (path) =>
    check(path, 'mobile 390×844, chose dark', { ...MOBILE, colorScheme: 'light' }, { dark: true, choseDark: true }),
  )
})
