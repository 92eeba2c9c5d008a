/**
 * Times the local source's queries: plain groq-js (every document scanned) against the
 * optimised local source, cold (parameters the source has not seen: a new page, article,
 * tag or search word; the dataset's indexes built) and warm (memoised), on generated
 * datasets of 1,000 and 10,000 articles. Then, at the largest size, 1,000 hostile searches
 * (bench/hostile-queries.ts) as the site sends them: each for the first time (cold), again at
 * once (a repeat), and once more after all the others (later).
 *   npm run bench:queries [-- --runs 15 --sizes 1000,10000 --hostile-only]
 * Prints figures only; never fails on time.
 */
import os from 'node:os'
import { evaluate, parse } from 'groq-js'
import { createLocalSource } from '@/lib/content/sources/local'
import { parseNdjsonDataset, type SanityDocument } from '@/lib/content/sources/ndjson'
import { ARTICLE_QUERY, FRONT_PAGE_QUERY, LATEST_QUERY, RELATED_QUERY, SEARCH_QUERY, SECTION_QUERY, TAG_QUERY } from '@/lib/content/queries'
import { matchPatterns, parseSearchQuery } from '@/lib/search-terms'
import { generateDataset, toNdjson } from '../scripts/dataset-generator.mjs'
import { hostileQueries } from './hostile-queries'

const args = process.argv.slice(2)
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? args[at + 1] : fallback
}
const RUNS = Number(option('runs', '15'))
const SIZES = option('sizes', '1000,10000').split(',').map(Number)
const HOSTILE_ONLY = args.includes('--hostile-only')

/** A query, and its parameters for run i: each cold run asks for something not asked before. */
type Case = { name: string; query: string; params: (i: number) => Record<string, unknown> }

const COMMON_WORDS =
  'trade rail port shipping corridor freight energy solar wind grid battery lithium copper mining water drought harvest climate flood heat'.split(' ')
const RARE_WORDS = 'zither quokka obsidian marzipan fjordline tundrasong ptarmigan verdigris halyard isobar cormorant basalt sorghum saffron tamarind'.split(
  ' ',
)
const SECTIONS = ['world', 'business', 'technology', 'science', 'culture', 'sport']

function cases(articles: SanityDocument[]): Case[] {
  const article = (i: number) =>
    articles[(i * 7919) % articles.length] as SanityDocument & { slug: { current: string }; section?: { _ref: string }; tags?: string[] }
  const page = (n: number) => ({ start: n * 20, end: n * 20 + 20 })
  return [
    { name: 'latest listing', query: LATEST_QUERY, params: (i) => page(i) },
    { name: 'section listing', query: SECTION_QUERY, params: (i) => ({ slug: SECTIONS[i % SECTIONS.length], ...page(Math.floor(i / SECTIONS.length)) }) },
    { name: 'article by slug', query: ARTICLE_QUERY, params: (i) => ({ slug: article(i).slug.current }) },
    { name: 'front page', query: FRONT_PAGE_QUERY, params: (i) => ({ latestCount: 13 + i, perSection: 17 }) },
    { name: 'tag listing', query: TAG_QUERY, params: (i) => ({ tag: `topic-${i + 1}`, ...page(0) }) },
    {
      name: 'related articles',
      query: RELATED_QUERY,
      params: (i) => ({ id: article(i)._id, section: article(i).section?._ref ?? '', tags: article(i).tags ?? [], limit: 4, window: 1000 }),
    },
    { name: 'search common word', query: SEARCH_QUERY, params: (i) => ({ terms: [`${COMMON_WORDS[i % COMMON_WORDS.length]}*`], ...page(0) }) },
    { name: 'search rare word', query: SEARCH_QUERY, params: (i) => ({ terms: [`${RARE_WORDS[i % RARE_WORDS.length]}*`], ...page(0) }) },
  ]
}

const now = () => Number(process.hrtime.bigint()) / 1e6
// This process's CPU time: on a busy machine, far steadier than the time on the clock.
const cpu = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
/** Each run's time on the clock, and the CPU time it took. */
async function samples(runs: number, fn: (i: number) => Promise<unknown>) {
  const clock: number[] = []
  const cpuTime: number[] = []
  for (let i = 0; i < runs; i++) {
    const [start, startCpu] = [now(), cpu()]
    await fn(i)
    clock.push(now() - start)
    cpuTime.push(cpu() - startCpu)
  }
  return { clock, cpu: cpuTime }
}
function quantiles(taken: number[]) {
  const sorted = [...taken].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  return { median: at(0.5), p95: at(0.95), p99: at(0.99), worst: sorted[sorted.length - 1] }
}
const time = async (runs: number, fn: (i: number) => Promise<unknown>) => quantiles((await samples(runs, fn)).clock)
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2))

/**
 * The hostile searches, each as searchArticles sends it (the query parsed, its words made
 * patterns, the first page), after 20 ordinary ones: cold, repeated at once, and later
 * (after the 999 others).
 */
