/**
 * The optimised local source answers exactly what plain groq-js answers: every query in
 * lib/content/queries.ts, with parameters that find something and that find nothing, in
 * both perspectives, evaluated cold and then memoised, on a generated dataset plus a few
 * documents made to trip the planner (words split across spans, odd slugs and types).
 */
import { evaluate, parse } from 'groq-js'
import * as queries from '@/lib/content/queries'
import { createLocalSource } from '@/lib/content/sources/local'
import { TokenIndexBuilder } from '@/lib/content/sources/match-index'
import { parseNdjsonDataset, type SanityDocument } from '@/lib/content/sources/ndjson'
import type { Perspective, QueryParams } from '@/lib/content/sources/types'
import { matchPatterns, parseSearchQuery } from '@/lib/search-terms'
import { generateDataset, toNdjson } from '../../scripts/dataset-generator.mjs'
import { HOSTILE_KINDS, hostileQueries } from '../../bench/hostile-queries'

jest.setTimeout(120_000)

const span = (key: string, text: string) => ({ _type: 'span', _key: key, text, marks: [] })
const block = (key: string, children: object[]) => ({ _type: 'block', _key: key, style: 'normal', markDefs: [], children })
const edge = (id: string, fields: Record<string, unknown>) => ({
  _id: id,
  _type: 'article',
  headline: `Edge ${id}`,
  slug: { _type: 'slug', current: id },
  publishedAt: '2026-11-28T12:00:00Z',
  section: { _type: 'reference', _ref: 'section-world' },
  ...fields,
})
const EDGE_DOCUMENTS = [
  // "quokka" only exists joined across two spans; "zither" only across a non-span child.
  edge('edge-split', { body: [block('k1', [span('a', 'a quo'), span('b', 'kka appears')])] }),
  edge('edge-nonspan', { body: [block('k2', [span('a', 'zit'), { _type: 'link', text: 'X' }, span('b', 'her')])] }),
  // Greek with a final sigma, German sharp s, Turkish dotted I, a micro sign.
  edge('edge-scripts', { standfirst: 'ΟΔΟΣ οδός Straße İstanbul 5µm', keyPoints: 'not an array', tags: 'not-an-array' }),
  edge('edge-no-slug-string', { slug: { current: 42 }, tags: ['trade', null] }),
  { ...edge('edge-split', { headline: 'Draft of the split edge', tags: ['quokka'] }), _id: 'drafts.edge-split' },
  // Joins on values of every kind: a number, an object, none at all.
  edge('edge-numeric-section', { section: { _ref: 42 } }),
  edge('edge-object-section', { section: { _ref: { nested: 'section-world' } } }),
  edge('edge-no-section', { section: undefined, headline: 'Edge without a section' }),
  // A document that already has a _score, and one _id used twice (a hand-edited file).
  edge('edge-scored', { _score: 5, headline: 'Edge scored edge edge' }),
  edge('edge-dup', { headline: 'First of two edge-dup' }),
  edge('edge-dup', { headline: 'Second of two edge-dup', slug: { current: 'edge-dup-2' } }),
  // Membership joins (`^._id in bylines[].person._ref`): a person twice, a missing person,
  // a reference that is a number, bylines that are not an array.
  edge('edge-bylines-twice', { bylines: [{ _key: 'a', person: { _ref: 'person-edge' } }, { _key: 'b', person: { _ref: 'person-edge' } }, { _key: 'c' }] }),
  edge('edge-bylines-number', { bylines: [{ _key: 'a', person: { _ref: 7 } }] }),
  edge('edge-bylines-object', { bylines: { person: { _ref: 'person-edge' } } }),
  { _id: 'person-edge', _type: 'person', name: 'Edge Person', slug: { _type: 'slug', current: 'edge-person' }, rank: 7 },
]

