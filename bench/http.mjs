// Article page throughput: `next start` on the embedded dataset against a static server
// sending the same HTML, one after the other, with the same load generator and settings.
import path from 'node:path'
import { ensureDebianTool } from './apt.mjs'
import { describeLoad, load } from './load.mjs'
import { DATA_DIR, startNext } from './next.mjs'
import { groupRss } from './processes.mjs'
import { startStaticServer } from './static-server.mjs'
import { wrkLoad } from './wrk.mjs'

// The seed article of the embedded dataset (sanity/demo/dataset.ndjson).
export const SEED_ARTICLE = '/articles/one-belt-one-road-creates-opportunities-for-central-asia'

/** What the page's response says about caching and encoding: a like-with-like comparison needs both uncompressed and cached. */
async function fetchPage(url) {
  // Asks for no compression, as the load generator does (fetch would ask for gzip).
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
  const html = Buffer.from(await response.arrayBuffer())
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
  const header = (name) => response.headers.get(name) ?? '(none)'
  return { html, headers: `x-nextjs-cache: ${header('x-nextjs-cache')}, cache-control: ${header('cache-control')}, content-encoding: ${header('content-encoding')}` }
}

/**
 * wrk when it can be had: autocannon runs on one Node thread and, on 2 cores, tops out far
 * below what nginx serves (about 1,500 against 15,000 requests per second of this page),
 * so it would measure itself rather than the static server.
 */
function loadGenerator() {
  if (ensureDebianTool('wrk')) return { name: 'wrk', run: wrkLoad }
  return { name: 'autocannon (wrk could not be had: the static figure is likely autocannon\'s own limit)', run: load }
}

export async function benchHttp({ port, staticPort, connections, duration, staticKind }) {
  const generator = loadGenerator()
  console.log(`\n== Article page: next start against a static server (${generator.name}, ${connections} connections, ${duration} s each, one after the other)`)
  const next = await startNext({ name: 'http', port })
  let nextLoad, html
  try {
    const pageUrl = next.url + SEED_ARTICLE
    // Warm: the first request may render or read the page from disk; later ones come from the cache.
    for (let i = 0; i < 5; i++) ({ html } = await fetchPage(pageUrl))
    const before = await fetchPage(pageUrl)
    console.log(`${SEED_ARTICLE}: ${(html.length / 1024).toFixed(1)} KB; ${before.headers}`)
    const restingRss = groupRss(next.pgid)
    nextLoad = await generator.run({ url: pageUrl, connections, duration })
    console.log(`next start:    ${describeLoad(nextLoad)}`)
    console.log(`  server RSS on the embedded dataset: ${(restingRss / 1e6).toFixed(0)} MB before the load, ${(groupRss(next.pgid) / 1e6).toFixed(0)} MB after`)
    console.log(`  after the load: ${(await fetchPage(pageUrl)).headers}`)
  } finally {
    await next.stop()
  }

  const server = await startStaticServer({ html, port: staticPort, dir: path.join(DATA_DIR, 'static'), kind: staticKind })
  let staticLoad
  try {
    console.log(`static server: ${server.description}`)
    const served = Buffer.from(await (await fetch(server.url)).arrayBuffer())
    if (!served.equals(html)) throw new Error('the static server does not send the saved HTML byte for byte')
    staticLoad = await generator.run({ url: server.url, connections, duration })
    console.log(`static:        ${describeLoad(staticLoad)}`)
  } finally {
    await server.stop()
  }
  const ratio = nextLoad.requestsPerSecond / staticLoad.requestsPerSecond
  console.log(`next / static requests per second: ${ratio.toFixed(3)}`)
  return { next: nextLoad, static: staticLoad, ratio, generator: generator.name.split(' ')[0] }
}
