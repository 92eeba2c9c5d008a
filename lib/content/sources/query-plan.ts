import type { ExprNode } from 'groq-js'
import { nodeKey, scanKey, type Scan, type View } from './local-view'
import type { SanityDocument } from './ndjson'
import type { QueryParams } from './types'

/*
 * Query planning for the local source: which documents each `*[…]` reads, and which of
 * its pipes can be answered from a dataset version's indexes. See createLocalSource
 * (local.ts) for the rules and tests/unit/local-engine.test.ts for the proof that the
 * answers do not change.
 */
export type Plan = {
  tree: ExprNode
  /** The values of the planner's parameters for a view. */
  bindings: (view: View) => Promise<Record<string, unknown>>
  /** False when the answer can change without the dataset changing (the clock, the identity). */
  memoisable: boolean
}

/** One planned `*[…]`: the scan it reads, and the pipes folded into it. */
type Binding = {
  name: string
  scan: Scan
  key: string
  /** `| order(…)`: the scan is read pre-sorted. */
  order?: ExprNode[]
  /**
   * `… && <own value> == ^.<parent value>`: the scan is read in groups by the own value; with
   * `member`, `… && ^.<parent value> in <own array>`, in groups by each element of the array.
   */
  groupBy?: { own: ExprNode; member: boolean }
  /** `| score(…)`: the scan is read with `_score` computed. */
  score?: ExprNode[]
  /** `[a...b]` after score(): only the documents in the slice are copied with their `_score`. */
  slice?: ExprNode & { type: 'Slice' }
}

const parameter = (name: string): ExprNode => ({ type: 'Parameter', name })

/** True for a node of the clock or the caller's identity: a query that has one is never memoised. */
const isVolatile = (n: Record<string, unknown>) => n.type === 'Context' || (n.type === 'FuncCall' && (n.name === 'now' || n.name === 'identity'))

/** True when an expression depends on nothing but `@` and the dataset version: no `^`, no parameter, no clock. */
function selfContained(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(selfContained)
  if (typeof node !== 'object' || node === null) return true
  const n = node as Record<string, unknown>
  if (n.type === 'Parent' || n.type === 'Parameter' || isVolatile(n)) return false
  return Object.values(n).every(selfContained)
}

/** `^.a.b…`: a value of an enclosing scope only. */
function parentPath(node: ExprNode): boolean {
  let current: ExprNode | undefined = node
  while (current?.type === 'AccessAttribute') current = current.base
  return current?.type === 'Parent'
}

/** The conjuncts of a condition: `a && (b && c)` is [a, b, c]. */
function conjuncts(node: ExprNode, out: ExprNode[] = []): ExprNode[] {
  if (node.type === 'And') {
    conjuncts(node.left, out)
    conjuncts(node.right, out)
  } else if (node.type === 'Group') conjuncts(node.base, out)
  else out.push(node)
  return out
}

/** `@.a.b…` as a dotted path, else undefined. */
function ownPath(node: ExprNode): string | undefined {
  const path: string[] = []
  let current: ExprNode | undefined = node
  while (current?.type === 'AccessAttribute') {
    path.unshift(current.name)
    current = current.base
  }
  return current && current.type !== 'This' ? undefined : path.join('.') || undefined
}

/** `path == "literal"` (either way round): the literal. */
function equalsLiteral(node: ExprNode, path: string): string | undefined {
  if (node.type !== 'OpCall' || node.op !== '==') return undefined
  for (const [a, b] of [
    [node.left, node.right],
    [node.right, node.left],
  ]) {
    if (b.type === 'Value' && typeof b.value === 'string' && ownPath(a) === path) return b.value
  }
  return undefined
}

/**
 * `<own value> == <enclosing value>` (either way round), or `<enclosing value> in <own array>`
 * (`member`): the own side and the enclosing side.
 */
function joinCondition(node: ExprNode): { own: ExprNode; outer: ExprNode; member: boolean } | undefined {
  if (node.type !== 'OpCall') return undefined
  if (node.op === 'in') return selfContained(node.right) && parentPath(node.left) ? { own: node.right, outer: node.left, member: true } : undefined
  if (node.op !== '==') return undefined
  if (selfContained(node.left) && parentPath(node.right)) return { own: node.left, outer: node.right, member: false }
  if (selfContained(node.right) && parentPath(node.left)) return { own: node.right, outer: node.left, member: false }
  return undefined
}

