import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { createSanitySource } from '@/lib/content/sources/sanity'
import { DOWN_TIMEOUT_MS, MAX_RETRIES, REQUEST_TIMEOUT_MS, readFromLake } from '@/lib/content/sources/lake-deadline'
import { LakeUnavailableError, OUTAGE_WINDOW_MS, PROBE_EVERY_MS, lakeIsDown, reportUnavailable } from '@/lib/content/sources/lake-outage'
import type { FetchOptions } from '@/lib/content/sources/types'
import { TOKEN, useContentLakeStandIn } from './support/content-lake'

/**
 * The Content Lake unreachable (docs/security.md, "Outages"): the stand-in paused (it accepts
 * and never answers), a port where nothing listens, and 5xx answers. A read gives up within its
 * deadline with a LakeUnavailableError, retries once, and the log says so once per outage.
 */
const lake = useContentLakeStandIn()
const QUERY = '*[_type == "article"][0]{ _id, headline }'
const published: FetchOptions = { perspective: 'published', tags: ['article'] }

let logged: string[]
beforeEach(() => {
  logged = []
  for (const method of ['log', 'warn', 'error'] as const)
    jest.spyOn(console, method).mockImplementation((...line: unknown[]) => void logged.push(line.join(' ')))
})
afterEach(() => {
  // Each test starts outside an outage: the process-wide state of lake-outage.ts, emptied.
  delete (globalThis as { [key: symbol]: { outage?: unknown } })[Symbol.for('news-portal.content-lake')].outage
  for (const method of ['log', 'warn', 'error'] as const) (console[method] as jest.Mock).mockRestore()
})

async function timed<T>(promise: Promise<T>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now()
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  return { error, ms: performance.now() - started }
}

