import type { Page } from 'playwright-core'
import CANARY from './canary.json'
import { createToken } from '@/lib/preview/token'
import { norm, open, useBrowserPage } from './support/browser'
import { url } from './support/server'

// From the demo dataset (sanity/demo/content/drafts.mjs).
const EDITED = {
  slug: 'caspian-ferry-corridor-doubles-capacity',
  published: 'Caspian ferry corridor doubles capacity as new berths open at Aktau and Alat',
  draft: 'Updated: Caspian ferry queues shorten in first week of new booking system',
}
const DRAFT_ONLY = { slug: 'embargoed-budget-leak', headline: 'EMBARGOED: Draft budget would trim fuel subsidies' }
const INVALID = { slug: 'battery-recycling-plant-opens', headline: 'Updated: Battery recycling plant doubles its first-year target' }

const secret = CANARY.PREVIEW_SECRET
const previewLink = (slug: string, options?: { ttlSeconds?: number; now?: number }) =>
  `/preview/${createToken({ kind: 'article', slug }, secret, options).token}`
const draftModeLink = (redirect: string) =>
  `/api/draft-mode/enable?token=${createToken({ kind: 'draft-mode' }, secret).token}&redirect=${encodeURIComponent(redirect)}`

const session = useBrowserPage()
let page: Page
beforeEach(() => {
  page = session.page()
})

const h1 = async () => norm(await page.locator('h1').first().textContent())

describe('shareable preview links', () => {
  it('show the draft with the preview banner, and exit shows the published article', async () => {
    const response = await open(page, previewLink(EDITED.slug))
    expect(response.status()).toBe(200)
    expect(await h1()).toBe(EDITED.draft)
    await expect(page.getByText('Preview: showing drafts').isVisible()).resolves.toBe(true)
    expect(response.headers()['cache-control']).toMatch(/no-store/)
    expect(await page.locator('meta[name="robots"]').evaluateAll((metas) => metas.map((m) => m.getAttribute('content')))).toEqual(
      expect.arrayContaining([expect.stringMatching(/noindex/)]),
    )
    await page.getByRole('link', { name: 'Exit preview' }).click()
    await page.waitForURL(url(`/articles/${EDITED.slug}`))
    await page.waitForFunction((t) => document.querySelector('h1')?.textContent?.trim() === t, EDITED.published)
  })

  it('never put draft text on the public URL', async () => {
    const html = await (await fetch(url(`/articles/${EDITED.slug}`))).text()
    expect(html).toContain(EDITED.published)
    expect(html).not.toContain(EDITED.draft)
    expect(html).not.toContain('Preview: showing drafts')
  })

  it('show a draft-only article, which is a 404 in public', async () => {
    expect((await fetch(url(`/articles/${DRAFT_ONLY.slug}`))).status).toBe(404)
    const response = await open(page, previewLink(DRAFT_ONLY.slug))
    expect(response.status()).toBe(200)
    expect(await h1()).toContain(DRAFT_ONLY.headline)
  })

  it('answer 401 with a clear page, and no draft, when tampered with, expired or unsigned', async () => {
    const good = previewLink(EDITED.slug)
    const [body, signature] = good.replace('/preview/', '').split('.')
    const forgedBody = Buffer.from(JSON.stringify({ kind: 'article', slug: DRAFT_ONLY.slug, v: 1, exp: 4102444800 })).toString('base64url')
    const expired = previewLink(EDITED.slug, { ttlSeconds: 60, now: Date.now() - 3600_000 })
    for (const path of [`/preview/${forgedBody}.${signature}`, `/preview/${body}.${signature.slice(1)}x`, expired, `/preview/${body}`]) {
      const response = await open(page, path)
      expect({ path, status: response.status() }).toEqual({ path, status: 401 })
      expect(await h1()).toBe('This preview link is not valid')
      const html = await page.content()
      expect(html).not.toContain(EDITED.draft)
      expect(html).not.toContain(DRAFT_ONLY.headline)
    }
  })

  it('show an invalid draft as far as it goes, with a warning naming the invalid fields', async () => {
    const response = await open(page, previewLink(INVALID.slug))
    expect(response.status()).toBe(200)
    expect(await h1()).toBe(INVALID.headline)
    const warning = norm(await page.getByRole('complementary', { name: 'Preview' }).getByRole('alert').textContent())
    expect(warning).toContain('This draft is not valid yet')
    expect(warning).toMatch(/bylines\.0\.role/)
    expect(warning).toMatch(/body\.\d+\.asset/)
  })
})

