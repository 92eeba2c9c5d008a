// Server memory with a generated N-article dataset: the RSS of `next start`'s process group
// at rest, after the first page, listing and search, and while a mix of pages is loaded.
import fs from 'node:fs'
import path from 'node:path'
import { prng } from '../scripts/dataset-generator.mjs'
import { serverNodeOptions } from '../scripts/server-memory.mjs'
import { describeLoad, load } from './load.mjs'
import { DATA_DIR, ROOT, startNext } from './next.mjs'
import { groupMembers, groupRss, runGroup } from './processes.mjs'

const SEARCHES = ['trade', 'rail port', 'climate', 'Almaty', 'quokka', 'energy grid', 'kyrg', 'market prices', 'saffron', 'bank bond']
const PAGE_SIZE = 20
// Share of each kind of page in the load: mostly articles, as on a news site.
const MIX = [
  ['article', 0.65],
  ['listing', 0.3],
  ['search', 0.05],
]
// Slow answers must not time out: a timed-out request keeps the server busy while the load
// generator sends another, which would pile up work no reader would cause.
const REQUEST_TIMEOUT_S = 120

const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`

export async function generate(articles) {
  const file = path.join(DATA_DIR, `articles-${articles}`, 'dataset.ndjson')
  const started = Date.now()
  const { code, output } = await runGroup(process.execPath, ['scripts/generate-dataset.mjs', '--articles', String(articles), '--out', file], {
    cwd: ROOT,
    env: process.env,
  })
  if (code !== 0) throw new Error(`dataset generation failed:\n${output}`)
  console.log(`${output.trim()} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return file
}

const pages = (count) => Math.max(1, Math.ceil(count / PAGE_SIZE))
const range = (from, to) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i)

/**
 * Every page of the dataset by kind. Paths the build prerendered from the embedded dataset
 * are left out: the server would answer them from the build's cache, with the demo's content.
 */
function sitePaths(file) {
  const articles = []
  const people = []
  const sectionCounts = new Map()
  const tags = new Set()
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue
    const doc = JSON.parse(line)
    if (doc._id.startsWith('drafts.')) continue
    if (doc._type === 'person') people.push(doc.slug.current)
    if (doc._type !== 'article') continue
    articles.push(doc.slug.current)
    const section = doc.section._ref.replace(/^section-/, '')
    sectionCounts.set(section, (sectionCounts.get(section) ?? 0) + 1)
    for (const tag of doc.tags ?? []) tags.add(tag)
  }
  const listings = [
    ...range(2, pages(articles.length)).map((n) => `/latest/page/${n}`),
    ...[...sectionCounts].flatMap(([section, count]) => [`/sections/${section}`, ...range(2, pages(count)).map((n) => `/sections/${section}/page/${n}`)]),
    ...[...tags].map((tag) => `/tags/${tag}`),
    ...people.map((person) => `/people/${person}`),
  ]
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.next-bench', 'prerender-manifest.json'), 'utf8'))
  const prerendered = new Set(Object.keys(manifest.routes))
  const fresh = (list) => list.filter((p) => !prerendered.has(p))
  return {
    article: fresh(articles.map((slug) => `/articles/${slug}`)),
    listing: fresh(listings),
    search: SEARCHES.map((q) => `/search?q=${encodeURIComponent(q)}`),
  }
}

/** autocannon's request list: one GET whose path is drawn from the mix each time (seeded: every run draws the same sequence). */
function mixedRequests(paths) {
  const random = prng(42)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const kindAt = (r) => {
    let sum = 0
    for (const [kind, share] of MIX) if (r < (sum += share)) return kind
    return MIX[0][0]
  }
  return [{ method: 'GET', setupRequest: (request) => ({ ...request, path: pick(paths[kindAt(random())]) }) }]
}

async function timedGet(url) {
  const started = Date.now()
  const response = await fetch(url)
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
  return Date.now() - started
}

export async function benchMemory({ port, articles, connections, duration }) {
  console.log(`\n== Memory: next start on ${articles.toLocaleString('en')} generated articles, loaded with a mix of pages`)
  const dataset = await generate(articles)
  const paths = sitePaths(dataset)
  console.log(`mix: ${MIX.map(([kind, share]) => `${Math.round(share * 100)}% ${kind} (${paths[kind].length} paths)`).join(', ')}`)

  const added = serverNodeOptions({ ...process.env, LOCAL_DATASET: dataset }, ROOT)
  console.log(
    `server: npm start's scripts/start.sh, NODE_OPTIONS ${added ? `+= ${added}` : `as set: ${process.env.NODE_OPTIONS}`}, MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? 2}`,
  )
  const next = await startNext({ name: 'memory', port, dataset })
  try {
    const phases = [['at rest after start', groupRss(next.pgid)]]
    for (const [label, kind] of [
      ['first article page', 'article'],
      ['first listing page', 'listing'],
      ['first search', 'search'],
    ]) {
      const url = next.url + paths[kind][0]
      const ms = await timedGet(url)
      phases.push([`after the ${label} (${ms} ms: ${paths[kind][0]})`, groupRss(next.pgid)])
    }

    let peak = 0
    const sampler = setInterval(() => (peak = Math.max(peak, groupRss(next.pgid))), 250)
    let result
    try {
      result = await load({ url: next.url, connections, duration, requests: mixedRequests(paths), timeout: REQUEST_TIMEOUT_S })
    } finally {
      clearInterval(sampler)
    }
    const final = groupRss(next.pgid)
    peak = Math.max(peak, final)
    phases.push([`peak under load (sampled every 250 ms)`, peak], ['when the load ended', final])

    console.log(`load: ${describeLoad(result)}`)
    for (const [label, rss] of phases) console.log(`RSS ${label}: ${mb(rss)}`)
    const members = groupMembers(next.pgid).filter((m) => m.state !== 'Z')
    console.log(`processes now: ${members.map((m) => `${m.name} (pid ${m.pid}) ${mb(m.rss)}`).join(', ')}`)
    return { peak, final, load: result, phases }
  } finally {
    await next.stop()
  }
}
