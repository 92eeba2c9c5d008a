import fc from 'fast-check'
import fs from 'node:fs'
import http from 'node:http'
import CANARY_SECRETS from './canary.json'
import { DEMO_DATASET, startOwnServer, type OwnServer } from './support/own-server'

/**
 * Random requests of every kind a stranger (or a confused client) can send the production
 * server: addresses of every route with made-up, real and broken segments, query strings,
 * search terms, preview tokens and draft-mode links, webhook bodies, and, with the editors'
 * token, malformed mutations and queries to the local Content Lake. Not one may answer 500
 * or more, and the server's log must hold no unhandled rejection or uncaught exception.
 * fast-check shrinks a failure to the smallest request that still fails and prints it with
 * its seed; FUZZ_RUNS and FUZZ_SEED replay or widen a run.
 */

const RUNS = Number(process.env.FUZZ_RUNS || 3000)
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31
const LAKE = '/api/lake/v2025-02-19/data'

type Probe = { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: Uint8Array | string }

// Names the demo dataset holds, so that some requests reach past "not found" into real pages and images.
const demo = fs
  .readFileSync(DEMO_DATASET, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line))
const slugsOf = (type: string) => demo.filter((doc) => doc._type === type && doc.slug?.current).map((doc) => doc.slug.current as string)
const realNames = [...slugsOf('article'), ...slugsOf('section'), ...slugsOf('person'), ...demo.flatMap((doc) => doc.tags ?? [])]
const imageFiles = fs.readdirSync(DEMO_DATASET.replace(/dataset\.ndjson$/, 'images'))

/** Bytes a client can put on the request line: printable ASCII kept as it is (a '%' too, so broken escapes go out), the rest percent-encoded. */
const onTheWire = (text: string) =>
  Array.from(Buffer.from(text, 'utf8'), (byte) =>
    byte > 0x20 && byte < 0x7f && byte !== 0x23 ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0')}`,
  ).join('')

const segment = fc.oneof(
  fc.constantFrom(...realNames),
  fc.stringMatching(/^[a-z0-9-]{1,40}$/),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(
    '..',
    '.',
    '%',
    '%ZZ',
    '%E0%A4%A',
    '%00',
    '%2F',
    '%2e%2e',
    '%C0%AF',
    '//',
    '\\',
    '0',
    '-1',
    '1e3',
    '999999999999999999999',
    ' ',
    '%20',
    'page',
  ),
)
const encodedSegment = fc.tuple(segment, fc.boolean()).map(([text, properly]) => (properly ? encodeURIComponent(text) : onTheWire(text)))

const ROUTES = [
  '/$',
  '/$/$',
  '/$/$/$',
  '/articles/$',
  '/articles/$/share-card',
  '/latest/page/$',
  '/sections/$',
  '/sections/$/page/$',
  '/sections/$/rss.xml',
  '/sections/$/atom.xml',
  '/sections/$/feed.json',
  '/people/$',
  '/people/$/page/$',
  '/people/$/rss.xml',
  '/people/$/atom.xml',
  '/people/$/feed.json',
  '/tags/$',
  '/tags/$/page/$',
  '/preview/$',
  '/sitemaps/$',
  '/images/local/embedded/$',
  '/images/$/$',
  '/studio/$',
  '/_next/static/$',
  '/feeds/$',
]
const route = fc
  .tuple(fc.constantFrom(...ROUTES), fc.array(encodedSegment, { minLength: 3, maxLength: 3 }))
  .map(([template, [a, b, c]]) => template.replace('$', a).replace('$', b).replace('$', c))

const queryKey = fc.oneof(
  fc.constantFrom(
    'q',
    'page',
    'w',
    'h',
    'fit',
    'rect',
    'auto',
    'dpr',
    'redirect',
    'token',
    'slug',
    '_rsc',
    'sanity-preview-secret',
    'sanity-preview-pathname',
    'perspective',
  ),
  segment,
)
const queryValue = fc.oneof(segment, fc.integer({ min: -10, max: 5000 }).map(String), fc.constantFrom('crop', 'max', 'format', '0,0,99999,99999', '1,1,1'))
const queryString = fc
  .array(fc.tuple(queryKey, queryValue, fc.boolean()), { maxLength: 6 })
  .map((pairs) =>
    pairs.length
      ? '?' + pairs.map(([k, v, properly]) => (properly ? `${encodeURIComponent(k)}=${encodeURIComponent(v)}` : `${onTheWire(k)}=${onTheWire(v)}`)).join('&')
      : '',
  )