/** The headline of a page fetched with these cookies, and whether it carries the draft-mode banner. */
async function seenWith(cookie: string, path: string) {
  const html = await (await fetch(url(path), { headers: { cookie } })).text()
  return { headline: norm(/<h1[^>]*>(.*?)<\/h1>/s.exec(html)?.[1] ?? ''), banner: html.includes('Preview: showing drafts') }
}

describe('draft mode', () => {
  it('ends when the link that started it ends, and a session signed before the secret was rotated shows no drafts', async () => {
    const link = createToken({ kind: 'draft-mode' }, secret, { ttlSeconds: 3 })
    const enable = await fetch(url(`/api/draft-mode/enable?token=${link.token}`), { redirect: 'manual' })
    const setCookies = enable.headers.getSetCookie()
    const session = setCookies.find((cookie) => cookie.startsWith('draft-session='))!
    // The browser drops the session when the link expires, not later.
    expect(Date.parse(/expires=([^;]+)/i.exec(session)![1])).toBeLessThanOrEqual(link.expiresAt.getTime())
    const cookie = setCookies.map((set) => set.split(';')[0]).join('; ')
    expect(await seenWith(cookie, `/articles/${EDITED.slug}`)).toEqual({ headline: EDITED.draft, banner: true })

    // A session from another PREVIEW_SECRET (the one before a rotation), with Next's draft-mode cookie.
    const bypass = setCookies.find((set) => set.startsWith('__prerender_bypass='))!.split(';')[0]
    const rotated = `${bypass}; draft-session=${createToken({ kind: 'draft-session' }, 'the-secret-before-rotation-0123456789').token}`
    expect(await seenWith(rotated, `/articles/${EDITED.slug}`)).toEqual({ headline: EDITED.published, banner: false })
    // Nor does Next's cookie alone.
    expect(await seenWith(bypass, `/articles/${EDITED.slug}`)).toEqual({ headline: EDITED.published, banner: false })

    // The same cookies, sent after the link's end (a client that ignores expiry): published.
    await new Promise((resolve) => setTimeout(resolve, link.expiresAt.getTime() - Date.now() + 200))
    expect(await seenWith(cookie, `/articles/${EDITED.slug}`)).toEqual({ headline: EDITED.published, banner: false })
  })

  it('turns on with a valid token: drafts, the banner, no caching; the exit link returns to the published page', async () => {
    const response = await open(page, draftModeLink(`/articles/${EDITED.slug}`))
    expect(page.url()).toBe(url(`/articles/${EDITED.slug}`))
    expect(response.headers()['cache-control']).toMatch(/no-store/)
    expect(await h1()).toBe(EDITED.draft)
    await expect(page.getByText('Preview: showing drafts').isVisible()).resolves.toBe(true)
    expect((await open(page, `/articles/${DRAFT_ONLY.slug}`)).status()).toBe(200)

    await open(page, `/articles/${EDITED.slug}`)
    await page.getByRole('link', { name: 'Exit preview' }).click()
    await page.waitForURL(url(`/articles/${EDITED.slug}`))
    await page.waitForFunction((t) => document.querySelector('h1')?.textContent?.trim() === t, EDITED.published)
    expect(await page.getByText('Preview: showing drafts').count()).toBe(0)
  })

  it('refuses a bad or missing token with 401, and an article-link token too', async () => {
    for (const path of [
      '/api/draft-mode/enable',
      '/api/draft-mode/enable?token=nonsense',
      `/api/draft-mode/enable?token=${previewLink(EDITED.slug).replace('/preview/', '')}`,
    ]) {
      const response = await fetch(url(path), { redirect: 'manual' })
      expect({ path, status: response.status, cookie: response.headers.get('set-cookie') }).toEqual({ path, status: 401, cookie: null })
    }
  })

  it('is left by a plain link that anyone can open, back to where they were, never to another site', async () => {
    const back = await fetch(url('/api/draft-mode/disable'), { redirect: 'manual', headers: { referer: url('/sections/world') } })
    expect(back.status).toBe(307)
    const location = (response: Response) => new URL(response.headers.get('location') ?? '', url('/')).toString()
    expect(location(back)).toBe(url('/sections/world'))
    const offsite = await fetch(url('/api/draft-mode/disable?redirect=//evil.example/'), { redirect: 'manual' })
    expect(location(offsite)).toBe(url('/'))
  })
})
