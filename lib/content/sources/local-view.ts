import type { SanityDocument } from './ndjson'
import type { Scan } from './query-plan'

/**
 * A perspective's documents, with the indexes the planner uses. Built once per
 * perspective: the dataset is immutable for the life of a LocalDataset.
 */
export type View = {
  documents: SanityDocument[]
  byId: Map<string, SanityDocument>
  /** Documents by `_type`, each list in dataset order. */
  byType: Map<string, SanityDocument[]>
  /** Per type, documents by `slug.current` (strings only), each list in dataset order; built on first use. */
  bySlug: Map<string, Map<string, SanityDocument[]>>
  /** Per type, each document's searchable text (see `haystack`); built on first use. */
  text: Map<string, string[]>
}

/**
 * A document's searchable text, upper-cased: each of its strings, and the text of each
 * object with `children` (Portable Text blocks: their spans' text joined, as pt::text
 * does), separated by a newline (a token separator).
 */
function haystack(doc: SanityDocument): string {
  const parts: string[] = []
  const walk = (value: unknown) => {
    if (typeof value === 'string') parts.push(value)
    else if (Array.isArray(value)) value.forEach(walk)
    else if (typeof value === 'object' && value !== null) {
      // Exactly the spans pt::text joins: a piece spanning two spans must be found whole.
      const children = (value as { children?: unknown }).children
      if (Array.isArray(children)) {
        let text = ''
        for (const child of children) {
          if (child && typeof child === 'object' && child._type === 'span' && typeof child.text === 'string') text += child.text
        }
        parts.push(text)
      }
      Object.values(value).forEach(walk)
    }
  }
  walk(doc)
  return parts.join('\n').toUpperCase()
}

export function documentsFor(view: View, scan: Scan): SanityDocument[] {
  let docs = view.byType.get(scan.type) ?? []
  if (scan.slug !== undefined) {
    let index = view.bySlug.get(scan.type)
    if (!index) {
      index = new Map()
      for (const doc of docs) {
        const slug = (doc.slug as { current?: unknown } | undefined)?.current
        if (typeof slug !== 'string') continue
        const list = index.get(slug)
        if (list) list.push(doc)
        else index.set(slug, [doc])
      }
      view.bySlug.set(scan.type, index)
    }
    docs = index.get(scan.slug) ?? []
  }
  if (scan.pieces && scan.pieces.length > 0) {
    const all = view.byType.get(scan.type) ?? []
    let texts = view.text.get(scan.type)
    if (!texts) view.text.set(scan.type, (texts = all.map(haystack)))
    const pieces = scan.pieces
    if (docs === all) {
      const kept: SanityDocument[] = []
      for (let i = 0; i < all.length; i++) if (pieces.every((piece) => texts[i].includes(piece))) kept.push(all[i])
      docs = kept
    } else {
      const position = new Map(all.map((doc, i) => [doc, i]))
      docs = docs.filter((doc) => pieces.every((piece) => texts[position.get(doc)!].includes(piece)))
    }
  }
  return docs
}
