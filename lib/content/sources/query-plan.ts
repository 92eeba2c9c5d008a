import type { ExprNode } from 'groq-js'
import { documentsFor, type View } from './local-view'
import type { SanityDocument } from './ndjson'
import type { QueryParams } from './types'

/*
 * Query planning for the local source: which documents each `*[…]` filter needs to read.
 * See createLocalSource (local.ts) for the rules, and tests/unit/local-engine.test.ts.
 */
export type Plan = {
  tree: ExprNode
  /** The values of the planner's parameters for a view: the documents each planned filter reads. */
  bindings: (view: View) => Record<string, SanityDocument[]>
  /** False when the answer can change without the dataset changing (the clock, the identity). */
  memoisable: boolean
}

export type Scan = { type: string; slug?: string; pieces?: string[] }

/**
 * Rewrites every `*[condition]` whose condition narrows the documents it can keep (see
 * createLocalSource) into a filter over a parameter holding just those documents, in
 * dataset order. Nothing else in the tree changes.
 */
export function planQuery(tree: ExprNode, params: QueryParams): Plan {
  const scans: Scan[] = []
  const names: string[] = []
  let memoisable = true
  let counter = 0
  const freshName = () => {
    let name: string
    do name = `__local_scan_${counter++}`
    while (Object.prototype.hasOwnProperty.call(params, name))
    return name
  }

  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit)
    if (typeof node !== 'object' || node === null) return node
    const n = node as Record<string, unknown>
    if (n.type === 'Context' || (n.type === 'FuncCall' && (n.name === 'now' || n.name === 'identity'))) memoisable = false
    const out: Record<string, unknown> = {}
    for (const [k, child] of Object.entries(n)) out[k] = visit(child)
    if (out.type === 'Filter' && (out.base as ExprNode).type === 'Everything') {
      const scan = scanFor(out.expr as ExprNode)
      if (scan) {
        const name = freshName()
        scans.push(scan)
        names.push(name)
        out.base = { type: 'Parameter', name }
      }
    }
    return out
  }
  const planned = visit(tree) as ExprNode

  return {
    tree: planned,
    memoisable,
    bindings: (view) => {
      const bound: Record<string, SanityDocument[]> = {}
      scans.forEach((scan, i) => (bound[names[i]] = documentsFor(view, scan)))
      return bound
    },
  }
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

/** `@.a.b…` (attributes of the current document only) as a path, else undefined. */
function ownPath(node: ExprNode): string[] | undefined {
  const path: string[] = []
  let current: ExprNode | undefined = node
  while (current && current.type === 'AccessAttribute') {
    path.unshift(current.name)
    current = current.base
  }
  if (current && current.type !== 'This') return undefined
  return path.length > 0 ? path : undefined
}

/** `path == "literal"` or `"literal" == path`, with a string literal. */
function equalsLiteral(node: ExprNode, path: string): string | undefined {
  if (node.type !== 'OpCall' || node.op !== '==') return undefined
  for (const [a, b] of [
    [node.left, node.right],
    [node.right, node.left],
  ]) {
    if (b.type === 'Value' && typeof b.value === 'string' && ownPath(a)?.join('.') === path) return b.value
  }
  return undefined
}

function scanFor(condition: ExprNode): Scan | undefined {
  const all = conjuncts(condition)
  let type: string | undefined
  let slug: string | undefined
  let pieces: string[] | undefined
  for (const c of all) {
    type ??= equalsLiteral(c, '_type')
    slug ??= equalsLiteral(c, 'slug.current')
    pieces ??= matchPieces(c)
  }
  // Without a type the scan would be the whole dataset anyway; keep groq-js's own plan.
  return type === undefined ? undefined : { type, slug, pieces }
}

// `match`: groq-js splits the text into tokens at these separators and each pattern into
// terms, each a case-insensitive regular expression `^term$` with `*` for any characters
// (node_modules/groq-js: matchTokenize, matchPatternRegex). A document can only match if
// every literal piece of every term is inside one of the strings it supplies to `match`.
const MATCH_TERM = /([^!@#$%^&(),\\/?";:{}|[\]+<>\s-])+/g
const MATCH_EDGE = /(\b\.+|\.+\b)/g

/**
 * For `<text of this document> match "literal patterns"`, the pieces every matching
 * document's text contains (upper-cased); undefined when the left side could take text
 * from anywhere else or join strings, or the patterns are not literal strings.
 */
function matchPieces(node: ExprNode): string[] | undefined {
  if (node.type !== 'OpCall' || node.op !== 'match') return undefined
  if (node.right.type !== 'Value') return undefined
  const value: unknown = node.right.value
  const patterns = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((p) => typeof p === 'string') ? (value as string[]) : undefined
  if (!patterns || !ownText(node.left)) return undefined
  const pieces: string[] = []
  for (const pattern of patterns) {
    for (const term of pattern.replace(MATCH_EDGE, '').match(MATCH_TERM) ?? []) {
      // `.` is a regular-expression wildcard inside a term, like `*`.
      for (const piece of term.slice(0, 1024).split(/[*.]/)) if (piece) pieces.push(piece.toUpperCase())
    }
  }
  // Literal strings on the left side are text every document supplies.
  const literals = literalStrings(node.left).map((s) => s.toUpperCase())
  return pieces.filter((piece) => !literals.some((s) => s.includes(piece)))
}

/**
 * True when every string the expression can produce is a whole string of the current
 * document, the text of a Portable Text block in it (`pt::text`), or a literal: no
 * dereference, parent, parameter, other function, and no `+` that could join strings.
 */
function ownText(node: ExprNode): boolean {
  switch (node.type) {
    case 'This':
    case 'Value':
      return true
    case 'AccessAttribute':
      return ownPath(node) !== undefined
    case 'Group':
      return ownText(node.base)
    case 'Array':
      return node.elements.every((element) => ownText(element.value))
    case 'FuncCall':
      return (
        ((node.namespace === 'global' && node.name === 'coalesce') || (node.namespace === 'pt' && node.name === 'text')) &&
        node.args.every(ownText)
      )
    case 'OpCall':
      // array + array concatenates; with an array literal on one side, `+` never joins strings.
      return node.op === '+' && (node.left.type === 'Array' || node.right.type === 'Array') && ownText(node.left) && ownText(node.right)
    default:
      return false
  }
}

function literalStrings(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => literalStrings(child, out))
  else if (typeof node === 'object' && node !== null) {
    const n = node as Record<string, unknown>
    if (n.type === 'Value') collectStrings(n.value, out)
    else Object.values(n).forEach((child) => literalStrings(child, out))
  }
  return out
}

function collectStrings(value: unknown, out: string[]) {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) value.forEach((item) => collectStrings(item, out))
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((item) => collectStrings(item, out))
}