async function hostile(source: ReturnType<typeof createLocalSource>, size: number) {
  const queries = hostileQueries(1000)
  const search = (text: string) => {
    const { terms } = parseSearchQuery(text)
    if (terms.length === 0) return Promise.resolve()
    return source.fetch(SEARCH_QUERY, { terms: matchPatterns(terms), start: 0, end: 20 }, { perspective: 'published', tags: [], uncached: true })
  }
  console.log(`\n${queries.length.toLocaleString('en')} hostile searches at ${size.toLocaleString('en')} articles (bench/hostile-queries.ts), ms:\n`)
  console.log('| hostile searches | median | p99 | worst | worst kind |\n|---|---:|---:|---:|---|')
  // As on a server that has answered a few searches: a process's very first ones run before V8
  // has compiled the engine's loops, and take 30–70 ms at 10,000 articles, hostile or not.
  for (const word of COMMON_WORDS) await search(word)
  const twice = await samples(2 * queries.length, (i) => search(queries[i >> 1].text))
  const later = await samples(queries.length, (i) => search(queries[i].text))
  const every = (times: number[], from: number) => times.filter((_, i) => i % 2 === from)
  const passes = {
    cold: { clock: every(twice.clock, 0), cpu: every(twice.cpu, 0) },
    'repeated at once': { clock: every(twice.clock, 1), cpu: every(twice.cpu, 1) },
    later,
  }
  for (const [pass, taken] of Object.entries(passes)) {
    for (const [label, times] of [
      ['clock', taken.clock],
      ['CPU', taken.cpu],
    ] as const) {
      const { median, p99, worst } = quantiles(times)
      console.log(`| ${pass}, ${label} time | ${ms(median)} | ${ms(p99)} | ${ms(worst)} | ${queries[times.indexOf(worst)].kind} |`)
    }
  }
}

async function main() {
  const rows: string[][] = []
  for (const size of SIZES) {
    const dataset = parseNdjsonDataset(toNdjson(generateDataset({ articles: size, seed: 1 })), '/bench')
    const published = dataset.documents.filter((doc) => !doc._id.startsWith('drafts.'))
    const byId = new Map(published.map((doc) => [doc._id, doc]))
    const articles = published.filter((doc) => doc._type === 'article')
    if (size === Math.max(...SIZES)) {
      global.gc?.()
      console.log(`RSS after loading ${size} articles: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`)
    }

    // One-time cost of a fresh source: its first query builds the perspective's indexes,
    // its first search the documents' search text.
    const fresh = createLocalSource(dataset)
    let start = now()
    await fresh.fetch(LATEST_QUERY, { start: 0, end: 20 }, { perspective: 'published', tags: [], uncached: true })
    const viewMs = now() - start
    start = now()
    await fresh.fetch(SEARCH_QUERY, { terms: ['harbour*'], start: 0, end: 20 }, { perspective: 'published', tags: [], uncached: true })
    const textMs = now() - start
    console.log(
      `${size} articles: first listing on a fresh source ${ms(viewMs)} ms (builds the indexes), its first search ${ms(textMs)} ms (builds the search text)`,
    )

    for (const c of HOSTILE_ONLY ? [] : cases(articles)) {
      const runs = c.name.startsWith('search') && size >= 10000 ? Math.min(RUNS, 5) : RUNS
      const plain = await time(runs, async (i) =>
        (
          await evaluate(parse(c.query, { params: c.params(i) }), {
            dataset: published,
            params: c.params(i),
            dereference: ({ _ref }) => byId.get(_ref) ?? null,
          })
        ).get(),
      )
      // Cold: parameters this source has not seen; searches are never memoised by the site.
      const uncached = c.query === SEARCH_QUERY
      const cold = await time(RUNS, (i) => fresh.fetch(c.query, c.params(i + 1), { perspective: 'published', tags: [], uncached }))
      await fresh.fetch(c.query, c.params(0), { perspective: 'published', tags: [] })
      const warm = await time(RUNS, () => fresh.fetch(c.query, c.params(0), { perspective: 'published', tags: [] }))
      rows.push([
        c.name,
        size.toLocaleString('en'),
        `${ms(plain.median)} / ${ms(plain.p95)}`,
        `${ms(cold.median)} / ${ms(cold.p95)}`,
        `${ms(warm.median)} / ${ms(warm.p95)}`,
        `${(plain.median / cold.median).toFixed(0)}×`,
        `${(plain.median / warm.median).toFixed(0)}×`,
      ])
    }
    if (size === Math.max(...SIZES)) await hostile(fresh, size)
  }
  if (HOSTILE_ONLY) return
  const header = ['query', 'articles', 'groq-js ms (median / p95)', 'optimised cold', 'optimised warm', 'plain/cold', 'plain/warm']
  console.log(`\nNode ${process.version}, ${os.cpus().length} cores, ${RUNS} runs (5 for plain search at 10k)\n`)
  console.log(`| ${header.join(' | ')} |`)
  console.log(`|${header.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`)
  for (const row of rows) console.log(`| ${row.join(' | ')} |`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
