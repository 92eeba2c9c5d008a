/**
 * Sanity's asset ids (`image-<hash>-<w>x<h>-<ext>`, `file-<hash>-<ext>`) name their content:
 * a new image is a new id on the document that uses it, whose own change revalidates it.
 */
const isAssetId = (id: string) => id.startsWith('image-') || id.startsWith('file-')

/**
 * The `_id` of every object in a query result, at any depth (an article, its section, the
 * people of its bylines…), each once, in the order they first appear; asset ids left out.
 */
export function documentIds(result: unknown): string[] {
  const ids = new Set<string>()
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit)
      return
    }
    if (value === null || typeof value !== 'object') return
    const { _id: id } = value as { _id?: unknown }
    if (typeof id === 'string' && id !== '' && !isAssetId(id)) ids.add(id)
    Object.values(value).forEach(visit)
  }
  visit(result)
  return [...ids]
}
