/**
 * What the local source's planner leaves for groq-js to do (lib/content/sources/query-plan.ts).
 * tests/unit/local-engine.test.ts proves the answers are unchanged; this file proves the
 * work is gone: the site's listings and searches no longer scan every document, sort or
 * score in groq-js.
 */
import { parse } from 'groq-js'
import { ARTICLE_QUERY, FRONT_PAGE_QUERY, LATEST_QUERY, PERSON_QUERY, SEARCH_QUERY, SECTION_QUERY, SITE_CHROME_QUERY } from '@/lib/content/queries'
import { planQuery } from '@/lib/content/sources/query-plan'
import type { QueryParams } from '@/lib/content/sources/types'

/** Every node of a tree, depth first. */
function nodes(tree: unknown): Record<string, unknown>[] {
  if (Array.isArray(tree)) return tree.flatMap(nodes)
  if (typeof tree !== 'object' || tree === null) return []
  const node = tree as Record<string, unknown>
  return [...(typeof node.type === 'string' ? [node] : []), ...Object.values(node).flatMap(nodes)]
}

const plan = (query: string, params: QueryParams) => planQuery(parse(query, { params }), params)
const scansEverything = (query: string, params: QueryParams) => nodes(plan(query, params).tree).some((n) => n.type === 'Everything')
const pipes = (query: string, params: QueryParams) =>
  nodes(plan(query, params).tree)
    .filter((n) => n.type === 'PipeFuncCall')
    .map((n) => n.name)

const page = { start: 0, end: 20 }

/** `^.a.b…`: an operand that reads the enclosing scope. */
function readsParent(node: unknown): boolean {
  let current = node as { type?: string; base?: unknown } | undefined
  while (current?.type === 'AccessAttribute') current = current.base as typeof current
  return current?.type === 'Parent'
}

it.each([
  ['the latest listing', LATEST_QUERY, page],
  ['a section listing', SECTION_QUERY, { slug: 'world', ...page }],
  ['a person listing', PERSON_QUERY, { slug: 'aida', ...page }],
  ['an article', ARTICLE_QUERY, { slug: 'a' }],
  ['the front page', FRONT_PAGE_QUERY, { latestCount: 13, perSection: 17 }],
  ['a search', SEARCH_QUERY, { terms: ['trade*'], ...page }],
  ['the site chrome', SITE_CHROME_QUERY, {}],
] as [string, string, QueryParams][])('%s reads indexes, not every document, and leaves no order() or score() to groq-js', (_, query, params) => {
  expect(scansEverything(query, params)).toBe(false)
  expect(pipes(query, params)).toEqual([])
})

it('leaves a filter without a type or an id to groq-js', () => {
  expect(scansEverything('*[defined(slug.current)]', {})).toBe(true)
  expect(scansEverything('*[_type == $t]', { t: 5 })).toBe(true)
})

it('keeps an order() that reads the enclosing scope, and a second order()', () => {
  expect(pipes('*[_type == "a"]{ "x": *[_type == "b"] | order(^.rank) }', {})).toEqual(['order'])
  expect(pipes('*[_type == "a"] | order(x) | order(y)', {})).toEqual(['order'])
})

it.each([
  ['a section’s articles (section._ref == ^._id)', SECTION_QUERY],
  ['a person’s articles (^._id in bylines[].person._ref)', PERSON_QUERY],
])('joins %s through groups, one comparison per group, not per article', (_, query) => {
  const tree = nodes(plan(query, { slug: 'x', ...page }).tree)
  expect(tree.find((n) => n.type === 'FuncCall' && n.name === 'coalesce')).toBeDefined()
  // No condition on the enclosing document (`… == ^._id`, `^._id in …`) is left for groq-js to test on each article.
  // Other `^` uses, within one article's own fields (its newest correction), are not joins.
  expect(
    tree.some((n) => n.type === 'OpCall' && (n.op === 'in' || n.op === '==') && [n.left, n.right].some(readsParent) && !JSON.stringify(n).includes('"key"')),
  ).toBe(false)
})

it('never memoises a query that reads the clock', () => {
  expect(plan('*[_type == "a" && publishedAt < now()]', {}).memoisable).toBe(false)
  expect(plan(LATEST_QUERY, page).memoisable).toBe(true)
})
