import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { evaluate, parse } from 'groq-js'
import type { SanityConfig } from '@/lib/env'
import { ARTICLE_QUERY } from '@/lib/content/queries'
import { createSanitySource } from '@/lib/content/sources/sanity'

/**
 * The Sanity source against a stand-in for the Content Lake's query endpoint, served
 * on 127.0.0.1. The stand-in runs the GROQ it receives with groq-js over the documents
 * below, so every result is computed from the request the client really sent.
 */

const PROJECT_ID = 'testproj'
const DATASET = 'fixture'
const API_VERSION = '2025-10-01'
const TOKEN = 'sk-test-read-token'
const QUERY_PATH = `/v${API_VERSION}/data/query/${DATASET}`
/** The stand-in answers this query with a 500. */
const FAILING_QUERY = '*[_type == "explode"]'

type Doc = Record<string, unknown> & { _id: string; _type: string }
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
  body: [
    block('p1', 'The harbour reopened on Tuesday.'),
    { _type: 'image', _key: 'i1', asset: ref('image-abc123-1600x900-jpg'), alt: 'Cranes' },
  ],
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

// --- The stand-in ---------------------------------------------------------------

type Recorded = {
  method: string
  host: string
  path: string
  search: URLSearchParams
  headers: http.IncomingHttpHeaders
  body: string
  /** What the stand-in answered as `result`, when it answered 200. */
  answered?: unknown
}

const requests: Recorded[] = []

function documentsFor(perspective: string | null): Doc[] {
  const published = DOCUMENTS.filter((doc) => !doc._id.startsWith('drafts.'))
  if (perspective === 'published') return published
  if (perspective !== 'drafts') return DOCUMENTS // raw
  // Each draft replaces its published version under the published id, as the Content Lake does.
  const byId = new Map(published.map((doc) => [doc._id, doc]))
  for (const doc of DOCUMENTS) {
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

async function answer(entry: Recorded, res: http.ServerResponse) {
  if (entry.path !== QUERY_PATH || !['GET', 'POST'].includes(entry.method)) {
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
  if (query === FAILING_QUERY) {
    return send(res, 500, { error: { description: 'Stand-in Content Lake failure', type: 'internalError' } })
  }
  const tree = parse(query, { params })
  const result = await (await evaluate(tree, { dataset: documentsFor(entry.search.get('perspective')), params })).get()
  entry.answered = result
  send(res, 200, { ms: 1, query, result })
}

const server = http.createServer((req, res) => {
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
    requests.push(entry)
    answer(entry, res).catch((error: Error) => send(res, 400, { error: { description: error.message, type: 'queryParseError' } }))
  })
})

let apiHost = ''
let config: SanityConfig

// Every request the client makes goes through global fetch here (the source always
// passes Next fetch options, so get-it uses fetch). The spy records the URL and init
// the client chose and sends the request to the stand-in. Sanity's own hosts are
// rerouted to it only in the test that opts in; anything else is refused.
// https.request is refused too, so no test can reach the internet whatever the source does.
type FetchCall = { url: URL; init: RequestInit & { next?: unknown } }
const fetchCalls: FetchCall[] = []
const realFetch = globalThis.fetch
let routeSanityHosts = false

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  apiHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  config = { mode: 'sanity', projectId: PROJECT_ID, dataset: DATASET, apiVersion: API_VERSION, token: TOKEN, apiHost }

  jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    fetchCalls.push({ url, init: (init ?? {}) as FetchCall['init'] })
    if (url.origin === apiHost) return realFetch(url, init)
    if (routeSanityHosts && url.hostname.endsWith('.sanity.io')) return realFetch(`${apiHost}${url.pathname}${url.search}`, init)
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
  routeSanityHosts = false
})

const only = <T>(list: T[]): T => {
  expect(list).toHaveLength(1)
  return list[0]
}

// --- Tests ----------------------------------------------------------------------

const HEADLINE_QUERY = '*[_type == "article" && slug.current == $slug][0]{ _id, headline }'

describe('published reads', () => {
  it('query the dataset with JSON-encoded params, the published perspective and no token, cached by Next', async () => {
    const result = await createSanitySource(config).fetch(HEADLINE_QUERY, { slug: 'harbour-reopens' }, {
      perspective: 'published',
      tags: ['article:harbour-reopens'],
    })

    const request = only(requests)
    expect(request.method).toBe('GET')
    expect(request.host).toBe(new URL(apiHost).host) // the configured apiHost, no project subdomain
    expect(request.path).toBe(QUERY_PATH)
    expect(request.search.get('query')).toBe(HEADLINE_QUERY)
    expect(request.search.get('$slug')).toBe('"harbour-reopens"')
    expect(request.search.get('perspective')).toBe('published')
    expect(request.headers.authorization).toBeUndefined()
    expect(request.headers['x-sanity-project-id']).toBe(PROJECT_ID)

    // The published document, not the draft, exactly as the stand-in computed it.
    expect(result).toEqual({ _id: 'article-harbour', headline: 'Harbour reopens' })
    expect(result).toEqual(request.answered)

    // Next's data cache: revalidated after a minute, invalidated by the tags; not no-store.
    const { init } = only(fetchCalls)
    expect(init.next).toEqual({ revalidate: 60, tags: ['article:harbour-reopens'] })
    expect(init.cache).toBeUndefined()
  })

  it('go to the CDN host, and drafts to the API host, on Sanity’s own hosts', async () => {
    // With a custom apiHost the client uses the same URL with or without the CDN, so
    // the CDN is only visible with the default host: <projectId>.apicdn.sanity.io.
    // The fetch spy routes these requests to the stand-in.
    routeSanityHosts = true
    const { apiHost: _custom, ...defaultHosts } = config
    const source = createSanitySource(defaultHosts)

    await source.fetch(HEADLINE_QUERY, { slug: 'harbour-reopens' }, { perspective: 'published', tags: [] })
    await source.fetch(HEADLINE_QUERY, { slug: 'harbour-reopens' }, { perspective: 'drafts', tags: [] })

    expect(fetchCalls.map((call) => call.url.origin)).toEqual([
      `https://${PROJECT_ID}.apicdn.sanity.io`,
      `https://${PROJECT_ID}.api.sanity.io`,
    ])
    expect(fetchCalls.every((call) => call.url.pathname === QUERY_PATH)).toBe(true)
    expect(requests.map((request) => request.headers.authorization)).toEqual([undefined, `Bearer ${TOKEN}`])
    expect(requests.map((request) => request.answered)).toEqual([
      { _id: 'article-harbour', headline: 'Harbour reopens' },
      { _id: 'article-harbour', headline: 'Harbour reopens (draft edit)' },
    ])
  })

  it('still answer when the query is too long for a URL and is POSTed', async () => {
    const padding = `// ${'x'.repeat(12_000)}\n`
    const query = `${padding}${HEADLINE_QUERY}`
    const result = await createSanitySource(config).fetch(query, { slug: 'harbour-reopens' }, { perspective: 'published', tags: [] })

    const request = only(requests)
    expect(request.method).toBe('POST')
    expect(JSON.parse(request.body)).toEqual({ query, params: { slug: 'harbour-reopens' } })
    expect(request.search.get('perspective')).toBe('published')
    expect(request.headers.authorization).toBeUndefined()
    expect(result).toEqual({ _id: 'article-harbour', headline: 'Harbour reopens' })
  })
})

