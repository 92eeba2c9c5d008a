import type { Page } from 'playwright-core'
import { norm, open, useBrowserPage } from './support/browser'
import { SEED_ARTICLE } from './support/pages'
import { baseUrl } from './support/server'

const SECTION_SLUGS = ['world', 'business', 'technology', 'science', 'culture', 'sport']

const session = useBrowserPage()
let page: Page
beforeEach(() => {
  page = session.page()
})

function pathnameOf(href: string | null): string {
  return new URL(href ?? '', baseUrl()).pathname
}

/**
 * Waits (client-side navigations render after the URL changes) until some h1 reads `expected`
 * (or, with `prefix`, starts with it).
 */
async function expectH1(p: Page, expected: string, { prefix = false } = {}): Promise<void> {
  try {
    await p.waitForFunction(
      ({ t, prefix }) =>
        Array.from(document.querySelectorAll('h1')).some((h) => {
          const text = (h.textContent ?? '').replace(/\s+/g, ' ').trim()
          return prefix ? text.startsWith(t) : text === t
        }),
      { t: expected, prefix },
      { timeout: 15_000 },
    )
  } catch {
    const found = (await p.locator('h1').allTextContents()).map(norm)
    throw new Error(`Expected an <h1> ${prefix ? 'starting with' : 'reading'} ${JSON.stringify(expected)} on ${p.url()}, found ${JSON.stringify(found)}`)
  }
}

/** The first visible link with text matching `selector` (skips image-only or hidden duplicates). */
async function firstTextLink(p: Page, selector: string): Promise<{ href: string; text: string }> {
  const links = await p.$$eval(selector, (as) =>
    as.map((a) => ({
      href: a.getAttribute('href') ?? '',
      text: (a.textContent ?? '').replace(/\s+/g, ' ').trim(),
      visible: a.getClientRects().length > 0,
    })),
  )
  const link = links.find((l) => l.visible && l.text !== '')
  if (!link) throw new Error(`No visible link with text matches ${selector} on ${p.url()} (${links.length} candidates)`)
  return { href: link.href, text: link.text }
}

async function clickThrough(p: Page, selector: string, link: { href: string; text: string }): Promise<void> {
  const target = pathnameOf(link.href)
  await Promise.all([
    p.waitForURL((u) => u.pathname === target, { timeout: 30_000 }),
    p.locator(`${selector}[href="${link.href}"]`).filter({ hasText: link.text }).first().click(),
  ])
}

test('a reader goes front page → section → article → byline → person page', async () => {
  expect((await open(page, '/')).status()).toBe(200)

  // Header: one link per section.
  const nav = page.locator('nav[aria-label="Sections"]')
  expect(await nav.count()).toBe(1)
  const sectionPaths = (await nav.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map(pathnameOf)
  expect(sectionPaths).toEqual(expect.arrayContaining(SECTION_SLUGS.map((s) => `/sections/${s}`)))

  // Section page.
  const section = await firstTextLink(page, 'nav[aria-label="Sections"] a[href="/sections/world"]')
  await clickThrough(page, 'nav[aria-label="Sections"] a', section)
  await expectH1(page, section.text)

  // First article in the listing.
  const article = await firstTextLink(page, 'main a[href^="/articles/"]')
  await clickThrough(page, 'main a', article)
  await expectH1(page, article.text)
  const lang = await page.evaluate(() => document.documentElement.getAttribute('lang'))
  expect(lang).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)

  // First byline.
  const byline = await firstTextLink(page, 'main a[href^="/people/"]')
  await clickThrough(page, 'main a', byline)
  await expectH1(page, byline.text)
  const backLinks = await page.locator(`main a[href="${article.href}"]`).count()
  if (backLinks === 0) {
    throw new Error(`Person page ${page.url()} does not list the article ${article.href} ("${article.text}")`)
  }
})

