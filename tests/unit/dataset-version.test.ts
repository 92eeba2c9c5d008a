import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { nodeFs } from 'next/dist/server/lib/node-fs-methods'
import { pagesStaleBefore, recordBuildDataset, recordPublishedChange } from '@/lib/cache/dataset-version.mjs'

/**
 * The pages Next keeps on disk show one version of the embedded dataset; a server that starts on
 * another must not serve them (lib/cache/dataset-version.mjs, docs/security.md "Outages").
 */

let dir: string
let env: Record<string, string>
let dataset: string
const T0 = Date.parse('2026-12-04T10:00:00Z')

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dataset-version-'))
  dataset = path.join(dir, 'dataset.ndjson')
  fs.writeFileSync(dataset, '{"_id":"a","_type":"article","headline":"First"}\n')
  env = { NEXT_DIST_DIR: path.join(dir, 'dist'), LOCAL_DATASET: dataset }
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const startAt = (now: number) => pagesStaleBefore({ distDir: env.NEXT_DIST_DIR!, now, env })
const inDistDir = (run: () => void) => {
  const saved = process.env.NEXT_DIST_DIR
  process.env.NEXT_DIST_DIR = env.NEXT_DIST_DIR
  try {
    run()
  } finally {
    process.env.NEXT_DIST_DIR = saved
  }
}

describe('which cached pages a starting server may serve', () => {
  it('all of them, start after start, on the dataset the build prerendered', () => {
    recordBuildDataset(env)
    expect(startAt(T0)).toBe(0)
    expect(startAt(T0 + 1000)).toBe(0)
  })

  it('none cached before a start on a changed dataset, and still none of those at the starts after it', () => {
    recordBuildDataset(env)
    fs.writeFileSync(dataset, '{"_id":"a","_type":"article","headline":"Edited while the server was stopped"}\n')
    expect(startAt(T0)).toBe(T0)
    expect(startAt(T0 + 60_000)).toBe(T0)
  })

  it('none cached before a start that follows a published change, even on the file the build read', () => {
    recordBuildDataset(env)
    expect(startAt(T0)).toBe(0)
    // An edit is published while serving, then the file is put back as it was before the next start.
    inDistDir(() => recordPublishedChange(T0 + 5000))
    expect(startAt(T0 + 10_000)).toBe(T0 + 10_000)
  })

  it('none cached before a start when the editors’ journal changed', () => {
    recordBuildDataset(env)
    fs.writeFileSync(`${dataset}.journal`, '{"t":"tx"}\n')
    expect(startAt(T0)).toBe(T0)
  })

  it('none cached before a start without a marker, or with a garbled one', () => {
    expect(startAt(T0)).toBe(T0)
    fs.writeFileSync(path.join(env.NEXT_DIST_DIR!, 'cache', 'dataset-version.json'), '{"fingerprint": "x", "since": "soon"')
    expect(startAt(T0 + 1)).toBe(T0 + 1)
  })

  it('every one on a Sanity project, whose pages follow the Content Lake by tags and time', () => {
    expect(pagesStaleBefore({ distDir: env.NEXT_DIST_DIR!, now: T0, env: { NEXT_PUBLIC_SANITY_PROJECT_ID: 'p', NEXT_PUBLIC_SANITY_DATASET: 'd' } })).toBe(0)
  })
})

describe('the disk cache of `next start`', () => {
  const page = (text: string) => ({
    kind: 'APP_PAGE',
    html: `<h1>${text}</h1>`,
    rscData: Buffer.from(`0:"${text}"`),
    headers: {},
    postponed: undefined,
    status: 200,
    segmentData: new Map(),
  })
  const context = { cacheControl: { revalidate: 300, expire: undefined }, isRoutePPREnabled: false, isFallback: false }
  const read = (cache: { get: (key: string, ctx: unknown) => Promise<unknown> }) =>
    cache.get('/articles/a', { kind: 'APP_PAGE', isFallback: false, tags: [], softTags: [] })

  // A handler class per process: each server start is a fresh module registry.
  function startServer() {
    let DiskCache: typeof import('@/lib/cache/disk-cache-handler.mjs').default
    const saved = { ...process.env }
    Object.assign(process.env, env)
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry per start, which import cannot give
        DiskCache = require('@/lib/cache/disk-cache-handler.mjs').default
      })
      return new DiskCache!({
        fs: nodeFs,
        flushToDisk: true,
        serverDistDir: path.join(env.NEXT_DIST_DIR!, 'server'),
        revalidatedTags: [],
        maxMemoryCacheSize: 0,
        _requestHeaders: {},
      })
    } finally {
      process.env = saved
    }
  }

  it('serves a page cached on the same dataset after a restart, and renders it again after a start on another', async () => {
    recordBuildDataset(env)
    await startServer().set('/articles/a', page('First'), context)
    expect(await read(startServer())).toMatchObject({ value: { html: '<h1>First</h1>' } })
    fs.writeFileSync(dataset, '{"_id":"a","_type":"article","headline":"Second"}\n')
    // Stored before this start, by more than the slack allowed for the file clock.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const restarted = startServer()
    expect(await read(restarted)).toBeNull()
    await restarted.set('/articles/a', page('Second'), context)
    expect(await read(restarted)).toMatchObject({ value: { html: '<h1>Second</h1>' } })
    expect(await read(startServer())).toMatchObject({ value: { html: '<h1>Second</h1>' } })
  })
})
