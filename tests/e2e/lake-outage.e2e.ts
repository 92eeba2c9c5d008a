// The Content Lake unreachable in Sanity mode (docs/security.md, "Outages"): a `next start` of
// the browser tests' build reads a stand-in for the Content Lake (tests/unit/support/
// lake-server.ts) serving the demo dataset, and the stand-in is paused as a Lake that hangs.
import fs from 'node:fs'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { DEFAULT_API_VERSION } from '@/sanity/env'
import { DOWN_TIMEOUT_MS, RENDER_DEADLINE_MS } from '@/lib/content/sources/lake-deadline'
import { RETRY_AFTER_SECONDS } from '@/lib/content/sources/lake-outage'
import { launchBrowser, recordCspViolations } from './support/browser'
import { DEMO_DATASET, startOwnServer, type OwnServer } from './support/own-server'
import { createLakeServer, type Doc, type LakeControls } from '../unit/support/lake-server'

const DATASET = 'production'
const demo: Doc[] = fs
  .readFileSync(DEMO_DATASET, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Doc)

/**
 * Two articles only the stand-in has: the build never prerendered them, so each is rendered
 * on its first request. One is read while the Lake answers; the other never before the outage.
 */
const base = demo.find((doc) => doc._id === 'article-deep-sea-mining-sediment-plumes')!
const article = (name: string, headline: string): Doc => ({ ...base, _id: `article-${name}`, slug: { _type: 'slug', current: name }, headline })
const READ_BEFORE = article('outage-read-before', 'Read while the Content Lake answered')
const NEVER_READ = article('outage-never-read', 'Never read before the outage')
/** A prerendered page aged past its revalidate time: its first request in the outage revalidates it, and that fails. */
const STALE = '/articles/deep-sea-mining-sediment-plumes'

const controls: LakeControls = { paused: false, failures: 0, requests: [] }
const lake = createLakeServer({ documents: [...demo, READ_BEFORE, NEVER_READ], queryPath: `/v${DEFAULT_API_VERSION}/data/query/${DATASET}` }, controls)
let server: OwnServer

beforeAll(async () => {
  await new Promise<void>((resolve) => lake.listen(0, '127.0.0.1', resolve))
  server = await startOwnServer({
    name: 'lake-outage',
    ports: [3210, 3211, 3212, 3213, 3214],
    env: {
      NEXT_PUBLIC_SANITY_PROJECT_ID: 'e2eproj',
      NEXT_PUBLIC_SANITY_DATASET: DATASET,
      SANITY_API_HOST: `http://127.0.0.1:${(lake.address() as AddressInfo).port}`,
      LOCAL_DATASET: '',
    },
    prepare(distDir) {
      // As a fresh build: the suite's shared server may have written its own, recent copy of the page into the route cache, which Next reads first.
      fs.rmSync(path.join(distDir, 'server', 'route-cache'), { recursive: true, force: true })
      const hourAgo = new Date(Date.now() - 3600_000)
      for (const suffix of ['.html', '.rsc', '.meta']) fs.utimesSync(path.join(distDir, 'server', 'app', `${STALE}${suffix}`), hourAgo, hourAgo)
    },
  })
}, 90_000)

afterAll(async () => {
  await server?.stop()
  lake.closeAllConnections()
  await new Promise((resolve) => lake.close(resolve))
})

async function get(pathname: string) {
  const started = performance.now()
  const response = await fetch(server.origin + pathname, { cache: 'no-store', redirect: 'manual' })
  const html = await response.text()
  return { status: response.status, headers: response.headers, html, ms: performance.now() - started }
}

const headlineOf = (html: string) => /<h1[^>]*>([^<]+)</.exec(html)?.[1]

it('renders and caches a page while the Lake answers', async () => {
  const before = await get('/articles/outage-read-before')
  expect(before.status).toBe(200)
  expect(headlineOf(before.html)).toBe(READ_BEFORE.headline)
  expect((await get('/articles/outage-read-before')).headers.get('x-nextjs-cache')).toBe('HIT')
})

describe('with the Lake paused (it accepts requests and never answers)', () => {
  beforeAll(() => {
    controls.paused = true
  })

  it('serves the cached page, the same, at once, without asking the Lake', async () => {
    const asked = controls.requests.length
    const cached = await get('/articles/outage-read-before')
    expect(cached.status).toBe(200)
    expect(headlineOf(cached.html)).toBe(READ_BEFORE.headline)
    expect(cached.ms).toBeLessThan(1000)
    expect(controls.requests.length).toBe(asked)
  })

  let staleHeadline: string | undefined
  it('serves a stale page stale, and revalidates it in the background', async () => {
    const stale = await get(STALE)
    expect(stale.status).toBe(200)
    expect(stale.headers.get('x-nextjs-cache')).toBe('STALE')
    staleHeadline = headlineOf(stale.html)
    expect(staleHeadline).toBe(base.headline)
  })

  it('answers a page never rendered with a 503 and Retry-After within the deadline, kept by no cache', async () => {
    const never = await get('/articles/outage-never-read')
    expect(never.status).toBe(503)
    expect(never.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS))
    expect(never.headers.get('cache-control')).toBe('no-store')
    expect(never.ms).toBeLessThan(RENDER_DEADLINE_MS + 2000)
    // Next's error document: the site's frame (from the chrome in the data cache) and the outage's digest, no stack.
    expect(never.html).toContain('The Meridian Ledger')
    expect(never.html).toContain('"digest\\":\\"CONTENT_LAKE_UNAVAILABLE')
    expect(never.html).not.toMatch(/LakeUnavailableError|readFromLake|node_modules|\.ts:\d/)
  })

  it('shows a reader the outage message in the site’s frame', async () => {
    const browser = await launchBrowser()
    try {
      const context = await browser.newContext()
      const violations = await recordCspViolations(context)
      const page = await context.newPage()
      const response = await page.goto(`${server.origin}/articles/outage-never-read`, { waitUntil: 'load' })
      expect(response?.status()).toBe(503)
      await expect(page.locator('main h1').textContent()).resolves.toBe('This page is unavailable for a moment')
      await expect(page.locator('header').textContent()).resolves.toContain('The Meridian Ledger')
      expect(violations).toEqual([])
    } finally {
      await browser.close()
    }
  }, 30_000)

  it('answers the next uncached pages of the outage sooner: a read gets one short attempt while the Lake is down', async () => {
    const again = await get('/articles/outage-never-read')
    expect(again.status).toBe(503)
    expect(again.ms).toBeLessThan(4 * DOWN_TIMEOUT_MS)
  })

  it('answers a route handler that needs the Lake (a share card) with the same 503', async () => {
    const card = await get('/articles/outage-never-read/share-card')
    expect(card.status).toBe(503)
    expect(card.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS))
  })

  it('keeps the stale page after its revalidation failed', async () => {
    // The revalidation started by the first request has given up by now (the requests above took longer than its deadline).
    const staleAgain = await get(STALE)
    expect(staleAgain.status).toBe(200)
    expect(headlineOf(staleAgain.html)).toBe(staleHeadline)
  })

  it('logs the outage once, without the Lake’s address', () => {
    const log = server.log()
    expect(log.match(/\[content\] Content Lake unreachable \(no answer in time\); serving cached pages, and 503 for pages not in the cache/g)).toHaveLength(1)
    expect(log).not.toContain(`/data/query/${DATASET}`)
  })
})

it('renders the page never rendered once the Lake answers again', async () => {
  controls.paused = false
  const after = await get('/articles/outage-never-read')
  expect(after.status).toBe(200)
  expect(headlineOf(after.html)).toBe(NEVER_READ.headline)
})