/** `_score desc, rest…` where the rest reads neither `_score` nor the whole document. */
function byScoreThen(args: ExprNode[]): boolean {
  const [first, ...rest] = args
  const scoreDesc = first?.type === 'Desc' && first.base.type === 'AccessAttribute' && first.base.name === '_score' && !first.base.base
  const readsScore = (node: unknown): boolean =>
    Array.isArray(node)
      ? node.some(readsScore)
      : typeof node === 'object' &&
        node !== null &&
        ((node as { type?: unknown }).type === 'This' || (node as { name?: unknown }).name === '_score' || Object.values(node).some(readsScore))
  return scoreDesc && rest.every(selfContained) && !readsScore(rest)
}

/** A score() argument this planner computes exactly as groq-js would (see scoreAll). */
function scorable(node: ExprNode): boolean {
  if (node.type === 'OpCall' && node.op === 'match') return selfContained(node.left) && node.right.type === 'Value'
  if (node.type === 'FuncCall' && node.name === 'boost') return node.args[1]?.type === 'Value' && scorable(node.args[0])
  if (node.type === 'Or' || node.type === 'And') return scorable(node.left) && scorable(node.right)
  return selfContained(node)
}

/**
 * Rewrites every `*[condition]` that requires a `_type` (or an `_id`) into a read of a
 * parameter holding just the documents its self-contained conditions keep, and folds the
 * `order()`, `score()` and parent join that follow into that parameter. The rest of the
 * tree, and every condition that depends on an enclosing scope, stay for groq-js.
 */
export function planQuery(tree: ExprNode, params: QueryParams): Plan {
  const bindings: Binding[] = []
  const planned = new Map<ExprNode, Binding>()
  let memoisable = true
  let counter = 0
  const freshName = () => {
    let name: string
    do name = `__local_scan_${counter++}`
    while (Object.prototype.hasOwnProperty.call(params, name))
    return name
  }

  const planFilter = (filter: ExprNode & { type: 'Filter' }): ExprNode => {
    const scan: Scan = { type: '', conditions: [], matches: [] }
    let type: string | undefined
    let id: string | undefined
    const rest: ExprNode[] = []
    const kept: ExprNode[] = []
    for (const c of conjuncts(filter.expr)) {
      const typeLiteral = type === undefined ? equalsLiteral(c, '_type') : undefined
      const idLiteral = id === undefined ? equalsLiteral(c, '_id') : undefined
      if (typeLiteral !== undefined) type = typeLiteral
      else if (idLiteral !== undefined) id = idLiteral
      else kept.push(c)
    }
    if (type === undefined && id === undefined) return filter
    scan.type = type ?? ''
    scan.id = id
    for (const c of kept) {
      const slug = type !== undefined && scan.slug === undefined ? equalsLiteral(c, 'slug.current') : undefined
      if (slug !== undefined) scan.slug = slug
      else if (type !== undefined && c.type === 'OpCall' && c.op === 'match' && selfContained(c.left) && c.right.type === 'Value') {
        scan.matches.push({ text: c.left, pattern: c.right.value })
      } else if (selfContained(c)) scan.conditions.push(c)
      else rest.push(c)
    }
    const binding: Binding = { name: freshName(), scan, key: scanKey(scan) }
    bindings.push(binding)

    let replacement: ExprNode
    const join = rest.length === 1 ? joinCondition(rest[0]) : undefined
    if (rest.length === 0) replacement = parameter(binding.name)
    else if (join) {
      // coalesce($groups[key == ^.x][0].docs, []): one comparison per group, not per document.
      binding.groupBy = { own: join.own, member: join.member }
      replacement = {
        type: 'FuncCall',
        namespace: 'global',
        name: 'coalesce',
        args: [
          {
            type: 'AccessAttribute',
            name: 'docs',
            base: {
              type: 'AccessElement',
              index: 0,
              base: {
                type: 'Filter',
                base: parameter(binding.name),
                expr: { type: 'OpCall', op: '==', left: { type: 'AccessAttribute', name: 'key' }, right: join.outer },
              },
            },
          },
          { type: 'Array', elements: [] },
        ],
      } as ExprNode
    } else {
      const condition = rest.reduce((left, right) => ({ type: 'And', left, right }) as ExprNode)
      replacement = { type: 'Filter', base: parameter(binding.name), expr: condition }
    }
    planned.set(replacement, binding)
    return replacement
  }

  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit)
    if (typeof node !== 'object' || node === null) return node
    const n = node as Record<string, unknown>
    if (isVolatile(n)) memoisable = false
    const out: Record<string, unknown> = {}
    for (const [k, child] of Object.entries(n)) out[k] = visit(child)
    const rewritten = out as unknown as ExprNode

    if (rewritten.type === 'Filter' && rewritten.base.type === 'Everything') return planFilter(rewritten)
    if (rewritten.type === 'PipeFuncCall') {
      const binding = planned.get(rewritten.base)
      const free = binding && !binding.order && !binding.score && !binding.slice
      if (free && rewritten.name === 'order' && rewritten.args.every(selfContained)) {
        binding.order = rewritten.args
        return rewritten.base
      }
      // score(…) | order(_score desc, rest…): score() sorts by _score, keeping the order of
      // equals, so scoring the documents pre-sorted by the rest gives the final order.
      if (binding?.score && !binding.order && !binding.slice && rewritten.name === 'order' && byScoreThen(rewritten.args)) {
        binding.order = rewritten.args.slice(1)
        return rewritten.base
      }
      const unfiltered = rewritten.base.type === 'Parameter'
      if (free && unfiltered && rewritten.name === 'score' && binding.scan.type && rewritten.args.every(scorable)) {
        binding.score = rewritten.args
        return rewritten.base
      }
    }
    if (rewritten.type === 'Slice') {
      const binding = planned.get(rewritten.base)
      if (binding?.score && !binding.slice) {
        binding.slice = rewritten
        return rewritten.base
      }
    }
    return rewritten
  }
  const plannedTree = visit(tree) as ExprNode

  return {
    tree: plannedTree,
    memoisable,
    bindings: async (view) => {
      const bound: Record<string, unknown> = {}
      for (const binding of bindings) bound[binding.name] = await bind(view, binding)
      return bound
    },
  }
}

