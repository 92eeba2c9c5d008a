import type { Page } from 'playwright-core'
import { closePage, newPage, norm, open, useBrowserPage } from './support/browser'
import { SEED_ARTICLE, TAG_PAGE } from './support/pages'
import { baseUrl, url } from './support/server'

const session = useBrowserPage()
let page: Page
beforeEach(() => {
  page = session.page()
})

const pathnameOf = (href: string | null) => new URL(href ?? '', baseUrl()).pathname

/** The article paths a results or listing page links to from its headlines, in order. */
async function resultPaths(p: Page): Promise<string[]> {
  const hrefs = await p.locator('main h2 a[href^="/articles/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
  return hrefs.map(pathnameOf)
}

describe('search on the demo dataset', () => {
  test.each([
    ['Kyrgyzstan', SEED_ARTICLE],
    ['Aktau', '/articles/caspian-ferry-corridor-doubles-capacity'],
    ['tashkent', '/articles/almaty-tashkent-night-train'],
    ['评弹', '/articles/pingtan-archive-goes-digital'],
  ])('"%s" finds %s', async (q, expected) => {
    const response = await open(page, `/search?q=${encodeURIComponent(q)}`)
    expect(response.status()).toBe(200)
    const paths = await resultPaths(page)
    if (!paths.includes(expected)) throw new Error(`Searching "${q}" did not find ${expected}; found ${JSON.stringify(paths)}`)
    // The result count is shown, and the searched word is marked.
    expect(norm(await page.locator('main').innerText())).toMatch(/\b\d+ articles? match/)
    const marked = (await page.locator('main mark').allTextContents()).map((t) => t.toLowerCase())
    expect(marked.some((t) => t.startsWith(q.toLowerCase()) || t.includes(q))).toBe(true)
    // The form on the page holds the query.
    expect(await page.locator('main form[role="search"] input[name="q"]').inputValue()).toBe(q)
  })

  test('search pages are not indexed', async () => {
    await open(page, '/search?q=Kyrgyzstan')
    const robots = await page.locator('meta[name="robots"]').getAttribute('content')
    expect(robots).toMatch(/noindex/)
  })

  test('without a query the page prompts for one; with no match it says so and suggests where to go', async () => {
    expect((await open(page, '/search')).status()).toBe(200)
    expect(norm(await page.locator('main').innerText())).toMatch(/Type a word or two/)
    expect((await open(page, '/search?q=qwxzv')).status()).toBe(200)
    const text = norm(await page.locator('main').innerText())
    expect(text).toContain('No articles match “qwxzv”')
    expect(await page.locator('main a[href="/latest"]').count()).toBeGreaterThan(0)
    expect(await page.locator('main a[href^="/sections/"]').count()).toBeGreaterThan(0)
  })

  test('a page past the end says there are no more results', async () => {
    expect((await open(page, '/search?q=Kyrgyzstan&page=50')).status()).toBe(200)
    expect(norm(await page.locator('main').innerText())).toMatch(/There are no more results for “Kyrgyzstan”/)
    expect(await page.locator('main a[href="/search?q=Kyrgyzstan"]').count()).toBe(1)
  })
})

test('the masthead search form works with JavaScript disabled', async () => {
  const noJs = await newPage(session.browser(), { javaScriptEnabled: false })
  try {
    expect((await open(noJs, '/')).status()).toBe(200)
    const form = noJs.locator('header form[role="search"]')
    expect(await form.count()).toBe(1)
    await form.locator('input[name="q"]').fill('Kyrgyzstan')
    await Promise.all([
      noJs.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === 'Kyrgyzstan', { timeout: 30_000 }),
      form.locator('button[type="submit"]').click(),
    ])
    expect(await resultPaths(noJs)).toContain(SEED_ARTICLE)
    // The input is labelled and big enough to hit (WCAG 2.2 target size: 24 px).
    await open(noJs, '/')
    const input = noJs.locator('header form[role="search"] input[name="q"]')
    expect(await input.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent?.trim())).toBeTruthy()
    for (const target of [input, noJs.locator('header form[role="search"] button')]) {
      const box = await target.boundingBox()
      expect(box!.height).toBeGreaterThanOrEqual(24)
      expect(box!.width).toBeGreaterThanOrEqual(24)
    }
  } finally {
    await closePage(noJs)
  }
})

