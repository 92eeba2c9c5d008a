// Several instances share one cache through Redis (README: Several instances). Debian's
// redis-server and `next start` instances of the browser tests' build, each instance with its
// own copy of the demo dataset: a page can only show another instance's content through Redis.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { portIsFree } from './support/global-setup'
import { DIST_DIR } from './support/server'

const ROOT = path.resolve(__dirname, '..', '..')
const DEMO = path.join(ROOT, 'sanity', 'demo')
const REDIS_PORT = 6390
/** Nothing listens here: an unreachable Redis. */
const CLOSED_REDIS_PORT = 6391
const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`
const STARTUP_TIMEOUT_MS = 60_000

const ARTICLE_ID = 'article-deep-sea-mining-sediment-plumes'
const ARTICLE = '/articles/deep-sea-mining-sediment-plumes'
const ORIGINAL = 'Deep-sea mining test shows sediment plumes travel farther than predicted'
const EDITED_BEFORE_START = 'Shared cache check: edited before instance A started'
const EDITED_WHILE_RUNNING = 'Shared cache check: edited while instance A runs'
const OUTAGE_LINES = /Redis cache unreachable \(.+?\); serving without the shared cache/g
const RECOVERY_LINES = /Redis cache reachable again \(redis:\/\/127\.0\.0\.1:6390\); sharing the cache again/g

/** The headlines a page shows (its h1 and h2 texts): what a failure prints, rather than the whole page. */
const headlinesIn = (html: string) => [...html.matchAll(/<h[12][^>]*>(?:<a [^>]*>)?([^<]+)/g)].map((match) => match[1])

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-cache-e2e-'))
const started: ChildProcess[] = []

afterAll(async () => {
  await Promise.all(started.map((child) => stop(child)))
  fs.rmSync(work, { recursive: true, force: true })
})

/** A copy of the demo dataset for one instance, its images beside it, with the article's headline as given. */
function datasetCopy(name: string, headline = ORIGINAL): string {
  const dir = path.join(work, name)
  fs.mkdirSync(dir)
  fs.symlinkSync(path.join(DEMO, 'images'), path.join(dir, 'images'), 'dir')
  const file = path.join(dir, 'dataset.ndjson')
  writeHeadline(file, headline)
  return file
}

/** Writes the demo dataset with the article's headline changed, as an editor's save would (a new file renamed over the old). */
function writeHeadline(file: string, headline: string) {
  const lines = fs.readFileSync(path.join(DEMO, 'dataset.ndjson'), 'utf8').split('\n')
  const edited = lines.map((line) => {
    if (!line.includes(`"_id":"${ARTICLE_ID}"`)) return line
    return JSON.stringify({ ...JSON.parse(line), headline })
  })
  fs.writeFileSync(`${file}.tmp`, edited.join('\n'))
  fs.renameSync(`${file}.tmp`, file)
}

async function spawnLogged(name: string, port: number, command: string, args: string[], env: NodeJS.ProcessEnv) {
  // Another server on a test's port would answer in its place: refuse to start.
  if (!(await portIsFree(port, '127.0.0.1')))
    throw new Error(`Port ${port} is in use: stop whatever listens there (the shared cache tests use 3110-3113 and 6390).`)
  const logFile = path.join(work, `${name}.log`)
  const out = fs.openSync(logFile, 'w')
  // Own process group: stop() ends it and every child it started.
  const child = spawn(command, args, { cwd: ROOT, detached: true, stdio: ['ignore', out, out], env })
  fs.closeSync(out)
  started.push(child)
  return { child, log: () => fs.readFileSync(logFile, 'utf8') }
}

async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    process.kill(-child.pid!, signal)
  } catch {
    return
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {}
  }, 5000)
  await exited
  clearTimeout(timer)
}

async function waitFor<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const value = await attempt()
      if (value !== undefined) return value
    } catch (error) {
      last = error
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`Timed out waiting for ${what}${last ? ` (last: ${String(last)})` : ''}`)
}

async function startRedis() {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new Error(
      "These tests need Debian's redis-server: `npm run test:e2e` installs it as root (scripts/ensure-test-tools.sh), or apt-get install -y redis-server.",
    )
  }
  const redis = await spawnLogged(
    'redis',
    REDIS_PORT,
    'redis-server',
    ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    process.env,
  )
  await waitFor('redis-server to answer PING', () => ping(REDIS_PORT))
  return redis
}

function ping(port: number): Promise<true> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write('PING\r\n'))
    socket.once('data', (data) => {
      socket.destroy()
      if (data.toString().startsWith('+PONG')) resolve(true)
      else reject(new Error(data.toString()))
    })
    socket.once('error', reject)
  })
}

/** How many keys Redis holds (DBSIZE). */
function keysInRedis(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write('DBSIZE\r\n'))
    socket.once('data', (data) => {
      socket.destroy()
      const reply = /^:(\d+)\r\n/.exec(data.toString())
      if (reply) resolve(Number(reply[1]))
      else reject(new Error(data.toString()))
    })
    socket.once('error', reject)
  })
}

/** Addresses that name nothing: unknown slugs and tags, pages past the end, feeds of nobody. */
const unknownAddresses = (n: number) =>
  Array.from({ length: n }, (_, i) => [`/articles/made-up-${i}`, `/latest/page/${90_000 + i}`, `/tags/made-up-${i}`, `/people/made-up-${i}/rss.xml`][i % 4])

type Instance = Awaited<ReturnType<typeof startInstance>>

/** `next start` on the browser tests' build, on its own dataset copy; REDIS_URL only if given. */
async function startInstance(name: string, port: number, dataset: string, redisUrl?: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    LOCAL_DATASET: dataset,
  }
  delete env.REDIS_URL
  if (redisUrl) env.REDIS_URL = redisUrl
  const server = await spawnLogged(name, port, path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], env)
  const origin = `http://127.0.0.1:${port}`
  const get = async (pagePath: string) => {
    const response = await fetch(origin + pagePath, { redirect: 'manual', signal: AbortSignal.timeout(30_000) })
    return { status: response.status, cache: response.headers.get('x-nextjs-cache'), html: await response.text() }
  }
  await waitFor(
    `${name} to answer on port ${port}`,
    async () => {
      if (server.child.exitCode !== null) throw new Error(`${name} exited: ${server.log()}`)
      return (await get('/')).status === 200 || undefined
    },
    STARTUP_TIMEOUT_MS,
  )
  return { ...server, get }
}

