/**
 * Times the local source's queries: plain groq-js (one parsed tree, every document
 * scanned) against the optimised local source, cold (evaluated, nothing memoised) and
 * warm (memoised), on generated datasets of 1,000 and 10,000 articles.
 *   npm run bench:queries [-- --runs 15 --sizes 1000,10000]
 * Prints figures only; never fails on time.
 */
import { evaluate, parse } from 'groq-js'
import { createLocalSource } from '@/lib/content/sources/local'
import { parseNdjsonDataset, type SanityDocument } from '@/lib/content/sources/ndjson'
import { ARTICLE_QUERY, FRONT_PAGE_QUERY, LATEST_QUERY, RELATED_QUERY, SEARCH_QUERY, SECTION_QUERY, TAG_QUERY } from '@/lib/content/queries'
import { generateDataset, toNdjson } from '../scripts/dataset-generator.mjs'

const args = process.argv.slice(2)
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? args[at + 1] : fallback
}
const RUNS = Number(option('runs', '15'))
const SIZES = option('sizes', '1000,10000').split(',').map(Number)

type Case = { name: string; query: string; params: Record<string, unknown> }

function cases(articles: SanityDocument[]): Case[] {
  const middle = articles[Math.floor(articles.length / 2)] as unknown as { slug: { current: string } }
  return [
    { name: 'listing page 1', query: LATEST_QUERY, params: { start: 0, end: 20 } },
    { name: 'section listing', query: SECTION_QUERY, params: { slug: 'business', start: 0, end: 20 } },
    { name: 'article by slug', query: ARTICLE_QUERY, params: { slug: middle.slug.current } },
    { name: 'front page', query: FRONT_PAGE_QUERY, params: { latestCount: 13, perSection: 17 } },
    { name: 'tag listing', query: TAG_QUERY, params: { tag: 'climate', start: 0, end: 20 } },
    {
      name: 'related articles',
      query: RELATED_QUERY,
      params: { id: (middle as unknown as SanityDocument)._id, section: 'section-business', tags: ['climate', 'trade'], limit: 4 },
    },
    { name: 'search common word', query: SEARCH_QUERY, params: { terms: ['trade*'], start: 0, end: 20 } },
    { name: 'search rare word', query: SEARCH_QUERY, params: { terms: ['quokka*'], start: 0, end: 20 } },
  ]
}

const now = () => Number(process.hrtime.bigint()) / 1e6
async function time(runs: number, fn: () => Promise<unknown>) {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = now()
    await fn()
    samples.push(now() - start)
  }
  samples.sort((a, b) => a - b)
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]
  return { median: at(0.5), p95: at(0.95) }
}
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2))

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
    console.log(`${size} articles: first listing on a fresh source ${ms(viewMs)} ms (builds the indexes), its first search ${ms(textMs)} ms (builds the search text)`)

    for (const c of cases(articles)) {
      const tree = parse(c.query, { params: c.params })
      const runs = c.name.startsWith('search') && size >= 10000 ? Math.min(RUNS, 5) : RUNS
      const plain = await time(runs, async () =>
        (await evaluate(tree, { dataset: published, params: c.params, dereference: ({ _ref }) => byId.get(_ref) ?? null })).get(),
      )
      const cold = await time(RUNS, () => fresh.fetch(c.query, c.params, { perspective: 'published', tags: [], uncached: true }))
      await fresh.fetch(c.query, c.params, { perspective: 'published', tags: [] })
      const warm = await time(RUNS, () => fresh.fetch(c.query, c.params, { perspective: 'published', tags: [] }))
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
  }
  const header = ['query', 'articles', 'groq-js ms (median / p95)', 'optimised cold', 'optimised warm', 'plain/cold', 'plain/warm']
  console.log(`\nNode ${process.version}, ${require('node:os').cpus().length} cores, ${RUNS} runs (5 for plain search at 10k)\n`)
  console.log(`| ${header.join(' | ')} |`)
  console.log(`|${header.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`)
  for (const row of rows) console.log(`| ${row.join(' | ')} |`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
