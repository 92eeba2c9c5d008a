import CANARY from './canary.json'
import { createToken } from '@/lib/preview/token'
import { url } from './support/server'

const cacheControl = async (path: string, init?: RequestInit) => (await fetch(url(path), { redirect: 'manual', ...init })).headers.get('cache-control') ?? ''

/** A CDN may keep published pages and serve them stale while they regenerate; drafts are never cached. */
describe('caching', () => {
  it.each([
    '/',
    '/articles/one-belt-one-road-creates-opportunities-for-central-asia',
    '/sections/world',
    '/sections/world/page/2',
    '/people/he-yuting',
    '/latest/page/2',
    '/feeds/rss.xml',
    '/sitemap.xml',
  ])('%s lets a CDN keep it (s-maxage) and serve it stale while it regenerates', async (path) => {
    const header = await cacheControl(path)
    expect(header).toMatch(/s-maxage=\d+/)
    expect(header).toMatch(/stale-while-revalidate=\d+/)
    expect(header).not.toMatch(/private|no-store/)
  })

  it('never lets anyone cache a preview link or a page in draft mode', async () => {
    const preview = createToken({ kind: 'article', slug: 'embargoed-budget-leak' }, CANARY.PREVIEW_SECRET).token
    expect(await cacheControl(`/preview/${preview}`)).toMatch(/private.*no-store|no-store.*private/)

    const enable = await fetch(url(`/api/draft-mode/enable?token=${createToken({ kind: 'draft-mode' }, CANARY.PREVIEW_SECRET).token}`), {
      redirect: 'manual',
    })
    const cookie = (enable.headers.get('set-cookie') ?? '').split(';')[0]
    expect(cookie).toMatch(/^__prerender_bypass=/)
    const header = await cacheControl('/articles/caspian-ferry-corridor-doubles-capacity', { headers: { cookie } })
    expect(header).toMatch(/no-store/)
    expect(header).not.toMatch(/s-maxage/)
  })
})
