import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { nodeFs } from 'next/dist/server/lib/node-fs-methods'
import DiskCache from '@/lib/cache/disk-cache-handler.mjs'

/**
 * The cache `next start` uses without Redis (lib/cache/disk-cache-handler.mjs: Next's own cache
 * on disk) stores nothing for an address that names nothing, so made-up addresses cannot fill
 * the disk or the heap, and still lets a page that has gone replace its old entry. The same
 * filter wraps the Redis handler: tests/e2e/shared-cache.e2e.ts counts Redis keys.
 */

let dir: string
let cache: InstanceType<typeof DiskCache>

beforeEach(() => {
  // As in a build: pages under <distDir>/server, the fetch cache under <distDir>/cache.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'known-addresses-'))
  cache = new DiskCache({
    fs: nodeFs,
    flushToDisk: true,
    serverDistDir: path.join(dir, 'server'),
    revalidatedTags: [],
    maxMemoryCacheSize: 0,
    _requestHeaders: {},
  })
})

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

// The entries, without the marker of the dataset version the handler writes as it starts (lib/cache/dataset-version.mjs).
const filesIn = (folder: string): string[] =>
  fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== 'dataset-version.json')
    .map((entry) => entry.name)

const page = (status: number, text: string) => ({
  kind: 'APP_PAGE',
  html: `<h1>${text}</h1>`,
  rscData: Buffer.from(`0:"${text}"`),
  headers: { 'x-next-cache-tags': 'article' },
  postponed: undefined,
  status,
  segmentData: new Map([['/_tree', Buffer.from('tree')]]),
})
const route = (status: number) => ({ kind: 'APP_ROUTE', body: Buffer.from('<rss/>'), headers: {}, status })
const answer = (result: unknown) => ({
  kind: 'FETCH',
  data: { headers: {}, body: Buffer.from(JSON.stringify({ query: '*', result, ms: 1 })).toString('base64'), status: 200, url: 'http://lake.test/query' },
  revalidate: 300,
})
const pageContext = { cacheControl: { revalidate: 300, expire: undefined }, isRoutePPREnabled: false, isFallback: false }
const fetchContext = { fetchCache: true, tags: ['article'], fetchUrl: 'http://lake.test/query', fetchIdx: 0 }
const read = (key: string, kind: string) => cache.get(key, { kind, isFallback: false, tags: ['article'], softTags: [] })

describe('the disk cache of `next start` without Redis', () => {
  it('stores nothing for a page or route that answered 404 under a key it does not hold', async () => {
    await cache.set('/articles/made-up', page(404, 'Not found'), pageContext)
    await cache.set('/latest/page/999999', page(404, 'Not found'), pageContext)
    await cache.set('/people/made-up/rss.xml', route(404), pageContext)
    expect(filesIn(dir)).toEqual([])
    expect(await read('/articles/made-up', 'APP_PAGE')).toBeNull()
  })

  it('stores pages that exist, and replaces one with its 404 once it has gone', async () => {
    await cache.set('/articles/real', page(200, 'Real headline'), pageContext)
    expect(filesIn(dir).length).toBeGreaterThan(0)
    expect(await read('/articles/real', 'APP_PAGE')).toMatchObject({ value: { status: 200, html: '<h1>Real headline</h1>' } })

    await cache.set('/articles/real', page(404, 'Not found'), pageContext)
    expect(await read('/articles/real', 'APP_PAGE')).toMatchObject({ value: { status: 404, html: '<h1>Not found</h1>' } })
  })

  it('stores no Content Lake answer that found nothing, and stores the others', async () => {
    for (const [index, result] of [null, [], { items: [], total: 10_000 }].entries()) await cache.set(`empty-${index}`, answer(result), fetchContext)
    expect(filesIn(dir)).toEqual([])

    await cache.set('found', answer({ items: [{ headline: 'Found' }], total: 1 }), fetchContext)
    await cache.set('slugs', answer(['a', 'b']), fetchContext)
    expect(filesIn(dir).sort()).toEqual(['found', 'slugs'])
  })
})
