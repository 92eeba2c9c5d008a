import type { SanityDocument } from '@/lib/content/sources/ndjson'

/** Mendoza's "replace with this value" operation: the whole document, an encoding that is always valid. */
const VALUE = 0

const withoutRevision = (doc: SanityDocument | null) => {
  if (!doc) return null
  const { _rev: _omitted, ...rest } = doc
  return rest
}

/**
 * The Mendoza effects of a change, as the listener and the history send them: `apply` turns the
 * document before (without its `_rev`, as the Studio applies it) into the document after, and
 * `revert` the other way; a missing document is null. They are whole-value patches: the `mendoza`
 * package has no encoder, and the Studio applies them with the same decoder as minimal ones.
 */
export function effectsOf(before: SanityDocument | null, after: SanityDocument | null) {
  return { apply: [VALUE, withoutRevision(after)], revert: [VALUE, withoutRevision(before)] }
}