/** A port on 127.0.0.1 with nothing listening: connections are refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

const ATTEMPTS = MAX_RETRIES + 1
const SLACK_MS = 1000

describe('a Content Lake that accepts and never answers', () => {
  it('a published read gives up after two attempts of REQUEST_TIMEOUT_MS, with a typed error', async () => {
    lake.paused = true
    const { error, ms } = await timed(createSanitySource(lake.config).fetch(QUERY, {}, published))

    expect(error).toBeInstanceOf(LakeUnavailableError)
    expect(error).toMatchObject({ reason: 'no answer in time', digest: 'CONTENT_LAKE_UNAVAILABLE' })
    expect(ms).toBeGreaterThanOrEqual(ATTEMPTS * REQUEST_TIMEOUT_MS - 50)
    expect(ms).toBeLessThan(ATTEMPTS * REQUEST_TIMEOUT_MS + SLACK_MS)
    // The discovery read, tried twice: the data read is never reached.
    expect(lake.requests).toHaveLength(ATTEMPTS)
  }, 15_000)

  it('a draft read gives up too, and nothing logged names the token or the query’s URL', async () => {
    lake.paused = true
    const { error } = await timed(createSanitySource(lake.config).fetch(QUERY, {}, { perspective: 'drafts', tags: [] }))

    expect(error).toBeInstanceOf(LakeUnavailableError)
    expect(lake.requests.map((request) => request.headers.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`])
    expect(logged).toEqual(['[content] Content Lake unreachable (no answer in time); serving cached pages, and 503 for pages not in the cache'])
    const text = `${logged.join('\n')}\n${String(error)}`
    for (const secret of [TOKEN, lake.apiHost, 'query', '_type']) expect(text).not.toContain(secret)
  }, 15_000)

  it('stops at the render’s deadline, whatever time is left for the request', async () => {
    lake.paused = true
    const { error, ms } = await timed(readFromLake((signal) => fetch(`${lake.apiHost}/hangs`, { signal }), performance.now() + 1500))

    expect(error).toBeInstanceOf(LakeUnavailableError)
    expect(ms).toBeLessThan(1500 + SLACK_MS)
  })
})

describe('a Content Lake that refuses connections', () => {
  it('a read gives up at once, with a typed error naming the refusal', async () => {
    const refusing = { ...lake.config, apiHost: `http://127.0.0.1:${await closedPort()}` }
    lake.reachable.add(refusing.apiHost)
    const { error, ms } = await timed(createSanitySource(refusing).fetch(QUERY, {}, published))

    expect(error).toBeInstanceOf(LakeUnavailableError)
    expect(error).toMatchObject({ reason: 'connection failed: ECONNREFUSED' })
    expect(ms).toBeLessThan(SLACK_MS)
    expect(lakeIsDown()).toBe(true)
  })
})

describe('retries', () => {
  it('one 503 is retried and answered: no outage', async () => {
    lake.failures = 1
    const result = await createSanitySource(lake.config).fetch(QUERY, {}, published)

    expect(result).toEqual({ _id: 'article-harbour', headline: 'Harbour reopens' })
    // Discovery answered 503, then again 200; then the data read.
    expect(lake.requests).toHaveLength(3)
    expect(lakeIsDown()).toBe(false)
    expect(logged).toEqual([])
  })

  it('a 429 (too many requests) is retried, then counts as unavailable', async () => {
    let calls = 0
    const read = () => {
      calls += 1
      return Promise.reject(Object.assign(new Error('429 at a URL with the query'), { statusCode: 429 }))
    }
    await expect(readFromLake(read)).rejects.toMatchObject({ name: 'LakeUnavailableError', reason: 'answered 429' })
    expect(calls).toBe(MAX_RETRIES + 1)
  })

  it('an answer that is the query’s fault (400) is not retried, and is no outage', async () => {
    const { error } = await timed(createSanitySource(lake.config).fetch('*[', {}, published))

    expect(error).not.toBeInstanceOf(LakeUnavailableError)
    expect(error).toMatchObject({ statusCode: 400 })
    expect(lake.requests).toHaveLength(1)
    expect(lakeIsDown()).toBe(false)
  })
})

describe('while the Lake is down', () => {
  it('a read gets one short attempt: cached or quick answers still come, a hang gives up at once', async () => {
    reportUnavailable('no answer in time')
    const source = createSanitySource(lake.config)
    expect(await source.fetch(QUERY, {}, published)).toEqual({ _id: 'article-harbour', headline: 'Harbour reopens' })

    lake.paused = true
    lake.requests.length = 0
    const { error, ms } = await timed(source.fetch(QUERY, {}, published))
    expect(error).toBeInstanceOf(LakeUnavailableError)
    expect(ms).toBeLessThan(DOWN_TIMEOUT_MS + 500)
    expect(lake.requests).toHaveLength(1)
  })

  it('one read every PROBE_EVERY_MS still gets the whole timeout, for a Lake that is back but slow', async () => {
    reportUnavailable('no answer in time', Date.now() - PROBE_EVERY_MS)
    lake.paused = true
    const probe = await timed(readFromLake((signal) => fetch(`${lake.apiHost}/hangs`, { signal }), performance.now() + 2 * DOWN_TIMEOUT_MS))
    const next = await timed(readFromLake((signal) => fetch(`${lake.apiHost}/hangs`, { signal })))

    expect(probe.ms).toBeGreaterThanOrEqual(2 * DOWN_TIMEOUT_MS - 50)
    expect(next.ms).toBeLessThan(DOWN_TIMEOUT_MS + 500)
  })

  it('lasts until OUTAGE_WINDOW_MS pass without a read giving up', () => {
    const now = Date.now()
    reportUnavailable('answered 503', now)
    expect(lakeIsDown(now + OUTAGE_WINDOW_MS - 1)).toBe(true)
    expect(lakeIsDown(now + OUTAGE_WINDOW_MS)).toBe(false)
  })
})

describe('the log', () => {
  it('says once that the outage started, then reminds at most every minute, and again for the next outage', async () => {
    lake.failures = 4
    const source = createSanitySource(lake.config)
    await expect(source.fetch(QUERY, {}, published)).rejects.toBeInstanceOf(LakeUnavailableError)
    await expect(source.fetch(QUERY, {}, published)).rejects.toBeInstanceOf(LakeUnavailableError)
    expect(logged).toEqual(['[content] Content Lake unreachable (answered 503); serving cached pages, and 503 for pages not in the cache'])

    const start = Date.now()
    // Reads keep failing, each within OUTAGE_WINDOW_MS of the one before: one outage.
    for (const at of [20_000, 40_000, 61_000]) reportUnavailable('answered 503', start + at)
    expect(logged).toHaveLength(2)
    expect(logged[1]).toMatch(/^\[content\] Content Lake still unreachable \(answered 503\): 5 reads failed in 6\d s$/)

    // Nothing failed for longer than OUTAGE_WINDOW_MS: the next failure starts another outage.
    reportUnavailable('connection failed: ECONNREFUSED', start + 61_000 + OUTAGE_WINDOW_MS)
    expect(logged[2]).toBe('[content] Content Lake unreachable (connection failed: ECONNREFUSED); serving cached pages, and 503 for pages not in the cache')
  })
})
