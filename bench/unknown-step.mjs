// Addresses that name nothing (unknown slugs, tags and people, pages far past the end): what
// 10,000 of them leave behind in the incremental cache on disk, in Redis, and in the server's
// memory. Each must answer 404 and store nothing (lib/cache/known-addresses.mjs).
import fs from 'node:fs'
import path from 'node:path'
import { prng } from '../scripts/dataset-generator.mjs'
import { load } from './load.mjs'
import { unknownAddress } from './unknown-addresses.mjs'
import { ROOT, startNext } from './next.mjs'
import { groupRss, sleep } from './processes.mjs'
import { keysInRedis, startRedis } from './redis.mjs'

const WARM_UP = 800
const CONNECTIONS = 8

/** Files under the server's dist dir where Next keeps rendered pages and fetched answers. */
function cacheFiles(distDir) {
  let count = 0
  for (const folder of ['server', 'cache']) {
    const root = path.join(distDir, folder)
    if (!fs.existsSync(root)) continue
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) if (entry.isFile()) count++
  }
  return count
}

const loadCount = (url, requests, amount) => load({ url, connections: CONNECTIONS, amount, requests, timeout: 30 })

/**
 * `count` unknown addresses against one server, in quarters: cache entries before (after a
 * warm-up that loads each route's code) and after, and RSS after each quarter, so that growth
 * with the number of addresses shows apart from the heap settling.
 */
async function measure({ name, port, count, env, stored }) {
  const next = await startNext({ name, port, env })
  try {
    const nextAddress = unknownAddress(prng(7))
    const requests = [{ method: 'GET', setupRequest: (request) => ({ ...request, path: nextAddress() }) }]
    await loadCount(next.url, requests, WARM_UP)
    await sleep(500)
    const before = { entries: await stored(), rss: groupRss(next.pgid) }
    const rssByQuarter = []
    const results = []
    const started = Date.now()
    for (let quarter = 0; quarter < 4; quarter++) {
      results.push(await loadCount(next.url, requests, count / 4))
      rssByQuarter.push(groupRss(next.pgid))
    }
    const seconds = (Date.now() - started) / 1000
    await sleep(1000)
    const after = { entries: await stored(), rss: groupRss(next.pgid) }
    const sum = (field) => results.reduce((total, result) => total + result[field], 0)
    const result = {
      ...results.at(-1),
      requestsPerSecond: sum('responses') / seconds,
      responses: sum('responses'),
      non2xx: sum('non2xx'),
      errors: sum('errors'),
      timeouts: sum('timeouts'),
    }
    return { before, after, rssByQuarter, result, seconds }
  } finally {
    await next.stop()
  }
}

export async function benchUnknownAddresses({ port, redisPort, count = 10_000 }) {
  console.log(`\n== Addresses that name nothing: ${count.toLocaleString('en')} made-up addresses, ${CONNECTIONS} connections, on the demo dataset`)
  const figures = {}
  const distDir = path.join(ROOT, '.next-bench-unknown-disk')
  figures.disk = await measure({ name: 'unknown-disk', port, count, env: {}, stored: async () => cacheFiles(distDir) })
  const redis = await startRedis(redisPort, 'unknown')
  if (redis) {
    try {
      figures.redis = await measure({
        name: 'unknown-redis',
        port,
        count,
        env: { REDIS_URL: `redis://127.0.0.1:${redisPort}` },
        stored: () => keysInRedis(redisPort),
      })
    } finally {
      await redis.stop()
    }
  } else figures.redis = { skipped: 'redis-server is not installed (apt-get install redis-server)' }
  for (const [where, f] of Object.entries(figures)) {
    if (f.skipped) {
      console.log(`${where}: skipped: ${f.skipped}`)
      continue
    }
    const unit = where === 'disk' ? 'files in the cache' : 'Redis keys'
    console.log(
      `${where}: ${f.result.responses} responses in ${f.seconds.toFixed(0)} s (${f.result.requestsPerSecond.toFixed(0)} req/s), ${f.result.non2xx} answered other than 2xx, ${f.result.errors} errors`,
    )
    const quarters = f.rssByQuarter.map((rss) => (rss / 1e6).toFixed(0)).join(' → ')
    console.log(
      `${where}: ${unit} ${f.before.entries} → ${f.after.entries}; RSS ${(f.before.rss / 1e6).toFixed(0)} MB after the warm-up, then ${quarters} MB by quarter`,
    )
    console.log(`${where}: latencies of the last quarter: p50 ${f.result.p50} ms, p99 ${f.result.p99} ms`)
  }
  return figures
}