test('the seed article shows headline, key points, source, time, reading time and editor credit', async () => {
  expect((await open(page, SEED_ARTICLE)).status()).toBe(200)
  await expectH1(page, 'One Belt One Road creates opportunities for the development of Central Asia')

  // "Key points" heading, followed by a list with both points.
  const keyPoints = await page.evaluate(() => {
    const heading = Array.from(document.querySelectorAll('h2, h3, h4, h5, h6')).find((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim() === 'Key points')
    if (!heading) return null
    const list = Array.from(document.querySelectorAll('ul, ol')).find((l) => heading.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING)
    return list ? Array.from(list.querySelectorAll('li')).map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()) : []
  })
  if (keyPoints === null) throw new Error('No heading reading "Key points" on the seed article')
  expect(keyPoints).toEqual(
    expect.arrayContaining([
      'Both sides are eager to further develop and enrich the connotation of bilateral relations',
      'The mutual trust between Kyrgyzstan and China and the two peoples and the traditional good-neighborly and friendly relations are the solid foundation of the comprehensive strategic partnership',
    ]),
  )

  const text = norm(await page.locator('body').innerText())
  expect(text).toContain('Seetao')
  expect(text).toMatch(/\b11 min/)
  expect(await page.locator('time[datetime="2022-09-26T08:55+08:00"]').count()).toBeGreaterThan(0)

  // Ends with the editor credit: after the last paragraph of the body, a link to He Yuting.
  const credit = await page.evaluate(() => {
    const last = Array.from(document.querySelectorAll('main p')).find((p) =>
      (p.textContent ?? '').includes('Zaparov is full of confidence in the prospect of future cooperation'),
    )
    const links = Array.from(document.querySelectorAll('main a[href="/people/he-yuting"]'))
    const after = links.filter((a) => !!last && last.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING)
    const link = after[0]
    const block = link?.closest('p, li, dd, div, footer, section, aside')
    return {
      lastParagraphFound: !!last,
      linksToPerson: links.length,
      linkText: link ? (link.textContent ?? '').replace(/\s+/g, ' ').trim() : null,
      blockText: block ? (block.textContent ?? '').replace(/\s+/g, ' ').trim() : null,
    }
  })
  expect(credit.lastParagraphFound).toBe(true)
  expect(credit).toMatchObject({ linkText: expect.stringContaining('He Yuting') })
  expect(credit.blockText).toMatch(/edit/i)
})

test('section listings paginate with rel="next" and rel="prev"', async () => {
  expect((await open(page, '/sections/world')).status()).toBe(200)
  const next = page.locator('nav[aria-label="Pagination"] a[rel~="next"]')
  expect(await next.count()).toBeGreaterThan(0)
  expect(pathnameOf(await next.first().getAttribute('href'))).toBe('/sections/world/page/2')

  expect((await open(page, '/sections/world/page/2')).status()).toBe(200)
  await expectH1(page, 'World', { prefix: true })
  const prev = page.locator('nav[aria-label="Pagination"] a[rel~="prev"]')
  expect(await prev.count()).toBeGreaterThan(0)
  expect(['/sections/world', '/sections/world/page/1']).toContain(pathnameOf(await prev.first().getAttribute('href')))
})

test('a page past the end of a listing is a 404 with the site’s not-found page', async () => {
  expect((await open(page, '/sections/world/page/99')).status()).toBe(404)
  // Next 16 draws a notFound() page after hydration (vercel/next.js#62228): wait for it.
  await page.locator('main h1, main h2').first().waitFor()
  expect(await page.locator('main h1, main h2').count()).toBeGreaterThan(0)
  expect(await page.locator('main a[href="/"]').count()).toBeGreaterThan(0)
})

test.each(['/articles/no-such-article', '/articles/embargoed-budget-leak'])('%s answers 404', async (path) => {
  expect((await open(page, path)).status()).toBe(404)
})

test('"Skip to content" is the first focusable element and targets #main', async () => {
  await open(page, '/')
  await page.keyboard.press('Tab')
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return { tag: el?.tagName, text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(), href: el?.getAttribute('href') }
  })
  expect(focused).toEqual({ tag: 'A', text: 'Skip to content', href: '#main' })
  expect(await page.evaluate(() => document.getElementById('main')?.tagName)).toBe('MAIN')
  await page.keyboard.press('Enter')
  await page.waitForFunction(() => location.hash === '#main')
})