const page: fc.Arbitrary<Probe> = fc
  .tuple(
    route,
    queryString,
    fc.constantFrom<Record<string, string>>({}, { rsc: '1' }, { accept: 'image/avif,image/webp' }, { 'next-router-prefetch': '1', rsc: '1' }),
  )
  .map(([path, query, headers]) => ({ method: 'GET', path: path + query, headers }))

const search: fc.Arbitrary<Probe> = fc
  .tuple(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(segment, { maxLength: 30 }).map((words) => words.join(' ')),
    ),
    queryValue,
  )
  .map(([q, pageNumber]) => ({ method: 'GET', path: `/search?q=${encodeURIComponent(q)}&page=${encodeURIComponent(pageNumber)}` }))

const image: fc.Arbitrary<Probe> = fc
  .tuple(fc.constantFrom(...imageFiles), queryString)
  .map(([file, query]) => ({ method: 'GET', path: `/images/local/embedded/${file}${query}` }))

// Tokens shaped like the site's signed links (two base64url parts), or anything at all.
const token = fc.oneof(
  fc
    .tuple(fc.base64String({ maxLength: 200 }), fc.base64String({ maxLength: 60 }))
    .map(([a, b]) => `${a}.${b}`.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
)
const preview: fc.Arbitrary<Probe> = fc.oneof(
  token.map((t) => ({ method: 'GET' as const, path: `/preview/${encodeURIComponent(t)}` })),
  fc
    .tuple(token, queryValue)
    .map(([t, redirect]) => ({ method: 'GET' as const, path: `/api/draft-mode/enable?token=${encodeURIComponent(t)}&redirect=${onTheWire(redirect)}` })),
  fc.tuple(token, queryValue).map(([secret, pathname]) => ({
    method: 'GET' as const,
    path: `/api/draft-mode/enable?sanity-preview-secret=${encodeURIComponent(secret)}&sanity-preview-pathname=${onTheWire(pathname)}`,
  })),
  queryValue.map((redirect) => ({ method: 'GET' as const, path: `/api/draft-mode/disable?redirect=${onTheWire(redirect)}` })),
  fc.string({ maxLength: 100 }).map((slug) => ({ method: 'GET' as const, path: `/api/preview-link?slug=${encodeURIComponent(slug)}` })),
)

const anyBody = fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ unit: 'grapheme', maxLength: 2000 }), fc.uint8Array({ maxLength: 2000 }))
const webhook: fc.Arbitrary<Probe> = fc
  .tuple(
    anyBody,
    fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.tuple(fc.nat(), fc.base64String({ maxLength: 60 })).map(([t, v]) => `t=${t},v1=${v}`),
    ),
    fc.constantFrom('application/json', 'text/plain', ''),
  )
  .map(([body, signature, type]) => ({
    method: 'POST',
    path: '/api/revalidate',
    body,
    headers: { 'sanity-webhook-signature': onTheWire(signature), ...(type ? { 'content-type': type } : {}) },
  }))

// A document as a confused client might send it: any _id and _type, any fields.
const doc = fc
  .record(
    {
      _id: fc.oneof(segment, fc.constant('drafts.x'), fc.constant('')),
      _type: fc.oneof(fc.constantFrom('article', 'person', 'section', 'settings', 'sanity.imageAsset'), segment),
    },
    { requiredKeys: [] },
  )
  .chain((head) => fc.dictionary(segment, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }).map((rest) => ({ ...rest, ...head })))
