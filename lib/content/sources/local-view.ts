import { evaluate, evaluateSync, type ExprNode } from 'groq-js'
import { Lru } from '@/lib/lru'
import { countTokens, TokenIndexBuilder, Vocabulary, type TokenCounts, type TokenIndex } from './match-index'
import type { SanityDocument } from './ndjson'

/** What a planned `*[…]` reads: the documents of one type that pass some of its conditions. */
export type Scan = {
  /** `_type == "…"`; empty when the scan is by `_id` only. */
  type: string
  /** `_id == "…"`: read from the id index. */
  id?: string
  /** `slug.current == "…"`: read from the slug index. */
  slug?: string
  /** Conditions on the document alone; with a type, each is evaluated once per document and dataset version. */
  conditions: ExprNode[]
  /** `text match patterns`, answered from the token index of `text`. */
  matches: { text: ExprNode; pattern: unknown }[]
}

/** A key that names a node for the caches: its JSON (groq-js nodes carry functions that JSON leaves out). */
export const nodeKey = (node: unknown) => JSON.stringify(node)

/** The key of a scan's documents in the caches below. */
export const scanKey = (scan: Scan) => nodeKey([scan.type, scan.id, scan.slug, scan.conditions, scan.matches])

/** A scan with `match` conditions (a search) without them, else undefined: its lists are read from that scan's. */
const withoutMatches = (scan: Scan): Scan | undefined => (scan.type && scan.matches.length > 0 ? { ...scan, matches: [] } : undefined)

/** How many of each derived list a view keeps (they are rebuilt from the documents on demand). */
const KEPT = 256
/** How many `match` answers a view keeps: enough for the searches being answered at once. */
const KEPT_MATCHES = 16
/**
 * How long a token index build works between two turns of the event loop. A render waits
 * for the loop at each of its steps: with a turn every 500 documents (about 200 ms at 10,000
 * articles, bodies included) an article page took seconds while an index was being built.
 */
const YIELD_AFTER_MS = 10

/** The value kept under a key, built once however many callers ask for it at the same time; a failed build is forgotten. */
function once<V>(cache: Lru<string, Promise<V>>, key: string, build: () => Promise<V>): Promise<V> {
  let value = cache.get(key)
  if (!value) {
    value = build()
    cache.set(key, value)
    value.catch(() => cache.delete(key))
  }
  return value
}

/** Appends a document to the list under a key, starting the list if there is none. */
function addTo<K>(lists: Map<K, SanityDocument[]>, key: K, doc: SanityDocument) {
  const list = lists.get(key)
  if (list) list.push(doc)
  else lists.set(key, [doc])
}

/** Documents in lists by a key, each list in the given order; a document without a key (undefined) is left out. */
function listsBy<K>(docs: SanityDocument[], keyOf: (doc: SanityDocument, at: number) => K | undefined): Map<K, SanityDocument[]> {
  const lists = new Map<K, SanityDocument[]>()
  docs.forEach((doc, at) => {
    const key = keyOf(doc, at)
    if (key !== undefined) addTo(lists, key, doc)
  })
  return lists
}

/**
 * A perspective's documents, with the indexes the planner (query-plan.ts) reads. The
 * dataset of a LocalDataset never changes, so everything derived here stays true for the
 * life of the view: indexes are built on first use and kept (derived lists in LRUs).
 * Every derived answer comes from groq-js evaluating the query's own expressions on each
 * document, so the view never has to know GROQ's rules itself (except `match`, see
 * match-index.ts).
 */
/**
 * Thrown by a search index build of a dataset version that is no longer served: a newer
 * version replaced it, and finishing would take seconds from the requests on the new one.
 */
export class VersionRetired extends Error {
  override name = 'VersionRetired'
}

export class View {
  readonly byId: Map<string, SanityDocument>
  private readonly byType: Map<string, SanityDocument[]>
  private idLists?: Map<string, SanityDocument[]>
  private readonly bySlug = new Map<string, Map<string, SanityDocument[]>>()
  private readonly positions = new Map<string, Map<SanityDocument, number>>()
  /** For the lists read (the scans and sorted scans kept below, a search's lists), their documents' positions. */
  private readonly listPositions = new WeakMap<SanityDocument[], ArrayLike<number>>()
  // Each kept value is a promise: requests that need it at the same time share one build.
  private readonly conditionResults = new Lru<string, Promise<Uint8Array>>(KEPT)
  private readonly matchResults = new Lru<string, Promise<Uint8Array>>(KEPT_MATCHES)
  private readonly scans = new Lru<string, Promise<SanityDocument[]>>(KEPT)
  private readonly sorted = new Lru<string, Promise<SanityDocument[]>>(KEPT)
  private readonly groupings = new Lru<string, Promise<{ key: unknown; docs: SanityDocument[] }[]>>(KEPT)
  private readonly vocabulary = new Vocabulary()
  private readonly tokenIndexes = new Map<string, Promise<TokenIndex>>()

