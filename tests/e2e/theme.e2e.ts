import type { Page } from 'playwright-core'
import { closePage, newPage, open, useBrowserPage } from './support/browser'
import { SEED_ARTICLE } from './support/pages'

/**
 * The reader's colour theme (docs/decisions/0005): the device's preference without JavaScript,
 * a choice from the footer's buttons remembered across pages and applied before the first
 * paint, and HTML that is the same for every reader, so cached pages stay shared.
 */

const session = useBrowserPage()

// The page's background (--paper in app/globals.css) in each theme.
const LIGHT = 'rgb(251, 250, 246)'
const DARK = 'rgb(22, 21, 20)'

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
const themeAttribute = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-theme'))
const button = (page: Page, name: string) => page.getByRole('group', { name: 'Theme' }).getByRole('button', { name, exact: true })
const pressed = (page: Page, name: string) => button(page, name).getAttribute('aria-pressed')

describe('without JavaScript', () => {
  it.each([
    ['light', LIGHT],
    ['dark', DARK],
  ] as const)('a device that prefers %s gets that theme, and no buttons that could not work', async (colorScheme, expected) => {
    const page = await newPage(session.browser(), { javaScriptEnabled: false, colorScheme })
    try {
      expect((await open(page, SEED_ARTICLE)).status()).toBe(200)
      expect(await background(page)).toBe(expected)
      expect(await page.getByRole('group', { name: 'Theme' }).count()).toBe(0)
    } finally {
      await closePage(page)
    }
  })
})

describe('a reader who chooses', () => {
  it('chooses dark on a light device: applied at once, kept across a client-side navigation and a new page load', async () => {
    const page = await newPage(session.browser(), { colorScheme: 'light' })
    try {
      await open(page, '/')
      expect(await background(page)).toBe(LIGHT)
      expect(await pressed(page, 'System')).toBe('true')
      await button(page, 'Dark').click()
      expect(await pressed(page, 'Dark')).toBe('true')
      expect(await pressed(page, 'System')).toBe('false')
      expect(await background(page)).toBe(DARK)

      await page.locator('header nav a[href="/sections/world"]').click()
      await page.waitForURL('**/sections/world')
      expect(await background(page)).toBe(DARK)

      await open(page, SEED_ARTICLE)
      expect(await themeAttribute(page)).toBe('dark')
      expect(await background(page)).toBe(DARK)
      expect(await pressed(page, 'Dark')).toBe('true')
    } finally {
      await closePage(page)
    }
  })

  it('chooses light on a dark device, then goes back to following the device', async () => {
    const page = await newPage(session.browser(), { colorScheme: 'dark' })
    try {
      await open(page, SEED_ARTICLE)
      expect(await background(page)).toBe(DARK)
      await button(page, 'Light').click()
      expect(await background(page)).toBe(LIGHT)
      await open(page, '/')
      expect(await background(page)).toBe(LIGHT)

      await button(page, 'System').click()
      expect(await themeAttribute(page)).toBeNull()
      expect(await background(page)).toBe(DARK)
      await open(page, SEED_ARTICLE)
      expect(await background(page)).toBe(DARK)
      expect(await pressed(page, 'System')).toBe('true')
    } finally {
      await closePage(page)
    }
  })

  it('sees the stored theme on the first paint: the inline script in <head> applies it before any of the page’s JavaScript loads', async () => {
    const page = await newPage(session.browser(), { colorScheme: 'light' })
    try {
      await open(page, '/')
      await button(page, 'Dark').click()
      const nextLoaded = (p: Page) => p.evaluate(() => typeof (window as unknown as { next?: unknown }).next === 'object')
      expect(await nextLoaded(page)).toBe(true)
      // No script file loads, so React never hydrates: only the inline script can set the theme.
      await page.route('**/_next/static/**/*.js', (route) => route.abort('blockedbyclient'))
      const response = await open(page, SEED_ARTICLE)
      expect(await nextLoaded(page)).toBe(false)
      expect(await themeAttribute(page)).toBe('dark')
      expect(await background(page)).toBe(DARK)
      // The choice never reaches the server: the HTML is the same for every reader.
      const html = await response.text()
      expect(html).not.toContain('data-theme=')
      expect(response.headers()['vary'] ?? '').not.toMatch(/cookie/i)
    } finally {
      await closePage(page)
    }
  })
})

test('the buttons are a labelled group of toggle buttons that a keyboard reaches and presses', async () => {
  const page = session.page()
  await open(page, SEED_ARTICLE)
  const dark = button(page, 'Dark')
  await dark.focus()
  await page.keyboard.press('Enter')
  expect(await pressed(page, 'Dark')).toBe('true')
  const outline = await dark.evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(outline).toBe('solid')
  for (const name of ['Light', 'Dark', 'System']) {
    const box = await button(page, name).boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(24)
    expect(box!.width).toBeGreaterThanOrEqual(24)
  }
})
