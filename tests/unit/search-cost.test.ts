/**
 * The cost of one search is bounded, whatever the reader typed (docs/security.md, "Work per
 * request"). Counted, not timed: the words and patterns a query can become, the tokens a
 * pattern is tested against, what the local engine hands groq-js for a search, and what a
 * repeated search evaluates (nothing).
 */
import type { ExprNode } from 'groq-js'
import { SEARCH_QUERY } from '@/lib/content/queries'
import { createLocalSource } from '@/lib/content/sources/local'
import { View } from '@/lib/content/sources/local-view'
import { patternTerms, TokenIndex, Vocabulary } from '@/lib/content/sources/match-index'
import { parseNdjsonDataset } from '@/lib/content/sources/ndjson'
import { matchPatterns, MAX_QUERY_LENGTH, MAX_TERMS, parseSearchQuery } from '@/lib/search-terms'
import { generateDataset, toNdjson } from '../../scripts/dataset-generator.mjs'
import { hostileQueries } from '../../bench/hostile-queries'

jest.setTimeout(60_000)

const HOSTILE = hostileQueries(1000)
const dataset = parseNdjsonDataset(toNdjson(generateDataset({ articles: 300, seed: 7 })), '/generated')
const search = (text: string) => ({ terms: matchPatterns(parseSearchQuery(text).terms), start: 0, end: 20 })
const fetchSearch = (source: ReturnType<typeof createLocalSource>, params: Record<string, unknown>) =>
  source.fetch(SEARCH_QUERY, params, { perspective: 'published', tags: ['article'], uncached: true })

/** Every node of a tree, depth first. */
function nodes(tree: unknown): Record<string, unknown>[] {
  if (Array.isArray(tree)) return tree.flatMap(nodes)
  if (typeof tree !== 'object' || tree === null) return []
  const node = tree as Record<string, unknown>
  return [...(typeof node.type === 'string' ? [node] : []), ...Object.values(node).flatMap(nodes)]
}

afterEach(() => jest.restoreAllMocks())

it('turns each of 1,000 hostile queries into at most MAX_TERMS patterns of letters, digits and marks', () => {
  for (const { kind, text } of HOSTILE) {
    const patterns = matchPatterns(parseSearchQuery(text).terms)
    expect({ kind, count: patterns.length <= MAX_TERMS }).toEqual({ kind, count: true })
    for (const pattern of patterns) {
      // A wildcard only where matchPatterns puts one; nothing GROQ's match reads as a separator.
      expect({ kind, pattern, safe: /^\*?[\p{L}\p{N}\p{M}]+\*$/u.test(pattern) }).toEqual({ kind, pattern, safe: true })
      expect(Array.from(pattern).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH + 2)
    }
  }
})

it('tests a pattern against the tokens that begin as it may only, and finds what testing every token finds', () => {
  const vocabulary = new Vocabulary()
  // Case folding as JavaScript's /i does it without /u: µ and μ fold together, ſ and K (kelvin) stay apart from s and k.
  const tricky = [
    'Straße',
    'STRASSE',
    'strasse',
    'ſtrasse',
    'µm',
    'μm',
    'Μm',
    'İstanbul',
    'istanbul',
    '\u212Aelvin',
    'kelvin',
    'Kelvin',
    'ΟΔΟΣ',
    'οδος',
    '𝐀bc',
    '苏州',
    '.dot',
    '*star',
  ]
  const filler = Array.from({ length: 2000 }, (_, i) => `${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${i.toString(36)}`)
  for (const token of [...tricky, ...filler]) vocabulary.id(token)
  const patterns = ['str*', 'STRA*', 'ſ*', 'µ*', 'μm*', 'i*', 'İ*', 'k*', 'K*', 'οδ*', 'ΟΔΟΣ', '𝐀*', '*州*', 't.ade', 'q*', 'z1*', '.d*', 'x']
  for (const pattern of patterns) {
    for (const term of patternTerms(pattern).terms) {
      let tested = 0
      const counted = Object.assign(new RegExp(term.source, term.flags), {
        test(this: RegExp, token: string) {
          tested++
          return RegExp.prototype.test.call(this, token)
        },
      })
      const expected = vocabulary.tokens.flatMap((token, id) => (term.test(token) ? [id] : []))
      expect({ pattern, ids: [...vocabulary.matches(counted)].sort((a, b) => a - b) }).toEqual({ pattern, ids: expected })
      // A pattern that begins with a character tests one letter's share of the tokens, not all of them.
      const wildcard = term.source.startsWith('^.')
      expect({ pattern, bounded: wildcard ? tested === vocabulary.tokens.length : tested <= 2000 / 26 + tricky.length }).toEqual({ pattern, bounded: true })
    }
  }
})

it('answers a hostile search without a groq-js sort, score or scan of the documents, reading its match index once', async () => {
  const source = createLocalSource(dataset)
  // The first search builds the indexes and sorts the published articles once.
  await fetchSearch(source, search('trade'))
  const evaluated = jest.spyOn(View.prototype, 'evaluateOn')
  const matched = jest.spyOn(TokenIndex.prototype, 'match')
  for (const { text } of HOSTILE.slice(0, 40)) {
    const params = search(text)
    if ((params.terms as string[]).length === 0) continue
    evaluated.mockClear()
    matched.mockClear()
    await fetchSearch(source, params)
    const handed = evaluated.mock.calls.flatMap(([node]) => nodes(node as ExprNode))
    // groq-js gets the page and the count of documents already chosen, sorted and scored.
    expect(handed.filter((n) => n.type === 'PipeFuncCall' || n.type === 'Everything').map((n) => n.name ?? n.type)).toEqual([])
    expect(evaluated.mock.calls.length).toBeLessThanOrEqual(3)
    // The page and the count read one `match` answer: the index is read once per search.
    expect(matched).toHaveBeenCalledTimes(1)
  }
})

it('answers a repeated search from its memo, evaluating nothing, for 15 s and 300 searches at most', async () => {
  // The clock only (Date): the engine's builds still take their turns of the event loop.
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask', 'performance', 'hrtime', 'setTimeout', 'setInterval'] })
  try {
    const source = createLocalSource(dataset)
    const params = search(HOSTILE[0].text)
    const first = await fetchSearch(source, params)
    const evaluated = jest.spyOn(View.prototype, 'evaluateOn')
    // The same search sent many times at once: one answer.
    const repeats = await Promise.all(Array.from({ length: 50 }, () => fetchSearch(source, params)))
    expect(repeats.every((answer) => answer === first)).toBe(true)
    expect(evaluated).not.toHaveBeenCalled()

    // Gone after 15 s.
    jest.advanceTimersByTime(15_001)
    const later = await fetchSearch(source, params)
    expect(later).not.toBe(first)
    expect(later).toStrictEqual(first)
    expect(evaluated).toHaveBeenCalled()

    // Pushed out by 300 other searches.
    for (let i = 0; i < 300; i++) await fetchSearch(source, { ...params, start: 20 * (i + 1), end: 20 * (i + 2) })
    evaluated.mockClear()
    expect(await fetchSearch(source, params)).not.toBe(later)
    expect(evaluated).toHaveBeenCalled()
  } finally {
    jest.useRealTimers()
  }
})
