// Corrections as a reader meets them in the production build on the demo dataset: the notice
// above the story, the Updated dateline, /corrections and its links, the footer link.
import type { Page } from 'playwright-core'
import { norm, open, useBrowserPage } from './support/browser'
import { CORRECTED_ARTICLE, CORRECTIONS_PAGE } from './support/pages'
import { url } from './support/server'

// What sanity/demo/content/world.mjs says of the Mekong article.
const TEXT = 'An earlier version of this article said saltwater had been detected 60 kilometres inland.'
const HEADLINE = 'Low Mekong forces delta farmers to rethink the rice calendar'

const session = useBrowserPage()
let page: Page
beforeEach(() => {
  page = session.page()
})

describe('a corrected article', () => {
  it('shows the correction with its time above the story, and its dateline says Updated at that time', async () => {
    await open(page, CORRECTED_ARTICLE)
    const notice = page.getByRole('region', { name: 'Correction' })
    expect(norm(await notice.textContent())).toContain(TEXT)
    // The demo newsroom is on Asia/Shanghai time: 06:10 UTC is 14:10 there.
    expect(await notice.locator('time').getAttribute('datetime')).toBe('2026-11-24T14:10+08:00')
    const dateline = norm(await page.locator('header p', { hasText: 'Updated' }).textContent())
    expect(dateline).toContain('Updated 24 November 2026 at 14:10')
    // Above the story: the notice comes before the body's first paragraph in the page.
    const before = await page.evaluate(() => {
      const noticeEl = document.getElementById('corrections')
      const body = Array.from(document.querySelectorAll('article p')).find((p) => p.textContent?.startsWith('In an ordinary year'))
      return !!noticeEl && !!body && !!(noticeEl.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING)
    })
    expect(before).toBe(true)
  })
})

describe('/corrections', () => {
  it('lists the correction, linked to the notice on its article', async () => {
    await open(page, CORRECTIONS_PAGE)
    expect(norm(await page.locator('h1').textContent())).toBe('Corrections')
    const item = page.locator('main li', { hasText: TEXT })
    expect(await item.count()).toBe(1)
    const link = item.getByRole('link', { name: HEADLINE })
    expect(await link.getAttribute('href')).toBe(`${CORRECTED_ARTICLE}#corrections`)
    await link.click()
    await page.waitForURL((address) => address.pathname === CORRECTED_ARTICLE && address.hash === '#corrections')
    expect(await page.getByRole('region', { name: 'Correction' }).isVisible()).toBe(true)
  })

  it('has one page on the demo: page 2 answers 404', async () => {
    expect((await fetch(url('/corrections/page/2'))).status).toBe(404)
  })

  it('is linked from the footer of every page', async () => {
    await open(page, '/')
    expect(await page.locator('footer a[href="/corrections"]').count()).toBe(1)
  })
})
