import { EventEmitter } from 'node:events'
import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from 'next/constants'
import { readConfig } from '@/lib/env'
import { SharedCacheOffline, createRedisGuard, reasonOf } from '@/lib/cache/redis-guard.mjs'
import { REDIS_TIMEOUT_MS, describeRedisUrl, guardHandler, keyPrefixFor, sharedCacheConfig, type Handler } from '@/lib/cache/shared-cache.mjs'

/**
 * The shared cache's own logic, with fake Redis clients: outages never reach a request (calls
 * fail fast or time out, and Next renders as on a miss), are logged once, and invalidations
 * made during one are not lost. tests/e2e/shared-cache.e2e.ts runs it against redis-server.
 */

const OUTAGE = /^Redis cache unreachable \((.+)\); serving without the shared cache$/
const WHERE = 'redis://127.0.0.1:6390'

function fakeLog() {
  return { info: jest.fn<void, [string]>(), warn: jest.fn<void, [string]>() }
}

function newGuard(probe: () => Promise<unknown> = () => Promise.resolve('PONG')) {
  const log = fakeLog()
  const guard = createRedisGuard({ where: WHERE, timeoutMs: REDIS_TIMEOUT_MS, probe, probeEveryMs: 2000, log })
  return { guard, log }
}

function fakeHandler(): jest.Mocked<Handler> {
  return {
    name: 'fake-redis',
    get: jest.fn().mockResolvedValue(null),
    set: jest.fn().mockResolvedValue(undefined),
    revalidateTag: jest.fn().mockResolvedValue(undefined),
    delete: jest.fn().mockResolvedValue(undefined),
  }
}

/** A node-redis client as the shared cache sees it: events, connect() and ping(). */
class FakeClient extends EventEmitter {
  connect = jest.fn(() => new Promise<void>(() => {})) // never connects unless a test emits 'ready'
  ping = jest.fn(() => Promise.resolve('PONG'))
}

const neverAnswers = () => new Promise<never>(() => {})

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

describe('the Redis guard', () => {
  it('fails calls at once until Redis is connected, without calling it', async () => {
    const { guard } = newGuard()
    const call = jest.fn()
    await expect(guard.run(call)).rejects.toBeInstanceOf(SharedCacheOffline)
    expect(call).not.toHaveBeenCalled()
  })

  it('passes answers through once connected, and says so once', async () => {
    const { guard, log } = newGuard()
    guard.up()
    guard.up()
    await expect(guard.run(async () => 'cached page')).resolves.toBe('cached page')
    expect(log.info.mock.calls).toEqual([[`Redis cache connected (${WHERE}): instances of this build share the cache`]])
  })

  it('gives up on a call after the timeout, then fails every call at once while Redis is down', async () => {
    const { guard, log } = newGuard(neverAnswers)
    guard.up()
    const slow = expect(guard.run(neverAnswers)).rejects.toThrow(`no answer within ${REDIS_TIMEOUT_MS} ms`)
    await jest.advanceTimersByTimeAsync(REDIS_TIMEOUT_MS)
    await slow

    const call = jest.fn()
    for (let i = 0; i < 5; i++) await expect(guard.run(call)).rejects.toBeInstanceOf(SharedCacheOffline)
    expect(call).not.toHaveBeenCalled()
    expect(log.warn).toHaveBeenCalledTimes(1)
    expect(log.warn.mock.calls[0][0]).toMatch(OUTAGE)
  })

  it('logs an outage once however many errors the client reports, and the recovery once', () => {
    const { guard, log } = newGuard()
    guard.up()
    for (let i = 0; i < 10; i++) guard.down('connect ECONNREFUSED 127.0.0.1:6390')
    guard.up()
    guard.up()
    expect(log.warn.mock.calls).toEqual([['Redis cache unreachable (connect ECONNREFUSED 127.0.0.1:6390); serving without the shared cache']])
    expect(log.info.mock.calls[1]).toEqual([`Redis cache reachable again (${WHERE}); sharing the cache again`])
    expect(log.info).toHaveBeenCalledTimes(2)
  })

  it('finds Redis answering again by PING when the connection stayed open', async () => {
    let answers = false
    const probe = jest.fn(() => (answers ? Promise.resolve('PONG') : neverAnswers()))
    const { guard, log } = newGuard(probe)
    guard.up()
    guard.down(`no answer within ${REDIS_TIMEOUT_MS} ms`)
    await jest.advanceTimersByTimeAsync(5000)
    await expect(guard.run(async () => 'cached page')).rejects.toBeInstanceOf(SharedCacheOffline)
    answers = true
    await jest.advanceTimersByTimeAsync(2000)
    await expect(guard.run(async () => 'cached page')).resolves.toBe('cached page')
    expect(log.info).toHaveBeenLastCalledWith(`Redis cache reachable again (${WHERE}); sharing the cache again`)
    // Probing stops once Redis is back.
    const probes = probe.mock.calls.length
    await jest.advanceTimersByTimeAsync(10_000)
    expect(probe).toHaveBeenCalledTimes(probes)
  })
})

