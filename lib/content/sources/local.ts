import { parse } from 'groq-js'
import { isDraftId, publishedIdOf } from './draft-ids'
import { View } from './local-view'
import { Lru } from '@/lib/lru'
import { Recent } from './recent'
import { planQuery, type Plan } from './query-plan'
import type { LocalDataset, SanityDocument } from './ndjson'
import type { ContentSource, FetchOptions, Perspective, QueryParams } from './types'

/** Parsed and planned queries kept, per query and parameters (a search's are never kept). */
const MAX_PLANS = 1000
/** Results kept, per perspective, query and parameters (searches are kept apart, below). */
const MAX_RESULTS = 500
/**
 * Searches (uncached fetches) answered lately, per perspective, query and parameters: a
 * repeated search, the same hostile one sent again and again included, costs nothing. Bounded
 * in number and in time: a reader's words are endless, and what they typed is not kept for long.
 */
const MAX_SEARCHES = 300
const SEARCH_MEMO_MS = 15_000

/**
 * Evaluates GROQ in-process over a local dataset with groq-js. Published documents
 * only, unless the drafts perspective is asked for: then each draft replaces its
 * published version (keeping the published _id, as Sanity's drafts perspective does)
 * and draft-only documents appear too.
 *
 * The answers are exactly those of groq-js over the whole dataset; what changes is how
 * much work each takes (README, "Local engine"; tests/unit/local-engine.test.ts checks
 * the answers against plain groq-js):
 * - each query is parsed and planned once per parameters (query-plan.ts): a filter over
 *   every document (`*[…]`) that requires `_type == "x"` (or `_id == "x"`) becomes a read
 *   of just the documents it can keep. Its conditions on the document alone are
 *   evaluated by groq-js once per document and dataset version and remembered
 *   (`defined(slug.current)`, `section._ref == "…"`); `slug.current == "y"` and
 *   `_id == "y"` are read from indexes; `text match patterns` from a token index
 *   (match-index.ts). Conditions on an enclosing scope stay for groq-js, except one
 *   `<own value> == ^.<value>` or `^.<value> in <own array>`, answered by grouping the
 *   documents by their own value (or each element of it);
 * - the `| order(…)` that follows such a filter reads the documents pre-sorted (by
 *   groq-js, once per dataset version), and `| score(…)` is computed from the token index;
 * - results are memoised per perspective, query and parameters (bounded LRU), except
 *   for queries that read the clock; `uncached` fetches (searches) only for SEARCH_MEMO_MS,
 *   in a memo of their own (recent.ts), and their parsed query is not kept.
 */
export type LocalSource = ContentSource & {
  /**
   * A query of the local Content Lake (lib/lake), for an editor: over every document, private
   * ids included (see isPrivateId), in Sanity's `raw`, `published` or `drafts` perspective.
   * Nothing of it is kept: an editor's queries are arbitrary, and only the parsed dataset's
   * indexes are shared with the reader site's queries.
   */
  fetchAsEditor(query: string, params: QueryParams, perspective: EditorPerspective): Promise<unknown>
  /**
   * Called when a newer version is served: its search index builds stop (VersionRetired),
   * rather than take seconds of the server's one thread from the requests on the new version.
   */
  retire(): void
}

export function createLocalSource(dataset: LocalDataset): LocalSource {
  const version = { retired: false }
  const plans = new Lru<string, Plan>(MAX_PLANS)
  const results = new Lru<string, unknown>(MAX_RESULTS)
  const searches = new Recent<string, Promise<unknown>>(MAX_SEARCHES, SEARCH_MEMO_MS)

  const views = new Map<string, View>()
  const view = (perspective: EditorPerspective, editor = false): View => {
    const key = `${perspective}${editor ? ':editor' : ''}`
    let cached = views.get(key)
    if (!cached) {
      const documents = editor ? dataset.documents : dataset.documents.filter((doc) => !isPrivateId(doc._id))
      const chosen = perspective === 'raw' ? documents : perspective === 'drafts' ? overlayDrafts(documents) : publishedOnly(documents)
      cached = new View(chosen, version)
      views.set(key, cached)
    }
    return cached
  }

  return {
    async fetchAsEditor(query, params, perspective) {
      const plan = planQuery(parse(query, { params }), params)
      const v = view(perspective, true)
      return v.evaluateOn(plan.tree, null, { ...params, ...(await plan.bindings(v)) })
    },
    retire() {
      version.retired = true
    },
    async fetch(query: string, params: QueryParams, { perspective, uncached }: FetchOptions) {
      const key = `${query}\u0000${JSON.stringify(params)}`
      const resultKey = `${perspective}\u0000${key}`
      if (!uncached && results.has(resultKey)) return results.get(resultKey)
      const recent = uncached ? searches.get(resultKey) : undefined
      if (recent) return recent

      let plan = uncached ? undefined : plans.get(key)
      if (!plan) {
        plan = planQuery(parse(query, { params }), params)
        if (!uncached) plans.set(key, plan)
      }
      const { tree, bindings, memoisable } = plan
      const v = view(perspective)
      const result = (async () => v.evaluateOn(tree, null, { ...params, ...(await bindings(v)) }))()
      if (uncached && memoisable) {
        // Kept as a promise: the same search sent many times at once is answered once.
        searches.set(resultKey, result)
        result.catch(() => {
          if (searches.get(resultKey) === result) searches.delete(resultKey)
        })
      }
      if (!uncached && memoisable) results.set(resultKey, await result)
      return result
    },
  }
}

/** The perspectives of Sanity's query API: `raw` is every document, drafts and versions included. */
export type EditorPerspective = Perspective | 'raw'

/**
 * Whether a document is private: Sanity hides documents whose id holds a `.` after `drafts.`
 * (such as the preview-URL secrets the Studio creates) from requests without a token. The
 * reader site never sees them; an editor's queries do.
 */
export const isPrivateId = (id: string) => publishedIdOf(id).includes('.')

function publishedOnly(documents: SanityDocument[]): SanityDocument[] {
  return documents.filter((doc) => !isDraftId(doc._id))
}

function overlayDrafts(documents: SanityDocument[]): SanityDocument[] {
  const byId = new Map<string, SanityDocument>()
  for (const doc of publishedOnly(documents)) byId.set(doc._id, doc)
  for (const doc of documents) {
    if (!isDraftId(doc._id)) continue
    const publishedId = publishedIdOf(doc._id)
    byId.set(publishedId, { ...doc, _id: publishedId, _originalId: doc._id })
  }
  return [...byId.values()]
}