  /**
   * `version.retired` is set when a newer version of the dataset is served (every view of a
   * version shares it): long builds stop at their next yield.
   */
  constructor(
    readonly documents: SanityDocument[],
    private readonly version: { readonly retired: boolean } = { retired: false },
  ) {
    this.byId = new Map(documents.map((doc) => [doc._id, doc]))
    this.byType = listsBy(documents, (doc) => (typeof doc._type === 'string' ? doc._type : undefined))
  }

  /** The value of an expression with `@` bound to a document, as groq-js computes it. */
  async evaluateOn(node: ExprNode, root: unknown, params: Record<string, unknown> = {}): Promise<unknown> {
    const options = { root, params, dataset: this.documents, dereference: ({ _ref }: { _ref: string }) => this.byId.get(_ref) ?? null }
    try {
      return evaluateSync(node, options).get()
    } catch {
      // The synchronous evaluator refuses a few constructs; the asynchronous one takes them.
      return (await evaluate(node, options)).get()
    }
  }

  private typeDocuments(type: string) {
    return this.byType.get(type) ?? []
  }

  private position(type: string, doc: SanityDocument): number {
    let index = this.positions.get(type)
    if (!index) this.positions.set(type, (index = new Map(this.typeDocuments(type).map((d, i) => [d, i]))))
    return index.get(doc)!
  }

  private slugDocuments(type: string, slug: string): SanityDocument[] {
    let index = this.bySlug.get(type)
    if (!index) {
      index = listsBy(this.typeDocuments(type), (doc) => {
        const current = (doc.slug as { current?: unknown } | undefined)?.current
        return typeof current === 'string' ? current : undefined
      })
      this.bySlug.set(type, index)
    }
    return index.get(slug) ?? []
  }

  /** For each document of a type, whether a condition is true (groq-js's `true`, not merely truthy). */
  private conditionHolds(type: string, condition: ExprNode): Promise<Uint8Array> {
    return once(this.conditionResults, `${type}\u0000${nodeKey(condition)}`, async () => {
      const docs = this.typeDocuments(type)
      const result = new Uint8Array(docs.length)
      for (let i = 0; i < docs.length; i++) result[i] = (await this.evaluateOn(condition, docs[i])) === true ? 1 : 0
      return result
    })
  }

  /**
   * For each document of a type, `text match pattern`. Kept for the few latest patterns only:
   * a search reads it twice (its page and its count), and a reader's patterns are endless.
   */
  private matchHolds(type: string, text: ExprNode, pattern: unknown): Promise<Uint8Array> {
    return once(this.matchResults, `${type}\u0000${nodeKey(text)}\u0000${JSON.stringify(pattern)}`, async () =>
      (await this.tokenIndex(type, text)).match(pattern),
    )
  }

  /** The token index of a text expression over the documents of a type (see prepareTokenIndexes). */
  tokenIndex(type: string, text: ExprNode): Promise<TokenIndex> {
    this.prepareTokenIndexes(type, [text])
    return this.tokenIndexes.get(`${type}\u0000${nodeKey(text)}`)!
  }

  /**
   * Builds the token indexes of several text expressions in one pass over the documents,
   * tokenising each distinct string of a document once (a search's expressions share
   * their texts: the headline alone, and the headline among the other fields).
   */
  prepareTokenIndexes(type: string, texts: ExprNode[]): Promise<unknown> {
    const missing = new Map(texts.map((text) => [`${type}\u0000${nodeKey(text)}`, text]))
    for (const key of missing.keys()) if (this.tokenIndexes.has(key)) missing.delete(key)
    if (missing.size > 0) this.buildTokenIndexes(type, missing)
    return Promise.all(texts.map((text) => this.tokenIndexes.get(`${type}\u0000${nodeKey(text)}`)))
  }

  private buildTokenIndexes(type: string, missing: Map<string, ExprNode>) {
    const build = (async () => {
      const builders = [...missing.values()].map(() => new TokenIndexBuilder(this.vocabulary))
      let turn = performance.now()
      for (const stored of this.typeDocuments(type)) {
        // Packed fields (an article's body) are rebuilt on each read: read each once here.
        const doc = { ...stored }
        const seen = new Map<string, TokenCounts>()
        let i = 0
        for (const text of missing.values()) builders[i++].add(countTokens(await this.evaluateOn(text, doc), this.vocabulary, seen))
        // Seconds of work at 10,000 articles: let other requests through all along.
        if (performance.now() - turn > YIELD_AFTER_MS) {
          await new Promise((resolve) => setImmediate(resolve))
          if (this.version.retired) throw new VersionRetired('the dataset version was replaced while its search index was built')
          turn = performance.now()
        }
      }
      return builders.map((builder) => builder.build())
    })()
    let i = 0
    for (const key of missing.keys()) {
      const at = i++
      this.tokenIndexes.set(
        key,
        build.then((indexes) => indexes[at]),
      )
    }
    build.catch(() => {
      for (const key of missing.keys()) this.tokenIndexes.delete(key)
    })
  }