describe('the guarded handler', () => {
  it('expires again, once Redis is back, the tags expired while it was down', async () => {
    const { guard } = newGuard()
    const redis = fakeHandler()
    const handler = guardHandler(redis, guard)
    guard.up()
    guard.down('Socket closed unexpectedly')

    await expect(handler.revalidateTag('article:harbour-reopens')).rejects.toBeInstanceOf(SharedCacheOffline)
    await expect(handler.revalidateTag('_N_T_/layout')).rejects.toBeInstanceOf(SharedCacheOffline)
    expect(redis.revalidateTag).not.toHaveBeenCalled()

    guard.up()
    await jest.advanceTimersByTimeAsync(0)
    expect(redis.revalidateTag.mock.calls.map(([tag]) => tag).sort()).toEqual(['_N_T_/layout', 'article:harbour-reopens'])
    // Replayed once, not at every recovery.
    guard.down('Socket closed unexpectedly')
    guard.up()
    await jest.advanceTimersByTimeAsync(0)
    expect(redis.revalidateTag).toHaveBeenCalledTimes(2)
  })

  it('keeps a tag whose expiry timed out for the next recovery', async () => {
    const { guard } = newGuard()
    const redis = fakeHandler()
    redis.revalidateTag.mockImplementationOnce(neverAnswers)
    const handler = guardHandler(redis, guard)
    guard.up()
    const expiry = expect(handler.revalidateTag('person:ada-reporter')).rejects.toThrow('no answer within')
    await jest.advanceTimersByTimeAsync(REDIS_TIMEOUT_MS)
    await expiry
    guard.up()
    await jest.advanceTimersByTimeAsync(0)
    expect(redis.revalidateTag.mock.calls).toEqual([['person:ada-reporter'], ['person:ada-reporter']])
  })
})

