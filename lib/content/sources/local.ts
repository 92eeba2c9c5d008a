import { evaluate, parse, type ExprNode } from 'groq-js'
import type { LocalDataset, SanityDocument } from './ndjson'
import type { ContentSource, FetchOptions, Perspective, QueryParams } from './types'

const DRAFT_PREFIX = 'drafts.'
const MAX_PARSED_QUERIES = 1000

type View = { documents: SanityDocument[]; byId: Map<string, SanityDocument> }

/**
 * Evaluates GROQ in-process over a local dataset with groq-js. Published documents
 * only, unless the drafts perspective is asked for: then each draft replaces its
 * published version (keeping the published _id, as Sanity's drafts perspective does)
 * and draft-only documents appear too.
 */
export function createLocalSource(dataset: LocalDataset): ContentSource {
  const views = new Map<Perspective, View>()
  const parsed = new Map<string, ExprNode>()

  const view = (perspective: Perspective): View => {
    let cached = views.get(perspective)
    if (!cached) {
      const documents = perspective === 'drafts' ? overlayDrafts(dataset.documents) : publishedOnly(dataset.documents)
      cached = { documents, byId: new Map(documents.map((doc) => [doc._id, doc])) }
      views.set(perspective, cached)
    }
    return cached
  }

  // groq-js folds parameters into the tree at parse time (slices must be constant),
  // so a parsed query is kept per query and parameters. Bounded: listings have few pages.
  const tree = (query: string, params: QueryParams): ExprNode => {
    const key = `${query}\u0000${JSON.stringify(params)}`
    let node = parsed.get(key)
    if (!node) {
      if (parsed.size >= MAX_PARSED_QUERIES) parsed.clear()
      node = parse(query, { params })
      parsed.set(key, node)
    }
    return node
  }

  return {
    async fetch(query: string, params: QueryParams, { perspective, uncached }: FetchOptions) {
      const { documents, byId } = view(perspective)
      const result = await evaluate(uncached ? parse(query, { params }) : tree(query, params), {
        dataset: documents,
        params,
        dereference: ({ _ref }) => byId.get(_ref) ?? null,
      })
      return result.get()
    },
  }
}

function publishedOnly(documents: SanityDocument[]): SanityDocument[] {
  return documents.filter((doc) => !doc._id.startsWith(DRAFT_PREFIX))
}

function overlayDrafts(documents: SanityDocument[]): SanityDocument[] {
  const byId = new Map<string, SanityDocument>()
  for (const doc of publishedOnly(documents)) byId.set(doc._id, doc)
  for (const doc of documents) {
    if (!doc._id.startsWith(DRAFT_PREFIX)) continue
    const publishedId = doc._id.slice(DRAFT_PREFIX.length)
    byId.set(publishedId, { ...doc, _id: publishedId, _originalId: doc._id })
  }
  return [...byId.values()]
}