/** Queries beyond the site's, written to reach each rule of the planner and its edges. */
const EXTRA_QUERIES: [string, string][] = [
  ['join on a missing value', `*[_type == "section"]{ _id, "orphans": *[_type == "article" && section._ref == ^.nothing] | order(_id asc)._id }`],
  ['join on an object', `*[_type == "section"]{ "objects": *[_type == "article" && section == ^.slug]._id }`],
  ['join written the other way', `*[_type == "section"]{ "n": count(*[_type == "article" && ^._id == section._ref]) }`],
  ['join with another outer condition', `*[_type == "section"]{ "n": count(*[_type == "article" && section._ref == ^._id && publishedAt > ^._createdAt]) }`],
  [
    'membership join',
    `*[_type == "person"] | order(_id asc){ _id, "ids": *[_type == "article" && ^._id in bylines[].person._ref] | order(publishedAt desc, _id asc)[0...5]._id }`,
  ],
  [
    'membership join on a number and on nothing',
    `*[_type == "person"]{ "byRank": *[_type == "article" && ^.rank in bylines[].person._ref]._id, "none": count(*[_type == "article" && ^.nothing in bylines[].person._ref]) }`,
  ],
  ['membership join on a whole array', `*[_type == "person"][0...3]{ "n": count(*[_type == "article" && ^.slug in bylines]) }`],
  ['by id, twice in the file', `*[_id == "edge-dup"]{ headline }`],
  ['by id with a type and a slug', `*[_type == "article" && _id == "edge-dup" && slug.current == "edge-dup-2"].headline`],
  ['by id of another type', `*[_type == "person" && _id == "edge-dup"]`],
  ['two orders', `*[_type == "article" && defined(slug.current)] | order(publishedAt desc) | order(headline asc)[0...10]._id`],
  ['order on mixed values', `*[_type == "article"] | order(tags[0] desc, _id)[0...40]._id`],
  [
    'score variants and a negative slice',
    `*[_type == "article" && headline match "edge"] | score(headline match "edge", boost(standfirst match "ΟΔΟΣ", "x"), (headline match "split"), boost(headline match "edge" && keyPoints match "nothing", 2) || _id == "edge-split") | order(_score desc, _id asc)[-4...-1]{ _id, _score }`,
  ],
  [
    'score on documents that carry a _score',
    `*[_type == "article" && headline match "edge*"] | score(headline match "scored") | order(_score desc)[0...5]{ _id, _score }`,
  ],
  ['score without order', `*[_type == "article"] | score(pt::text(body) match "trade") [0...5]{ _id, _score }`],
  ['order reading _score after score', `*[_type == "article"] | score(headline match "edge") | order(_score desc, _score asc, _id)[0...5]._id`],
  ['a type that is not a string', `*[_type == 5]`],
  ['the clock', `count(*[_type == "article" && dateTime(publishedAt) < now()])`],
]

const generated = generateDataset({ articles: 300, seed: 7 }) as Record<string, unknown>[]
const dataset = parseNdjsonDataset(toNdjson([...generated, ...EDGE_DOCUMENTS]), '/generated')

/** The documents of a perspective, as the local source has always built them. */
function perspectiveDocuments(perspective: Perspective): SanityDocument[] {
  const published = dataset.documents.filter((doc) => !doc._id.startsWith('drafts.'))
  if (perspective === 'published') return published
  const byId = new Map(published.map((doc) => [doc._id, doc]))
  for (const doc of dataset.documents) {
    if (!doc._id.startsWith('drafts.')) continue
    const id = doc._id.slice('drafts.'.length)
    byId.set(id, { ...doc, _id: id, _originalId: doc._id })
  }
  return [...byId.values()]
}

async function plainGroq(query: string, params: QueryParams, perspective: Perspective) {
  const documents = perspectiveDocuments(perspective)
  const byId = new Map(documents.map((doc) => [doc._id, doc]))
  const result = await evaluate(parse(query, { params }), {
    dataset: documents,
    params,
    dereference: ({ _ref }) => byId.get(_ref) ?? null,
  })
  return result.get()
}

const articles = dataset.documents.filter((doc) => doc._type === 'article' && !doc._id.startsWith('drafts.'))
const draftOnly = dataset.documents.find((doc) => doc._id.startsWith('drafts.article-embargoed'))!
const slugOf = (doc: SanityDocument) => (doc.slug as { current: string }).current
const someSlugs = [slugOf(articles[0]), slugOf(articles[150]), slugOf(draftOnly), 'edge-split', 'no-such-slug', '']
const person = dataset.documents.find((doc) => doc._type === 'person')!
const page = (n: number) => ({ start: (n - 1) * 20, end: n * 20 })
const terms = (input: string) => matchPatterns(parseSearchQuery(input).terms)
const SEARCHES: unknown[] = [
  terms('trade'),
  terms('Trade harbour rail'),
  terms('quokka'),
  terms('zither'),
  terms("Kyrgyzstan's"),
  terms('οδος ΟΔΟΣ'),
  terms('STRASSE straße istanbul µm'),
  terms('苏州'),
  terms('"quoted" || $foo -> ]'),
  ['tr*de'],
  ['t.ade', 'the'],
  'edge',
  ['a', 5],
  [],
  ['nothingmatchesthis*'],
  // Two of each kind an attacker would send (bench/hostile-queries.ts), as the site sends them.
  ...hostileQueries(2 * Object.keys(HOSTILE_KINDS).length).map(({ text }) => terms(text)),
]

