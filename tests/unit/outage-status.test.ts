import http, { ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { RETRY_AFTER_SECONDS, reportUnavailable } from '@/lib/content/sources/lake-outage'
import { answerLakeOutagesWith503 } from '@/lib/outage-status'

/**
 * lib/outage-status.ts: a 500 written while the Content Lake is down goes out as a 503 with
 * Retry-After that no cache keeps; anything else, and any 500 outside an outage, goes out as
 * written. Against a real HTTP server, as Next writes its responses in `next start`.
 */
const original = ServerResponse.prototype.writeHead
const PATCHED = Symbol.for('news-portal.outage-status')
const endOutage = () => delete (globalThis as { [key: symbol]: { outage?: unknown } })[Symbol.for('news-portal.content-lake')].outage

let status = 200
const server = http.createServer((req, res) => {
  res.statusCode = status
  // Next's two ways: an explicit writeHead with headers, or a status set and the head written implicitly.
  if (req.url === '/explicit') res.writeHead(status, { 'content-type': 'text/html' })
  res.end('<p>page</p>')
})
let origin = ''

beforeAll(async () => {
  answerLakeOutagesWith503()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  ServerResponse.prototype.writeHead = original
  delete (ServerResponse.prototype as unknown as Record<symbol, unknown>)[PATCHED]
  await new Promise((resolve) => server.close(resolve))
})
afterEach(endOutage)

const get = async (path: string) => {
  const response = await fetch(origin + path)
  return { status: response.status, retryAfter: response.headers.get('retry-after'), cacheControl: response.headers.get('cache-control') }
}

it.each(['/implicit', '/explicit'])('%s: a 500 while the Lake is down is a 503 with Retry-After, kept by no cache', async (path) => {
  jest.spyOn(console, 'error').mockImplementationOnce(() => {})
  reportUnavailable('no answer in time')
  status = 500
  expect(await get(path)).toEqual({ status: 503, retryAfter: String(RETRY_AFTER_SECONDS), cacheControl: 'no-store' })
})

it('a cached page served during an outage (200) and a 404 pass as they are', async () => {
  jest.spyOn(console, 'error').mockImplementationOnce(() => {})
  reportUnavailable('no answer in time')
  status = 200
  expect(await get('/implicit')).toEqual({ status: 200, retryAfter: null, cacheControl: null })
  status = 404
  expect((await get('/explicit')).status).toBe(404)
})

it('a 500 outside an outage stays a 500: a bug is not an outage', async () => {
  status = 500
  expect(await get('/explicit')).toEqual({ status: 500, retryAfter: null, cacheControl: null })
})