const mutation = fc.oneof(
  doc.map((document) => ({ create: document })),
  doc.map((document) => ({ createOrReplace: document })),
  doc.map((document) => ({ createIfNotExists: document })),
  fc
    .tuple(
      segment,
      fc.dictionary(fc.constantFrom('set', 'unset', 'inc', 'insert', 'setIfMissing', 'diffMatchPatch', 'ifRevisionID', 'query'), fc.jsonValue({ maxDepth: 3 })),
    )
    .map(([id, ops]) => ({ patch: { id, ...ops } })),
  fc.oneof(segment, fc.jsonValue({ maxDepth: 2 })).map((id) => ({ delete: { id } })),
  fc.jsonValue({ maxDepth: 3 }),
)
const editor = { authorization: `Bearer ${CANARY_SECRETS.LOCAL_EDITOR_TOKEN}` }
const lake: fc.Arbitrary<Probe> = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        fc.array(mutation, { maxLength: 4 }).map((mutations) => JSON.stringify({ mutations })),
        anyBody,
      ),
      queryString,
    )
    .map(([body, query]) => ({
      method: 'POST' as const,
      path: `${LAKE}/mutate/embedded${query}`,
      headers: { ...editor, 'content-type': 'application/json' },
      body,
    })),
  fc
    .tuple(fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('*[_type == $t]', '*[0...$n]', 'count(*)', '*[_id in path("**")]{...}')), queryString)
    .map(([query, rest]) => ({
      method: 'GET' as const,
      path: `${LAKE}/query/embedded?query=${encodeURIComponent(query)}${rest.replace('?', '&')}`,
      headers: editor,
    })),
  fc
    .tuple(fc.array(segment, { minLength: 1, maxLength: 3 }), queryString)
    .map(([parts, query]) => ({ method: 'GET' as const, path: `${LAKE}/${parts.map(onTheWire).join('/')}${query}`, headers: editor })),
)

const probe = fc.oneof(
  { arbitrary: page, weight: 6 },
  { arbitrary: search, weight: 2 },
  { arbitrary: image, weight: 1 },
  { arbitrary: preview, weight: 2 },
  { arbitrary: webhook, weight: 1 },
  { arbitrary: lake, weight: 2 },
)

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })

/** One request as a client sends it (Node's http, which puts the path on the wire as given); its status, or the transport's failure. */
function send(origin: string, { method, path, headers = {}, body }: Probe): Promise<number | string> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve) => {
    const request = http.request({ agent, hostname, port, method, path, headers, timeout: 30_000 }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
    })
    request.on('timeout', () => request.destroy(new Error('no answer within 30 s')))
    request.on('error', (error) => resolve(`failed: ${error.message}`))
    request.end(body)
  })
}

const UNHANDLED = /unhandledRejection|uncaughtException|unhandled rejection/i

describe('random requests (fast-check)', () => {
  let server: OwnServer
  beforeAll(async () => {
    server = await startOwnServer({
      name: 'fuzz',
      ports: [3150, 3151, 3152, 3153, 3154],
      env: { LOCAL_EDITOR_TOKEN: CANARY_SECRETS.LOCAL_EDITOR_TOKEN, PREVIEW_SECRET: CANARY_SECRETS.PREVIEW_SECRET },
    })
  }, 90_000)
  afterAll(async () => {
    agent.destroy()
    await server?.stop()
  })

  test(
    `${RUNS} requests: none answers 5xx or goes unanswered, and nothing is left unhandled`,
    async () => {
      const started = Date.now()
      const statuses = new Map<number | string, number>()
      await fc.assert(
        fc.asyncProperty(probe, async (request) => {
          const status = await send(server.origin, request)
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
          if (typeof status !== 'number' || status >= 500) throw new Error(`answered ${status}`)
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: false, interruptAfterTimeLimit: 20 * 60_000 },
      )
      const seconds = (Date.now() - started) / 1000
      console.log(`[fuzz] ${RUNS} requests in ${seconds.toFixed(0)} s (seed ${SEED}); statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`)
      expect(
        server
          .log()
          .split('\n')
          .filter((line) => UNHANDLED.test(line)),
      ).toEqual([])
    },
    30 * 60_000,
  )
})