async function bind(view: View, binding: Binding): Promise<unknown> {
  const { scan, key, order, groupBy, score } = binding
  if (scan.type) await view.prepareTokenIndexes(scan.type, [...scan.matches.map((m) => m.text), ...matchTexts(score ?? [])])
  const docs = order?.length ? await view.sortedScan(scan, key, order) : await view.scan(scan, key)
  if (groupBy) return view.groups(docs, `${key}\u0000${nodeKey(order)}`, groupBy.own, groupBy.member)
  if (score) return scored(view, scan.type, docs, score, binding.slice)
  return docs
}

/**
 * `docs | score(args)` as groq-js computes it: each object gets `_score` (its own, if a
 * number, plus each argument's weight in turn), and the list is sorted by it, highest
 * first, keeping the order of equals. With a slice, only the documents in it are copied.
 */
async function scored(view: View, type: string, docs: SanityDocument[], args: ExprNode[], slice?: Binding['slice']) {
  const totals = docs.map((doc) => (typeof doc._score === 'number' ? doc._score : 0))
  for (const arg of args) {
    const weights = await scoreAll(view, type, docs, arg)
    for (let i = 0; i < docs.length; i++) totals[i] += weights[i]
  }
  let order = docs.map((_, i) => i).sort((a, b) => totals[b] - totals[a])
  // The slice as groq-js takes it (negative and inclusive bounds included).
  if (slice) order = (await view.evaluateOn({ ...slice, base: { type: 'Parameter', name: 'list' } }, null, { list: order })) as number[]
  return order.map((i) => Object.assign({}, docs[i], { _score: totals[i] }))
}

/** The text sides of the `match` conditions in score() arguments. */
function matchTexts(nodes: ExprNode[]): ExprNode[] {
  return nodes.flatMap((node) => {
    if (node.type === 'OpCall' && node.op === 'match') return [node.left]
    if (node.type === 'FuncCall' && node.name === 'boost') return matchTexts(node.args.slice(0, 1))
    if (node.type === 'Or' || node.type === 'And') return matchTexts([node.left, node.right])
    return []
  })
}

/** One score() argument's weight for each document (groq-js: evaluateScoreSync). */
async function scoreAll(view: View, type: string, docs: SanityDocument[], node: ExprNode): Promise<number[]> {
  if (node.type === 'OpCall' && node.op === 'match' && node.right.type === 'Value') {
    const weights = (await view.tokenIndex(type, node.left)).score(node.right.value)
    return Array.from(view.positionsOf(type, docs), (at) => weights[at])
  }
  if (node.type === 'FuncCall' && node.name === 'boost' && node.args[1]?.type === 'Value') {
    const boost: unknown = node.args[1].value
    const inner = await scoreAll(view, type, docs, node.args[0])
    return inner.map((score) => (typeof boost === 'number' && score > 0 ? score + boost : 0))
  }
  if (node.type === 'Or' || node.type === 'And') {
    const left = await scoreAll(view, type, docs, node.left)
    const right = await scoreAll(view, type, docs, node.right)
    return left.map((l, i) => (node.type === 'Or' ? l + right[i] : l === 0 || right[i] === 0 ? 0 : l + right[i]))
  }
  const weights: number[] = []
  for (const doc of docs) weights.push((await view.evaluateOn(node, doc)) === true ? 1 : 0)
  return weights
}
