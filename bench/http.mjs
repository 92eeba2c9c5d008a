// Article page throughput: `next start` on the embedded dataset, the same `next start` behind
// an nginx cache (the deployment its Cache-Control is written for), and a static server sending
// the same HTML; one after the other, with the same load generator and settings.
import http from 'node:http'
import path from 'node:path'
import { ensureDebianTool } from './apt.mjs'
import { describeLoad, load } from './load.mjs'
import { DATA_DIR, startNext } from './next.mjs'
import { groupRss } from './processes.mjs'
import { startProxyCache } from './proxy-cache.mjs'
import { startStaticServer } from './static-server.mjs'
import { wrkLoad } from './wrk.mjs'

// The seed article of the embedded dataset (sanity/demo/dataset.ndjson).
export const SEED_ARTICLE = '/articles/one-belt-one-road-creates-opportunities-for-central-asia'
/** A response of a few bytes that Next serves from its build: what any page costs at least. */
const FLOOR_PATH = '/robots.txt'

/** The page as the load generator asks for it: no header but Host (fetch would ask for gzip). */
function get(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        const chunks = []
        response.on('data', (chunk) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, html: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })
}

/**
 * What the page's response says about caching and encoding: a like-with-like comparison needs
 * both uncompressed and cached. Asked as the load generator asks, because a cache keeps one
 * copy per value of the request headers the page varies on (Next's Vary lists Accept-Encoding).
 */
async function fetchPage(url) {
  const { status, headers, html } = await get(url)
  if (status !== 200) throw new Error(`${url} answered ${status}`)
  const header = (name) => headers[name] ?? '(none)'
  return {
    html,
    header,
    headers: `x-nextjs-cache: ${header('x-nextjs-cache')}, cache-control: ${header('cache-control')}, content-encoding: ${header('content-encoding')}`,
  }
}

/**
 * wrk when it can be had: autocannon runs on one Node thread and, on 2 cores, tops out far
 * below what nginx serves (about 1,500 against 15,000 requests per second of this page),
 * so it would measure itself rather than the static server.
 */
function loadGenerator() {
  if (ensureDebianTool('wrk')) return { name: 'wrk', run: wrkLoad }
  return { name: "autocannon (wrk could not be had: the static figure is likely autocannon's own limit)", run: load }
}

/**
 * The page through a cache in front of `next`: warmed until the cache stores it, checked byte
 * for byte against `html`, then loaded. Returns the load, or why there is none.
 */
async function loadBehindCache({ next, html, port, run }) {
  const cache = await startProxyCache({ upstream: next.url, port, dir: path.join(DATA_DIR, 'proxy-cache') })
  if (!cache) {
    console.log('next behind the cache: skipped: nginx could not be had')
    return { skipped: 'nginx could not be had' }
  }
  try {
    console.log(`cache in front: ${cache.description}`)
    const pageUrl = cache.url + SEED_ARTICLE
    const warmUp = []
    for (let i = 0; i < 3; i++) {
      const page = await fetchPage(pageUrl)
      if (!page.html.equals(html)) throw new Error("the page through the cache differs from next start's")
      warmUp.push(page.header('x-cache-status'))
    }
    console.log(`  x-cache-status of the warm-up requests: ${warmUp.join(', ')} (the page is the same byte for byte)`)
    if (warmUp.at(-1) !== 'HIT') throw new Error(`the cache does not keep the page (x-cache-status ${warmUp.at(-1)})`)
    const result = await run(pageUrl)
    console.log(`next behind the cache: ${describeLoad(result)}`)
    console.log(`  after the load: x-cache-status ${(await fetchPage(pageUrl)).header('x-cache-status')}`)
    return { load: result }
  } finally {
    await cache.stop()
  }
}

export async function benchHttp({ port, staticPort, proxyPort, connections, duration, staticKind }) {
  const generator = loadGenerator()
  const run = (url) => generator.run({ url, connections, duration })
  console.log(
    `\n== Article page: next start, next start behind an nginx cache, and a static server (${generator.name}, ${connections} connections, ${duration} s each, one after the other)`,
  )
  const next = await startNext({ name: 'http', port })
  let nextLoad, floorLoad, behindCache, html
  try {
    const pageUrl = next.url + SEED_ARTICLE
    // Warm: the first request may render or read the page from disk; later ones come from the cache.
    for (let i = 0; i < 5; i++) ({ html } = await fetchPage(pageUrl))
    const before = await fetchPage(pageUrl)
    console.log(`${SEED_ARTICLE}: ${(html.length / 1024).toFixed(1)} KB; ${before.headers}`)
    const restingRss = groupRss(next.pgid)
    nextLoad = await run(pageUrl)
    console.log(`next start:    ${describeLoad(nextLoad)}`)
    // Next's own cost per request, whatever the page: its smallest prerendered response.
    const { html: robots } = await fetchPage(next.url + FLOOR_PATH)
    floorLoad = await run(next.url + FLOOR_PATH)
    console.log(`next start, ${FLOOR_PATH} (${robots.length} bytes, read from the build like the article): ${describeLoad(floorLoad)}`)
    console.log(`  server RSS on the embedded dataset: ${(restingRss / 1e6).toFixed(0)} MB before the load, ${(groupRss(next.pgid) / 1e6).toFixed(0)} MB after`)
    console.log(`  after the load: ${(await fetchPage(pageUrl)).headers}`)
    // A broken cache run leaves the other two runs' figures standing.
    behindCache = await loadBehindCache({ next, html, port: proxyPort, run }).catch((error) => {
      console.log(`next behind the cache: broke: ${error.message}`)
      return { broke: error.message }
    })
  } finally {
    await next.stop()
  }

  const server = await startStaticServer({ html, port: staticPort, dir: path.join(DATA_DIR, 'static'), kind: staticKind })
  let staticLoad
  try {
    console.log(`static server: ${server.description}`)
    const served = Buffer.from(await (await fetch(server.url)).arrayBuffer())
    if (!served.equals(html)) throw new Error('the static server does not send the saved HTML byte for byte')
    staticLoad = await run(server.url)
    console.log(`static:        ${describeLoad(staticLoad)}`)
  } finally {
    await server.stop()
  }
  const ratio = nextLoad.requestsPerSecond / staticLoad.requestsPerSecond
  console.log(`next / static requests per second: ${ratio.toFixed(3)}`)
  if (behindCache.load) {
    behindCache.ratio = behindCache.load.requestsPerSecond / staticLoad.requestsPerSecond
    console.log(`next behind an nginx cache (what a CDN does with the page's s-maxage) / static requests per second: ${behindCache.ratio.toFixed(3)}`)
  }
  const floorRatio = floorLoad.requestsPerSecond / staticLoad.requestsPerSecond
  console.log(`next start's ceiling (${FLOOR_PATH}) / static requests per second: ${floorRatio.toFixed(3)}`)
  return {
    next: nextLoad,
    floor: { load: floorLoad, ratio: floorRatio, path: FLOOR_PATH },
    behindCache,
    static: staticLoad,
    ratio,
    generator: generator.name.split(' ')[0],
  }
}
