import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { revalidatePath } from 'next/cache'
import { POST } from '@/app/api/revalidate/local/route'
import {
  LOCAL_PUBLISH_HEADER,
  LOCAL_PUBLISH_PATH,
  expireAfterResponseIfReplaced,
  expireCachedPages,
  expireCachedPagesAfterReload,
} from '@/lib/revalidate/local-publish'

/**
 * After a reload, the watcher asks the server's own route, over loopback and with the
 * process's token, to expire every cached page. Here a plain HTTP server on 127.0.0.1 stands
 * in for Next and hands each request to the route; revalidatePath is mocked (it needs Next's
 * request context).
 */

jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }))
// Next runs `after` callbacks once the response is done; here the test runs them.
const afterResponse: (() => void)[] = []
jest.mock('next/server', () => ({ ...jest.requireActual('next/server'), after: (callback: () => void) => afterResponse.push(callback) }))

let server: http.Server
const received: { path?: string; status: number }[] = []

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const request = new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers: req.headers as HeadersInit })
    const response = await POST(request)
    received.push({ path: req.url, status: response.status })
    res.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

const saved = { ...process.env }
beforeEach(() => {
  process.env.PORT = String((server.address() as AddressInfo).port)
  received.length = 0
})
afterEach(() => {
  process.env = { ...saved }
  jest.clearAllMocks()
  jest.restoreAllMocks()
})

const routeRequest = (headers: Record<string, string>) => new Request(`http://localhost${LOCAL_PUBLISH_PATH}`, { method: 'POST', headers })

it('expires every page, at once, through the route on loopback', async () => {
  expect(await expireCachedPages()).toBe(true)
  expect(received).toEqual([{ path: LOCAL_PUBLISH_PATH, status: 200 }])
  expect(revalidatePath).toHaveBeenCalledWith('/', 'layout')
  expect(revalidatePath).toHaveBeenCalledTimes(1)
})

it('expires again after a reload while a render may still store a page it read from the previous version', async () => {
  expireCachedPagesAfterReload(performance.now())
  const deadline = Date.now() + 10_000
  while (received.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
  expect(received).toEqual([
    { path: LOCAL_PUBLISH_PATH, status: 200 },
    { path: LOCAL_PUBLISH_PATH, status: 200 },
  ])
}, 15_000)

it('expires once after a response whose reads were of a version replaced meanwhile, and not otherwise', async () => {
  afterResponse.length = 0
  let replaced = false
  // Three reads of one response.
  for (let i = 0; i < 3; i++) expireAfterResponseIfReplaced(() => replaced)
  for (const callback of afterResponse.splice(0)) callback()
  await new Promise((resolve) => setTimeout(resolve, 200))
  expect(received).toEqual([])

  replaced = true
  for (let i = 0; i < 3; i++) expireAfterResponseIfReplaced(() => replaced)
  for (const callback of afterResponse.splice(0)) callback()
  const deadline = Date.now() + 5000
  while (received.length < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
  await new Promise((resolve) => setTimeout(resolve, 200))
  expect(received).toEqual([{ path: LOCAL_PUBLISH_PATH, status: 200 }])
  expect(revalidatePath).toHaveBeenCalledWith('/', 'layout')
})

it('refuses a request without the process token', async () => {
  for (const headers of [{}, { [LOCAL_PUBLISH_HEADER]: 'guessed' }, { [LOCAL_PUBLISH_HEADER]: '' }] as Record<string, string>[]) {
    expect((await POST(routeRequest(headers))).status).toBe(401)
  }
  expect(revalidatePath).not.toHaveBeenCalled()
})

it('does not exist when the site reads Sanity', async () => {
  Object.assign(process.env, { NEXT_PUBLIC_SANITY_PROJECT_ID: 'testproj', NEXT_PUBLIC_SANITY_DATASET: 'fixture' })
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  expect(await expireCachedPages()).toBe(false)
  expect(received).toEqual([{ path: LOCAL_PUBLISH_PATH, status: 404 }])
  expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${LOCAL_PUBLISH_PATH} answered 404`))
  expect(revalidatePath).not.toHaveBeenCalled()
})

it('says so when it cannot reach the server', async () => {
  delete process.env.PORT
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  expect(await expireCachedPages()).toBe(false)
  expect(warn).toHaveBeenCalledWith(expect.stringMatching(/Could not expire the cached pages .*PORT is not set/))
})
