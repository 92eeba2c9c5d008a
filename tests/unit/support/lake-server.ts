import http from 'node:http'
import { evaluate, parse } from 'groq-js'

/**
 * An HTTP server that answers the Content Lake's query endpoint over a list of documents, by
 * running the GROQ it receives with groq-js: the stand-in of the Sanity sources' unit tests
 * (content-lake.ts) and of the browser tests in Sanity mode (tests/e2e/lake-outage.e2e.ts).
 * It can be paused, as a Content Lake that hangs: it accepts requests and never answers them.
 */

export type Doc = Record<string, unknown> & { _id: string; _type: string }

export type Recorded = {
  method: string
  host: string
  path: string
  search: URLSearchParams
  headers: http.IncomingHttpHeaders
  body: string
  /** What the stand-in answered as `result`, when it answered 200. */
  answered?: unknown
}

export type LakeServerOptions = {
  documents: Doc[]
  /** The query path served: `/v<apiVersion>/data/query/<dataset>`. */
  queryPath: string
  /** The stand-in answers this query with a 500. */
  failingQuery?: string
  /** The sync tag answered for a perspective's results, for Sanity Live. */
  syncTagOf?: (perspective: string | null) => string
}

/** What a test changes as it goes: `paused` holds every request unanswered; `failures` answers that many with a 503 first. */
export type LakeControls = { paused: boolean; failures: number; requests: Recorded[] }

function documentsFor(documents: Doc[], perspective: string | null): Doc[] {
  const published = documents.filter((doc) => !doc._id.startsWith('drafts.'))
  if (perspective === 'published') return published
  if (perspective !== 'drafts') return documents // raw
  // Each draft replaces its published version under the published id, as the Content Lake does.
  const byId = new Map(published.map((doc) => [doc._id, doc]))
  for (const doc of documents) {
    if (!doc._id.startsWith('drafts.')) continue
    const id = doc._id.slice('drafts.'.length)
    byId.set(id, { ...doc, _id: id, _originalId: doc._id })
  }
  return [...byId.values()]
}

function send(res: http.ServerResponse, status: number, payload: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(payload))
}

async function answer(options: LakeServerOptions, entry: Recorded, res: http.ServerResponse) {
  if (entry.path !== options.queryPath || !['GET', 'POST'].includes(entry.method)) {
    return send(res, 404, { error: { description: `no route for ${entry.method} ${entry.path}`, type: 'httpError' } })
  }
  let query: string | null
  let params: Record<string, unknown> = {}
  if (entry.method === 'POST') {
    const body = JSON.parse(entry.body) as { query: string; params?: Record<string, unknown> }
    query = body.query
    params = body.params ?? {}
  } else {
    query = entry.search.get('query')
    for (const [key, value] of entry.search) if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(value)
  }
  if (!query) return send(res, 400, { error: { description: 'missing query', type: 'queryParseError' } })
  if (query === options.failingQuery) {
    return send(res, 500, { error: { description: 'Stand-in Content Lake failure', type: 'internalError' } })
  }
  const perspective = entry.search.get('perspective')
  const tree = parse(query, { params })
  const result = await (await evaluate(tree, { dataset: documentsFor(options.documents, perspective), params })).get()
  entry.answered = result
  send(res, 200, { ms: 1, query, result, ...(options.syncTagOf ? { syncTags: [options.syncTagOf(perspective)] } : {}) })
}

/** The server, not listening yet; every request is recorded in `controls.requests`. */
export function createLakeServer(options: LakeServerOptions, controls: LakeControls): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in')
      const entry: Recorded = {
        method: req.method ?? '',
        host: req.headers.host ?? '',
        path: url.pathname,
        search: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      controls.requests.push(entry)
      // Paused: the connection stays open and nothing is ever answered, as from a Content Lake that hangs.
      if (controls.paused) return
      if (controls.failures > 0) {
        controls.failures -= 1
        return send(res, 503, { error: { description: 'Stand-in Content Lake overloaded', type: 'httpError' } })
      }
      answer(options, entry, res).catch((error: Error) => send(res, 400, { error: { description: error.message, type: 'queryParseError' } }))
    })
  })
}