describe('sharedCacheConfig', () => {
  it('does not wait for an unreachable Redis longer than the timeout, and logs it once', async () => {
    const client = new FakeClient()
    const log = fakeLog()
    const createHandler = jest.fn((_options: { keyPrefix: string; timeoutMs: number }) => fakeHandler())
    let settled = false
    const config = sharedCacheConfig({ client, where: WHERE, buildId: 'build-1', createHandler, log }).finally(() => (settled = true))
    for (let i = 0; i < 3; i++) client.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6390'))
    await jest.advanceTimersByTimeAsync(REDIS_TIMEOUT_MS - 1)
    expect(settled).toBe(false)
    await jest.advanceTimersByTimeAsync(1)
    const { handlers } = await config

    expect(createHandler).toHaveBeenCalledWith({ keyPrefix: keyPrefixFor('build-1'), timeoutMs: REDIS_TIMEOUT_MS })
    await expect(handlers[0]!.get('/articles/x', { implicitTags: [] })).rejects.toBeInstanceOf(SharedCacheOffline)
    expect(log.warn.mock.calls).toEqual([['Redis cache unreachable (connect ECONNREFUSED 127.0.0.1:6390); serving without the shared cache']])

    client.emit('ready')
    await expect(handlers[0]!.get('/articles/x', { implicitTags: [] })).resolves.toBeNull()
    expect(log.info).toHaveBeenLastCalledWith(`Redis cache reachable again (${WHERE}); sharing the cache again`)
  })

  it('starts sharing as soon as the client is ready', async () => {
    const client = new FakeClient()
    client.connect.mockImplementation(async () => void client.emit('ready'))
    const log = fakeLog()
    const { handlers } = await sharedCacheConfig({ client, where: WHERE, buildId: 'build-1', createHandler: fakeHandler, log })
    await expect(handlers[0]!.get('/articles/x', { implicitTags: [] })).resolves.toBeNull()
    expect(log.warn).not.toHaveBeenCalled()
  })

  it('keeps the keys of two builds apart', () => {
    expect(keyPrefixFor('build-1')).not.toBe(keyPrefixFor('build-2'))
  })
})

it('says why a connection to a host with several addresses failed', () => {
  const refused = (address: string) => new Error(`connect ECONNREFUSED ${address}`)
  expect(reasonOf(new AggregateError([refused('::1:6390'), refused('127.0.0.1:6390')]))).toBe(
    'connect ECONNREFUSED ::1:6390; connect ECONNREFUSED 127.0.0.1:6390',
  )
  expect(reasonOf(new Error('Socket closed unexpectedly'))).toBe('Socket closed unexpectedly')
})

it('never logs the password of REDIS_URL', () => {
  expect(describeRedisUrl('rediss://default:s3cret-pass@cache.internal:6380/2')).toBe('rediss://cache.internal:6380/2')
  expect(describeRedisUrl('redis://127.0.0.1:6390')).toBe('redis://127.0.0.1:6390')
})

describe('REDIS_URL', () => {
  it.each(['redis://127.0.0.1:6390', 'rediss://default:pass@cache.internal:6380/1'])('accepts %s', (url) => {
    expect(() => readConfig({ REDIS_URL: url })).not.toThrow()
  })

  it.each(['http://127.0.0.1:6390', 'localhost:6379'])('refuses %s, naming the variable', (url) => {
    expect(() => readConfig({ REDIS_URL: url })).toThrow(/REDIS_URL: use a redis:\/\/ or rediss:\/\/ URL/)
  })

  // next.config.js is read again by `next start`: REDIS_URL at start turns the handler on, no rebuild.
  it('configures the shared cache for `next start` only, and only when set; without it, the disk cache', () => {
    const saved = process.env.REDIS_URL
    try {
      const nextConfig = jest.requireActual('../../next.config.js')
      process.env.REDIS_URL = 'redis://127.0.0.1:6390'
      expect(nextConfig(PHASE_PRODUCTION_SERVER).cacheHandler).toMatch(/lib\/cache\/next-cache-handler\.mjs$/)
      expect(nextConfig(PHASE_PRODUCTION_SERVER).cacheMaxMemorySize).toBe(0)
      expect(nextConfig(PHASE_PRODUCTION_BUILD).cacheHandler).toBeUndefined()
      delete process.env.REDIS_URL
      expect(nextConfig(PHASE_PRODUCTION_SERVER).cacheHandler).toMatch(/lib\/cache\/disk-cache-handler\.mjs$/)
      // Without Redis, only the hottest pages are also kept in the heap (README, "Memory").
      expect(nextConfig(PHASE_PRODUCTION_SERVER).cacheMaxMemorySize).toBe(8 * 1024 * 1024)
    } finally {
      if (saved === undefined) delete process.env.REDIS_URL
      else process.env.REDIS_URL = saved
    }
  })
})
