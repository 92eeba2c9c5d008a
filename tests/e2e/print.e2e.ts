import { spawnSync } from 'node:child_process'
import type { Page } from 'playwright-core'
import { createToken } from '@/lib/preview/token'
import CANARY from './canary.json'
import { closePage, newPage, norm, open, useBrowserPage } from './support/browser'
import { SEED_ARTICLE } from './support/pages'

/**
 * An article printed to PDF by Chromium, its text read back with poppler's pdftotext
 * (scripts/ensure-test-tools.sh): the story and its address are on paper, the site's
 * navigation, footer and tools are not, and a reader's dark theme prints black on white.
 */

const session = useBrowserPage()

/**
 * Text without spaces or hyphens, to compare what the page says with what pdftotext reads: on
 * paper, lines break inside words at hyphens (which pdftotext drops) and flex gaps are no spaces.
 */
const squash = (text: string) => text.replace(/[\s-]/g, '')

function pdfText(pdf: Buffer): string {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr || result.error}`)
  return norm(result.stdout)
}

const textOf = async (page: Page, selector: string) => norm(await page.locator(selector).first().textContent())

describe('the seed article, printed', () => {
  let printed: string
  const expected: Record<string, string> = {}

  beforeAll(async () => {
    const page = await newPage(session.browser())
    try {
      await open(page, SEED_ARTICLE)
      // A reader who chose dark: paper is still white, text black.
      await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'Dark' }).click()
      expected.headline = await textOf(page, 'article h1')
      expected.standfirst = await textOf(page, 'article header h1 + p')
      expected.dateline = await textOf(page, 'article header p:has(time)')
      // The seed article is wire copy: credited to its source, and to its editor at the end.
      expected.source = norm(await page.locator('article header > p', { hasText: /^Source:/ }).textContent())
      expected.editor = await textOf(page, 'article > p:has(> a[href^="/people/"])')
      expected.keyPoint = await textOf(page, 'article section[aria-labelledby] li')
      expected.bodyParagraph = await textOf(page, 'article > div > p')
      expected.url = (await page.locator('link[rel="canonical"]').getAttribute('href'))!
      for (const [what, text] of Object.entries(expected)) expect([what, text.length > 0]).toEqual([what, true])
      printed = pdfText(await page.pdf({ format: 'A4', printBackground: true }))
    } finally {
      await closePage(page)
    }
  })

  it.each(['headline', 'standfirst', 'dateline', 'source', 'editor', 'keyPoint', 'bodyParagraph'])('has the %s', (what) => {
    expect(squash(printed)).toContain(squash(expected[what]))
  })

  it('ends with the article’s address', () => {
    const line = squash(`Read online: ${expected.url}`)
    expect(squash(printed).slice(-line.length)).toBe(line)
  })

  it.each([
    ['the skip link', 'Skip to content'],
    ['the search form', 'Search articles'],
    ['the section navigation', 'Latest'],
    ['the footer', '©'],
    ['the theme buttons', 'Light Dark System'],
    ['the topic links', 'Topics'],
    ['the related articles', 'Related articles'],
  ])('leaves out %s', (_what, text) => {
    // In any case (CSS upper-cases some headings), and as whole words: the body says "systematic".
    expect(printed).not.toMatch(new RegExp(`(?<!\\p{L})${text}(?!\\p{L})`, 'iu'))
  })

  it('prints black on white whatever the screen theme', async () => {
    const page = session.page()
    await open(page, SEED_ARTICLE)
    await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'Dark' }).click()
    await page.emulateMedia({ media: 'print' })
    const colours = await page.evaluate(() => ({
      paper: getComputedStyle(document.body).backgroundColor,
      ink: getComputedStyle(document.querySelector('article h1')!).color,
    }))
    expect(colours).toEqual({ paper: 'rgb(255, 255, 255)', ink: 'rgb(0, 0, 0)' })
  })
})

test('a preview of a draft prints without the banner that says it is one', async () => {
  const page = session.page()
  // A draft of a published article, from the demo dataset (sanity/demo/content/drafts.mjs).
  await open(page, `/preview/${createToken({ kind: 'article', slug: 'caspian-ferry-corridor-doubles-capacity' }, CANARY.PREVIEW_SECRET).token}`)
  expect(await page.getByText('Preview: showing drafts').isVisible()).toBe(true)
  const headline = await textOf(page, 'article h1')
  const printed = pdfText(await page.pdf({ format: 'A4' }))
  expect(squash(printed)).toContain(squash(headline))
  expect(printed).not.toMatch(/Preview: showing drafts|Exit preview/i)
})