describe('bad input is a normal page, never an error', () => {
  const LONG = 'a'.repeat(6000)
  const cases: [string, string][] = [
    ['a double quote', '"'],
    ['a single quote', "'"],
    ['a star alone', '*'],
    ['GROQ or', '||'],
    ['a closing bracket', ']'],
    ['a dollar', '$'],
    ['a dereference arrow', '->'],
    ['a whole GROQ query', '*[_type == "person"]{name}'],
    ['a quote-breaking attempt', 'x" || true || "'],
    ['a parameter name', '$terms'],
    ['control characters', 'rail\u0000\u0007\u001b[31mway\u007f'],
    ['an empty query', ''],
    ['a whitespace-only query', ' \t\n '],
    ['a query over 5,000 characters', LONG],
  ]
  test.each(cases)('%s', async (_, q) => {
    const res = await fetch(url(`/search?q=${encodeURIComponent(q)}`), { redirect: 'manual' })
    expect([200, 400]).toContain(res.status)
    // What the page shows (Next also carries the request URL in its RSC payload, JSON-escaped).
    const html = (/<main[\s\S]*<\/main>/.exec(await res.text())?.[0] ?? '').replaceAll('<!-- -->', '')
    expect(html).toMatch(/<h1[^>]*>Search/)
    // Nothing from the query runs: no person or settings document appears as a result.
    expect(html).not.toMatch(/href="\/people\/[^"]+"[^>]*>[^<]*<\/a><\/h2>/)
    if (q === LONG) {
      expect(html).toContain('only its first 200 were used')
      expect(html).not.toContain('a'.repeat(201))
    }
    if (q.includes('\u0000')) expect(html).not.toMatch(/[\u0000\u0007\u001b\u007f]/)
  })

  test.each(['abc', '0', '-1', '2.5', '99999999'])('page=%s', async (n) => {
    const res = await fetch(url(`/search?q=Kyrgyzstan&page=${encodeURIComponent(n)}`))
    expect(res.status).toBe(200)
    expect(await res.text()).toContain(SEED_ARTICLE)
  })

  test('repeated parameters', async () => {
    const res = await fetch(url('/search?q=Kyrgyzstan&q=zzz&page=1&page=2'))
    expect(res.status).toBe(200)
    expect(await res.text()).toContain(SEED_ARTICLE)
  })
})

describe('topics', () => {
  test('a tag page lists the articles carrying the tag, and the article links back to it', async () => {
    expect((await open(page, TAG_PAGE)).status()).toBe(200)
    expect(norm(await page.locator('main h1').innerText())).toBe('Topic: central asia')
    const paths = await resultPaths(page)
    expect(paths).toContain(SEED_ARTICLE)
    expect(paths).toContain('/articles/caspian-ferry-corridor-doubles-capacity')
    expect(paths).not.toContain('/articles/pingtan-archive-goes-digital')

    await open(page, SEED_ARTICLE)
    const topics = await page.evaluate(() => {
      const heading = Array.from(document.querySelectorAll('h2')).find((h) => h.textContent?.trim() === 'Topics')
      const list = heading?.parentElement?.querySelector('ul')
      return list ? Array.from(list.querySelectorAll('a')).map((a) => a.getAttribute('href')) : null
    })
    expect(topics).toEqual(expect.arrayContaining(['/tags/central-asia', '/tags/kyrgyzstan']))
  })

  test.each(['/tags/no-such-topic', '/tags/central-asia/page/2', '/tags/central-asia/page/1', '/tags/central-asia/page/x'])('%s answers 404', async (path) => {
    expect((await fetch(url(path))).status).toBe(404)
  })
})

test('an article shows related articles under a heading, never itself', async () => {
  expect((await open(page, SEED_ARTICLE)).status()).toBe(200)
  const related = page.locator('section[aria-labelledby="related-articles"]')
  expect(norm(await related.locator('h2').first().innerText())).toBe('Related articles')
  const links = (await related.locator('h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map(pathnameOf)
  expect(links.length).toBeGreaterThan(0)
  expect(links.length).toBeLessThanOrEqual(4)
  expect(links).not.toContain(SEED_ARTICLE)
  // Kok-boru shares two tags (kyrgyzstan, central-asia) with the seed article.
  expect(links).toContain('/articles/kok-boru-club-league')
})
