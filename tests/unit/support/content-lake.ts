import https from 'node:https'
import type { AddressInfo } from 'node:net'
import type { SanityConfig } from '@/lib/env'
import { createLakeServer, type Doc, type Recorded } from './lake-server'

/**
 * A stand-in for the Content Lake's query endpoint (lake-server.ts), served on 127.0.0.1, for
 * the Sanity sources' tests. It runs the GROQ it receives with groq-js over the documents below,
 * so every result is computed from the request the client really sent, and it answers
 * sync tags as the Content Lake does, for Sanity Live.
 */

export type { Recorded } from './lake-server'

export const PROJECT_ID = 'testproj'
export const DATASET = 'fixture'
export const API_VERSION = '2025-10-01'
export const TOKEN = 'sk-test-read-token'
export const QUERY_PATH = `/v${API_VERSION}/data/query/${DATASET}`
/** The stand-in answers this query with a 500. */
export const FAILING_QUERY = '*[_type == "explode"]'
/** The sync tag the stand-in answers for a perspective's results. */
export const syncTagOf = (perspective: string | null) => `s1:${perspective ?? 'raw'}`

const ref = (id: string) => ({ _type: 'reference', _ref: id })
const slug = (current: string) => ({ _type: 'slug', current })
const block = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }],
})

const harbour: Doc = {
  _id: 'article-harbour',
  _type: 'article',
  headline: 'Harbour reopens',
  slug: slug('harbour-reopens'),
  standfirst: 'Ships return after the storm.',
  keyPoints: ['Cranes back at work'],
  tags: ['ports'],
  publishedAt: '2026-10-01T08:00:00Z',
  language: 'en',
  section: ref('section-world'),
  heroImage: { _type: 'image', asset: ref('image-abc123-1600x900-jpg'), alt: 'The harbour at dawn' },
  bylines: [
    { _key: 'b1', _type: 'byline', role: 'author', person: ref('person-ada') },
    { _key: 'b2', _type: 'byline', role: 'photographer', person: ref('person-tom') },
    // No such person: ARTICLE_QUERY drops bylines that do not resolve.
    { _key: 'b3', _type: 'byline', role: 'editor', person: ref('person-missing') },
  ],
  source: { _type: 'source', name: 'Wire', url: 'https://example.com/wire' },
  body: [block('p1', 'The harbour reopened on Tuesday.'), { _type: 'image', _key: 'i1', asset: ref('image-abc123-1600x900-jpg'), alt: 'Cranes' }],
}

const DOCUMENTS: Doc[] = [
  { _id: 'section-world', _type: 'section', title: 'World', slug: slug('world'), order: 1 },
  { _id: 'person-ada', _type: 'person', name: 'Ada Reporter', slug: slug('ada-reporter'), jobTitle: 'Correspondent' },
  { _id: 'person-tom', _type: 'person', name: 'Tom Lens', slug: slug('tom-lens') },
  {
    _id: 'image-abc123-1600x900-jpg',
    _type: 'sanity.imageAsset',
    metadata: { dimensions: { width: 1600, height: 900 }, lqip: 'data:image/jpeg;base64,AAAA' },
  },
  harbour,
  { ...harbour, _id: 'drafts.article-harbour', headline: 'Harbour reopens (draft edit)' },
]

/** A call the client made through global fetch: the URL and the init it chose (with Next's `next` options). */
export type FetchCall = { url: URL; init: RequestInit & { next?: unknown } }

/**
 * Starts the stand-in before the file's tests and stops it after them. Every request the
 * client makes through global fetch is recorded and sent to the stand-in; Sanity's own
 * hosts are rerouted to it only when `routeSanityHosts` is set (reset before each test);
 * anything else is refused. https.request is refused too, so no test can reach the
 * internet whatever the source does.
 */
export function useContentLakeStandIn() {
  const requests: Recorded[] = []
  const fetchCalls: FetchCall[] = []
  const realFetch = globalThis.fetch
  const lake = {
    requests,
    fetchCalls,
    apiHost: '',
    /** The project on the stand-in, with the read token. */
    config: undefined as unknown as SanityConfig,
    routeSanityHosts: false,
    /** Accept requests and never answer them (reset before each test). */
    paused: false,
    /** Answer this many requests with a 503 before answering again (reset before each test). */
    failures: 0,
    /** Other local origins a test may reach (a port where nothing listens); cleared before each test. */
    reachable: new Set<string>(),
  }
  const server = createLakeServer({ documents: DOCUMENTS, queryPath: QUERY_PATH, failingQuery: FAILING_QUERY, syncTagOf }, lake)

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    lake.apiHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    lake.config = { mode: 'sanity', projectId: PROJECT_ID, dataset: DATASET, apiVersion: API_VERSION, token: TOKEN, apiHost: lake.apiHost }

    jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input))
      fetchCalls.push({ url, init: (init ?? {}) as FetchCall['init'] })
      if (url.origin === lake.apiHost || lake.reachable.has(url.origin)) return realFetch(url, init)
      if (lake.routeSanityHosts && url.hostname.endsWith('.sanity.io')) return realFetch(`${lake.apiHost}${url.pathname}${url.search}`, init)
      throw new Error(`test refused a request to ${url.href}`)
    })
    jest.spyOn(https, 'request').mockImplementation(() => {
      throw new Error('test refused an https request')
    })
  })

  afterAll(async () => {
    jest.restoreAllMocks()
    server.closeAllConnections()
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
  })

  beforeEach(() => {
    requests.length = 0
    fetchCalls.length = 0
    lake.routeSanityHosts = false
    lake.paused = false
    lake.failures = 0
    lake.reachable.clear()
  })

  return lake
}

export const only = <T>(list: T[]): T => {
  expect(list).toHaveLength(1)
  return list[0]
}

/** `request` is a published, tokenless GET of `query` on the dataset, with the slug parameter JSON-encoded. */
export function expectPublishedRead(request: Recorded, query: string, slug: string) {
  expect(request.method).toBe('GET')
  expect(request.path).toBe(QUERY_PATH)
  expect(request.search.get('query')).toBe(query)
  expect(request.search.get('$slug')).toBe(JSON.stringify(slug))
  expect(request.search.get('perspective')).toBe('published')
  expect(request.headers.authorization).toBeUndefined()
  expect(request.headers['x-sanity-project-id']).toBe(PROJECT_ID)
}
