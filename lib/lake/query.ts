import type { EditorPerspective, LocalSource } from '@/lib/content/sources/local'
import { badRequest } from './errors'

/** A query's parameters: each `$name` of the URL, as JSON. */
export function queryParamsOf(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of search) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(value)
    } catch {
      throw badRequest(`The parameter ${key} is not valid JSON.`)
    }
  }
  return params
}

const PERSPECTIVES = new Set<EditorPerspective>(['raw', 'published', 'drafts'])

export function perspectiveOf(value: unknown, apiVersion: string): EditorPerspective {
  // Sanity's default: `published` from API version 2025-02-19 on, `raw` before.
  if (value === undefined || value === null || value === '') return apiVersion >= '2025-02-19' ? 'published' : 'raw'
  const name = Array.isArray(value) ? (value.length === 1 ? value[0] : value.join(',')) : value
  if (!PERSPECTIVES.has(name as EditorPerspective)) throw badRequest(`The perspective "${String(name)}" is not one of raw, published, drafts.`)
  return name as EditorPerspective
}

/** GET or POST /data/query: the result as Sanity shapes it, with the time it took. */
export async function runQuery(source: LocalSource, query: unknown, params: Record<string, unknown>, perspective: EditorPerspective) {
  if (typeof query !== 'string' || !query.trim()) throw badRequest('The request needs a "query".')
  const started = performance.now()
  let result: unknown
  try {
    result = await source.fetchAsEditor(query, params, perspective)
  } catch (error) {
    throw badRequest(`The query is not valid GROQ: ${(error as Error).message}`)
  }
  return { query, result, ms: Math.round(performance.now() - started) }
}