const count = (instance: Instance, lines: RegExp) => instance.log().match(lines)?.length ?? 0
const sharesTheCache = (instance: Instance) => waitFor('the Redis connection', async () => /Redis cache connected/.test(instance.log()) || undefined)

describe('several instances with REDIS_URL', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>
  let a: Instance
  let b: Instance

  beforeAll(async () => {
    redis = await startRedis()
    // Only A's copy has the edited headline: B can show it only if it comes from A through Redis.
    ;[a, b] = await Promise.all([
      startInstance('instance-a', 3110, datasetCopy('a', EDITED_BEFORE_START), REDIS_URL),
      startInstance('instance-b', 3111, datasetCopy('b'), REDIS_URL),
    ])
    await Promise.all([sharesTheCache(a), sharesTheCache(b)])
  }, 3 * STARTUP_TIMEOUT_MS)

  it('serves a page rendered by another instance, from Redis', async () => {
    const onA = await a.get(ARTICLE)
    expect(onA.status).toBe(200)
    expect(headlinesIn(onA.html)).toContain(EDITED_BEFORE_START)

    const onB = await b.get(ARTICLE)
    expect(onB.status).toBe(200)
    expect(onB.cache).toBe('HIT')
    expect(headlinesIn(onB.html)).toContain(EDITED_BEFORE_START)
  })

  it('stores nothing in Redis for addresses that name nothing', async () => {
    const before = await keysInRedis(REDIS_PORT)
    for (const address of unknownAddresses(40)) expect({ address, status: (await a.get(address)).status }).toEqual({ address, status: 404 })
    // Writes to Redis follow the response: give them time to land.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await keysInRedis(REDIS_PORT)).toBe(before)

    // A page that exists, rendered for the first time, is stored.
    expect((await a.get('/people/marta-kowalska/rss.xml')).status).toBe(200)
    await waitFor('the feed to be stored', async () => (await keysInRedis(REDIS_PORT)) > before || undefined, 5000)
  })

  it('drops a page on every instance when one instance expires it', async () => {
    // /latest rendered by A (with its edited headline) is what B serves.
    expect(headlinesIn((await a.get('/latest')).html)).toContain(EDITED_BEFORE_START)
    expect(headlinesIn((await b.get('/latest')).html)).toContain(EDITED_BEFORE_START)

    // A reloads its saved dataset and expires every page (revalidatePath): in Redis, for all.
    writeHeadline(path.join(work, 'a', 'dataset.ndjson'), EDITED_WHILE_RUNNING)
    await waitFor('A to serve its new version', async () => headlinesIn((await a.get(ARTICLE)).html).includes(EDITED_WHILE_RUNNING) || undefined)

    // B no longer has A's /latest: it renders its own, from its own (original) dataset.
    const latestOnB = await waitFor('B to drop the expired page', async () => {
      const page = await b.get('/latest')
      return headlinesIn(page.html).includes(EDITED_BEFORE_START) ? undefined : page
    })
    expect(latestOnB.status).toBe(200)
    expect(headlinesIn(latestOnB.html)).toContain(ORIGINAL)
  })

  it(
    'without REDIS_URL an instance keeps its own cache',
    async () => {
      const alone = await startInstance('instance-alone', 3112, datasetCopy('alone'))
      try {
        const page = await alone.get(ARTICLE)
        expect(page.status).toBe(200)
        expect(headlinesIn(page.html)).toContain(ORIGINAL)
        expect(alone.log()).not.toMatch(/Redis cache/)
      } finally {
        await stop(alone.child)
      }
    },
    STARTUP_TIMEOUT_MS + 20_000,
  )

  it('answers without waiting for a Redis that stopped answering, and finds it again', async () => {
    process.kill(redis.child.pid!, 'SIGSTOP')
    try {
      for (const instance of [a, b]) {
        expect((await instance.get('/sections/business')).status).toBe(200)
        expect((await instance.get('/sections/science')).status).toBe(200)
        expect(instance.log().match(OUTAGE_LINES)).toEqual(['Redis cache unreachable (no answer within 1000 ms); serving without the shared cache'])
      }
    } finally {
      process.kill(redis.child.pid!, 'SIGCONT')
    }
    await Promise.all([a, b].map((instance) => waitFor('the recovery line', async () => count(instance, RECOVERY_LINES) === 1 || undefined)))
  })

  it('keeps serving pages when Redis is killed, says so once, and shares again once it is back', async () => {
    // Readers keep coming throughout: four at a time on each instance, from before the kill to after the recovery.
    const failures: string[] = []
    let answered = 0
    let reading = true
    const reader = async (instance: Instance, offset: number) => {
      const pages = ['/', ARTICLE, '/sections/world', '/latest', '/feeds/rss.xml', '/sitemap.xml', '/people/he-yuting', '/sections/business']
      for (let i = offset; reading; i++) {
        const page = pages[i % pages.length]
        const status = await instance.get(page).then(
          (response) => response.status,
          (error: Error) => error.message,
        )
        if (status === 200) answered++
        else failures.push(`${page}: ${status}`)
      }
    }
    const readers = [a, b].flatMap((instance) => [0, 1, 2, 3].map((offset) => reader(instance, offset * 2)))
    await new Promise((resolve) => setTimeout(resolve, 1000))

    await stop(redis.child, 'SIGKILL')
    for (const instance of [a, b]) {
      await waitFor('the outage line', async () => count(instance, OUTAGE_LINES) === 2 || undefined)
      for (const page of ['/', ARTICLE, '/sections/world', '/latest', '/feeds/rss.xml', '/sitemap.xml']) {
        expect({ page, status: (await instance.get(page)).status }).toEqual({ page, status: 200 })
      }
      // One line for this outage, not one per request or per reconnection attempt.
      expect(count(instance, OUTAGE_LINES)).toBe(2)
    }

    redis = await startRedis()
    await Promise.all([a, b].map((instance) => waitFor('the recovery line', async () => count(instance, RECOVERY_LINES) === 2 || undefined)))
    await new Promise((resolve) => setTimeout(resolve, 1000))
    reading = false
    await Promise.all(readers)
    expect(failures).toEqual([])
    expect(answered).toBeGreaterThan(50)
    // Redis restarted empty: what A renders goes into it again, and B serves it.
    await waitFor('B to serve what A rendered', async () => {
      await a.get('/people/he-yuting')
      return (await b.get('/people/he-yuting')).cache === 'HIT' || undefined
    })
  }, 90_000)
})

it(
  'starts and serves pages when Redis is unreachable, and says so',
  async () => {
    const instance = await startInstance('instance-no-redis', 3113, datasetCopy('no-redis'), `redis://127.0.0.1:${CLOSED_REDIS_PORT}`)
    try {
      expect((await instance.get(ARTICLE)).status).toBe(200)
      expect(instance.log()).toContain(`Redis cache unreachable (connect ECONNREFUSED 127.0.0.1:${CLOSED_REDIS_PORT}); serving without the shared cache`)
      expect(instance.log().match(OUTAGE_LINES)).toHaveLength(1)
    } finally {
      await stop(instance.child)
    }
  },
  STARTUP_TIMEOUT_MS + 20_000,
)
