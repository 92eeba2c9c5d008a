import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { createSanitySource } from '@/lib/content/sources/sanity'
import { MAX_RETRIES, REQUEST_TIMEOUT_MS, readFromLake } from '@/lib/content/sources/lake-deadline'
import { LakeUnavailableError, OUTAGE_LOG_EVERY_MS, lakeIsDown, reportAnswered, reportUnavailable } from '@/lib/content/sources/lake-outage'
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
  for (const method of ['log', 'warn', 'error'] as const) jest.spyOn(console, method).mockImplementation((...line: unknown[]) => void logged.push(line.join(' ')))
})
afterEach(() => {
  // Each test starts outside an outage.
  reportAnswered()
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

  it('an answer that is the query’s fault (400) is not retried, and is no outage', async () => {
    const { error } = await timed(createSanitySource(lake.config).fetch('*[', {}, published))

    expect(error).not.toBeInstanceOf(LakeUnavailableError)
    expect(error).toMatchObject({ statusCode: 400 })
    expect(lake.requests).toHaveLength(1)
    expect(lakeIsDown()).toBe(false)
  })
})

describe('the log', () => {
  it('says once that the outage started, reminds at most every minute, and once that it ended', async () => {
    lake.failures = 4
    const source = createSanitySource(lake.config)
    await expect(source.fetch(QUERY, {}, published)).rejects.toBeInstanceOf(LakeUnavailableError)
    await expect(source.fetch(QUERY, {}, published)).rejects.toBeInstanceOf(LakeUnavailableError)
    expect(logged).toEqual(['[content] Content Lake unreachable (answered 503); serving cached pages, and 503 for pages not in the cache'])

    reportUnavailable('answered 503', Date.now() + OUTAGE_LOG_EVERY_MS)
    expect(logged[1]).toMatch(/^\[content\] Content Lake still unreachable \(answered 503\): 3 reads failed in 60 s$/)

    await source.fetch(QUERY, {}, published)
    expect(logged[2]).toMatch(/^\[content\] Content Lake answering again after \d+ s \(3 reads failed\)$/)
    expect(logged).toHaveLength(3)
    expect(lakeIsDown()).toBe(false)
  })
})