const PARAMS: Record<string, QueryParams[]> = {
  SITE_CHROME_QUERY: [{}],
  FRONT_PAGE_QUERY: [{ latestCount: 13, perSection: 17 }],
  ARTICLE_QUERY: someSlugs.map((slug) => ({ slug })),
  ARTICLE_PREVIEW_QUERY: someSlugs.map((slug) => ({ slug })),
  LATEST_QUERY: [page(1), page(2), page(20), page(99)],
  CORRECTIONS_QUERY: [page(1), { start: 3, end: 6 }],
  SECTION_QUERY: [
    { slug: 'world', ...page(1) },
    { slug: 'business', ...page(3) },
    { slug: 'sport', ...page(1) },
    { slug: 'nowhere', ...page(1) },
  ],
  PERSON_QUERY: [
    { slug: slugOf(person), ...page(1) },
    { slug: 'nobody', ...page(1) },
  ],
  ARTICLE_SLUGS_QUERY: [{}],
  SECTION_SLUGS_QUERY: [{}],
  PERSON_SLUGS_QUERY: [{}],
  SITE_FEED_QUERY: [{ limit: 50 }],
  SECTION_FEED_QUERY: [
    { slug: 'culture', limit: 50 },
    { slug: 'nowhere', limit: 50 },
  ],
  PERSON_FEED_QUERY: [{ slug: slugOf(person), limit: 50 }],
  SITEMAP_QUERY: [{}],
  NEWS_SITEMAP_QUERY: [{ since: '2026-11-26T00:00:00Z' }, { since: '2030-01-01T00:00:00Z' }],
  SEARCH_QUERY: SEARCHES.flatMap((t) => [{ terms: t, ...page(1) }]).concat([{ terms: terms('trade'), ...page(2) }]),
  TAG_QUERY: [
    { tag: 'climate', ...page(1) },
    { tag: 'topic-3', ...page(1) },
    { tag: 'no-such-tag', ...page(1) },
  ],
  TAGS_QUERY: [{}],
  RELATED_QUERY: [
    { id: articles[5]._id, section: 'section-world', tags: ['climate', 'trade'], limit: 4, window: 1000 },
    { id: articles[5]._id, section: 'section-world', tags: ['climate', 'trade'], limit: 4, window: 50 },
    { id: 'none', section: '', tags: [], limit: 4, window: 1000 },
  ],
  REFERENCING_ARTICLES_QUERY: [{ id: person._id }, { id: 'section-world' }, { id: 'no-such-id' }],
}

const QUERIES = (Object.entries(queries) as [string, unknown][]).filter((entry): entry is [string, string] => typeof entry[1] === 'string')

it('has parameters for every exported query', () => {
  expect(QUERIES.map(([name]) => name).sort()).toEqual(Object.keys(PARAMS).sort())
})

describe.each(['published', 'drafts'] as Perspective[])('%s perspective', (perspective) => {
  // One source for the whole perspective, as the site has: indexes and memo are shared.
  const source = createLocalSource(dataset)
  it.each(QUERIES)('%s answers as plain groq-js does, cold and memoised', async (name, query) => {
    for (const params of PARAMS[name]) {
      const expected = await plainGroq(query, params, perspective)
      const context = `${name} ${JSON.stringify(params)}`
      const uncached = await source.fetch(query, params, { perspective, tags: [], uncached: true })
      expect({ context, result: uncached }).toStrictEqual({ context, result: expected })
      const first = await source.fetch(query, params, { perspective, tags: [] })
      expect({ context, result: first }).toStrictEqual({ context, result: expected })
      const memoised = await source.fetch(query, params, { perspective, tags: [] })
      expect({ context, result: memoised }).toStrictEqual({ context, result: expected })
    }
  })
})

describe.each(['published', 'drafts'] as Perspective[])('%s perspective, planner edges', (perspective) => {
  const source = createLocalSource(dataset)
  it.each(EXTRA_QUERIES)('%s', async (_, query) => {
    const expected = await plainGroq(query, {}, perspective)
    expect(await source.fetch(query, {}, { perspective, tags: [], uncached: true })).toStrictEqual(expected)
    expect(await source.fetch(query, {}, { perspective, tags: [] })).toStrictEqual(expected)
  })
})

it('memoises every fetch, an uncached one (a search) in its short memo', async () => {
  const source = createLocalSource(dataset)
  const params = { terms: terms('trade'), ...page(1) }
  const a = await source.fetch(queries.SEARCH_QUERY, params, { perspective: 'published', tags: [], uncached: true })
  expect(await source.fetch(queries.SEARCH_QUERY, params, { perspective: 'published', tags: [], uncached: true })).toBe(a)
  expect(await source.fetch(queries.SEARCH_QUERY, params, { perspective: 'drafts', tags: [], uncached: true })).not.toBe(a)
  const c = await source.fetch(queries.LATEST_QUERY, page(1), { perspective: 'published', tags: [] })
  expect(await source.fetch(queries.LATEST_QUERY, page(1), { perspective: 'published', tags: [] })).toBe(c)
  // Perspectives are memoised apart.
  expect(await source.fetch(queries.LATEST_QUERY, page(1), { perspective: 'drafts', tags: [] })).not.toBe(c)
})

it('builds each index once when first queries arrive together', async () => {
  const build = jest.spyOn(TokenIndexBuilder.prototype, 'build')
  const source = createLocalSource(dataset)
  const params = { terms: terms('trade'), ...page(1) }
  const [a, b] = await Promise.all([
    source.fetch(queries.SEARCH_QUERY, params, { perspective: 'published', tags: [], uncached: true }),
    source.fetch(queries.SEARCH_QUERY, params, { perspective: 'published', tags: [], uncached: true }),
  ])
  expect(a).toStrictEqual(await plainGroq(queries.SEARCH_QUERY, params, 'published'))
  expect(b).toStrictEqual(a)
  // One index per text the search reads: all its fields together, then each weighted alone.
  expect(build).toHaveBeenCalledTimes(5)
  build.mockRestore()
})