describe('draft reads', () => {
  it('use the drafts perspective, the read token and no cache, and show the draft', async () => {
    const result = await createSanitySource(config).fetch(HEADLINE_QUERY, { slug: 'harbour-reopens' }, {
      perspective: 'drafts',
      tags: ['article:harbour-reopens'],
    })

    const request = only(requests)
    expect(request.path).toBe(QUERY_PATH)
    expect(request.search.get('query')).toBe(HEADLINE_QUERY)
    expect(request.search.get('$slug')).toBe('"harbour-reopens"')
    expect(request.search.get('perspective')).toBe('drafts')
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`)

    expect(result).toEqual({ _id: 'article-harbour', headline: 'Harbour reopens (draft edit)' })
    expect(result).toEqual(request.answered)

    const { init } = only(fetchCalls)
    expect(init.cache).toBe('no-store')
    expect(init.next).toBeUndefined()
  })

  it('reject without a token, naming SANITY_API_READ_TOKEN, and send nothing', async () => {
    const { token: _token, ...noToken } = config
    await expect(
      createSanitySource(noToken).fetch(HEADLINE_QUERY, { slug: 'harbour-reopens' }, { perspective: 'drafts', tags: [] }),
    ).rejects.toThrow(/SANITY_API_READ_TOKEN/)
    expect(requests).toHaveLength(0)
    expect(fetchCalls).toHaveLength(0)
  })
})

describe('errors', () => {
  it('reject when the Content Lake answers 500', async () => {
    const fetching = createSanitySource(config).fetch(FAILING_QUERY, {}, { perspective: 'published', tags: [] })
    await expect(fetching).rejects.toMatchObject({ statusCode: 500, message: expect.stringContaining('Stand-in Content Lake failure') })
    expect(only(requests).search.get('query')).toBe(FAILING_QUERY)
  })
})

describe('the site’s queries', () => {
  it('run ARTICLE_QUERY end to end: references, image assets and bylines resolved by the Content Lake', async () => {
    const article = await createSanitySource(config).fetch(ARTICLE_QUERY, { slug: 'harbour-reopens' }, {
      perspective: 'published',
      tags: ['article:harbour-reopens'],
    })

    const request = only(requests)
    expect(request.search.get('query')).toBe(ARTICLE_QUERY)
    expect(request.search.get('$slug')).toBe('"harbour-reopens"')
    expect(article).toEqual(request.answered)
    expect(article).toMatchObject({
      _id: 'article-harbour',
      headline: 'Harbour reopens',
      slug: 'harbour-reopens',
      standfirst: 'Ships return after the storm.',
      keyPoints: ['Cranes back at work'],
      tags: ['ports'],
      publishedAt: '2026-10-01T08:00:00Z',
      section: { _id: 'section-world', title: 'World', slug: 'world' },
      heroImage: {
        alt: 'The harbour at dawn',
        asset: { _id: 'image-abc123-1600x900-jpg', width: 1600, height: 900, lqip: 'data:image/jpeg;base64,AAAA' },
      },
      bylines: [
        { _key: 'b1', role: 'author', person: { _id: 'person-ada', name: 'Ada Reporter', slug: 'ada-reporter', jobTitle: 'Correspondent' } },
        { _key: 'b2', role: 'photographer', person: { _id: 'person-tom', name: 'Tom Lens', slug: 'tom-lens' } },
      ],
      source: { name: 'Wire', url: 'https://example.com/wire' },
      body: [
        { _type: 'block', _key: 'p1' },
        { _type: 'image', _key: 'i1', alt: 'Cranes', asset: { _id: 'image-abc123-1600x900-jpg', width: 1600, height: 900 } },
      ],
    })
  })

  it('answer null for an unknown slug', async () => {
    const article = await createSanitySource(config).fetch(ARTICLE_QUERY, { slug: 'no-such-story' }, { perspective: 'published', tags: [] })
    expect(only(requests).search.get('$slug')).toBe('"no-such-story"')
    expect(article).toBeNull()
  })
})