  /** Every document with an `_id` (a list: a hand-edited file may repeat one). */
  private idDocuments(id: string): SanityDocument[] {
    this.idLists ??= listsBy(this.documents, (doc) => doc._id)
    return this.idLists.get(id) ?? []
  }

  /**
   * The documents a scan reads, in dataset order. A search's (a scan with `match` conditions)
   * are those of the same scan without them, filtered, as in sortedScan: no list per search
   * is kept (a reader's words are endless), and no search sorts anything.
   */
  async scan(scan: Scan, key: string): Promise<SanityDocument[]> {
    const unmatched = withoutMatches(scan)
    if (unmatched) return this.matching(scan, await this.scan(unmatched, scanKey(unmatched)))
    return once(this.scans, key, () => this.read(scan))
  }

  private async read(scan: Scan): Promise<SanityDocument[]> {
    let docs: SanityDocument[]
    if (!scan.type) {
      // By id alone: at most a document or two, each condition evaluated on them directly.
      docs = []
      for (const doc of this.idDocuments(scan.id!)) {
        let keep = true
        for (const condition of scan.conditions) keep &&= (await this.evaluateOn(condition, doc)) === true
        if (keep) docs.push(doc)
      }
    } else {
      let candidates = scan.slug === undefined ? this.typeDocuments(scan.type) : this.slugDocuments(scan.type, scan.slug)
      if (scan.id !== undefined) candidates = candidates.filter((doc) => doc._id === scan.id)
      const tests: ArrayLike<unknown>[] = []
      for (const condition of scan.conditions) tests.push(await this.conditionHolds(scan.type, condition))
      const all = candidates === this.typeDocuments(scan.type)
      docs = candidates.filter((doc, i) => {
        const at = all ? i : this.position(scan.type, doc)
        return tests.every((test) => test[at])
      })
    }
    return docs
  }

  /**
   * A scan's documents in the order `order(…)` gives them, sorted by groq-js itself. Its
   * sort is stable, so any subset of this list, kept in this order, is what sorting that
   * subset (in dataset order) would give.
   */
  async sortedScan(scan: Scan, key: string, orderArgs: ExprNode[]): Promise<SanityDocument[]> {
    const unmatched = withoutMatches(scan)
    if (unmatched) return this.matching(scan, await this.sortedScan(unmatched, scanKey(unmatched), orderArgs))
    return once(this.sorted, `${key}\u0000${nodeKey(orderArgs)}`, async () => {
      const order = { type: 'PipeFuncCall', name: 'order', base: { type: 'Parameter', name: 'scan' }, args: orderArgs } as ExprNode
      return (await this.evaluateOn(order, null, { scan: await this.scan(scan, key) })) as SanityDocument[]
    })
  }

  /** The documents of a list (of the scan's type) that pass the scan's `match` conditions, in the list's order. */
  private async matching(scan: Scan, list: SanityDocument[]): Promise<SanityDocument[]> {
    const tests: Uint8Array[] = []
    for (const { text, pattern } of scan.matches) tests.push(await this.matchHolds(scan.type, text, pattern))
    const from = this.positionsOf(scan.type, list)
    const docs: SanityDocument[] = []
    const positions: number[] = []
    for (let i = 0; i < list.length; i++) {
      if (!tests.every((test) => test[from[i]])) continue
      docs.push(list[i])
      positions.push(from[i])
    }
    this.listPositions.set(docs, positions)
    return docs
  }

  /**
   * Documents grouped by the value of an expression on each (a string, number, boolean or
   * null: the values GROQ's `==` can find equal), each group in the list's order.
   * Documents whose value is an object or an array equal nothing and are in no group.
   */
  groups(docs: SanityDocument[], listKey: string, by: ExprNode, member = false) {
    return once(this.groupings, `${listKey}\u0000${nodeKey(by)}\u0000${member}`, async () => {
      // What GROQ's == (and `in`, element by element) can find equal: anything but an object or array.
      const equalsSomething = (value: unknown) => typeof value !== 'object' || value === null
      const byValue = new Map<unknown, SanityDocument[]>()
      for (const doc of docs) {
        const value = await this.evaluateOn(by, doc)
        // `x in <array>`: the document belongs to the group of each distinct element, once.
        const keys = member ? (Array.isArray(value) ? new Set(value) : []) : [value]
        for (const key of keys) if (equalsSomething(key)) addTo(byValue, key, doc)
      }
      return [...byValue].map(([value, members]) => ({ key: value, docs: members }))
    })
  }

  /** Where each document of a list sits in its type's list (token indexes are in that order). */
  positionsOf(type: string, docs: SanityDocument[]): ArrayLike<number> {
    let positions = this.listPositions.get(docs)
    if (!positions) {
      positions = Uint32Array.from(docs, (doc) => this.position(type, doc))
      this.listPositions.set(docs, positions)
    }
    return positions
  }
}
