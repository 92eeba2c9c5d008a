// @ts-check
// Plain JavaScript: Next imports the cache handler at run time, without compiling it.
import { createRedisGuard, reasonOf } from './redis-guard.mjs'

/** @typedef {import('@fortedigital/nextjs-cache-handler/cache-handler.types').Handler} Handler */
/** @typedef {import('@fortedigital/nextjs-cache-handler/cache-handler.types').CacheHandlerConfig} CacheHandlerConfig */
/** @typedef {import('./redis-guard.mjs').Log} Log */
/** @typedef {import('./redis-guard.mjs').RedisGuard} RedisGuard */
/**
 * What the shared cache needs of a node-redis client.
 * @typedef {{
 *   on: (event: string, listener: (error: unknown) => void) => unknown,
 *   connect: () => Promise<unknown>,
 *   ping: () => Promise<unknown>,
 * }} RedisConnection
 */

/** The longest a request waits for Redis, per call; a slower Redis counts as down. */
export const REDIS_TIMEOUT_MS = 1000
/** While Redis is down but the connection is open, how often to PING it. */
const PROBE_EVERY_MS = 2000
/** The longest wait between two reconnection attempts. */
const MAX_RECONNECT_DELAY_MS = 2000
/**
 * Entries without a revalidate time (fully static routes) would live a year and a half in Redis
 * with the library's default: one day (expiry after one and a half) lets a past build's keys go.
 */
const STATIC_ENTRY_STALE_AGE_S = 24 * 60 * 60

const consoleLog = {
  info: (/** @type {string} */ message) => console.info(`[cache] ${message}`),
  warn: (/** @type {string} */ message) => console.warn(`[cache] ${message}`),
}

/** `redis://user:secret@host:6379/0` → `redis://host:6379/0`: log lines never carry the password. */
export function describeRedisUrl(/** @type {string} */ url) {
  const { protocol, host, pathname } = new URL(url)
  return `${protocol}//${host}${pathname === '/' ? '' : pathname}`
}

/**
 * node-redis options: commands fail at once while disconnected (no offline queue that would make
 * requests wait), and the client reconnects forever, backing off to MAX_RECONNECT_DELAY_MS.
 */
export function redisClientOptions(/** @type {string} */ url) {
  return {
    url,
    disableOfflineQueue: true,
    commandOptions: { timeout: REDIS_TIMEOUT_MS },
    socket: {
      connectTimeout: REDIS_TIMEOUT_MS,
      reconnectStrategy: (/** @type {number} */ retries) => Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
    },
  }
}

/** One build's entries never mix with another's: two deployments can share one Redis. */
export function keyPrefixFor(/** @type {string | undefined} */ buildId) {
  return `site-cache:${buildId ?? 'unknown-build'}:`
}

/**
 * The library's Redis handler behind the guard. Its failures are cache misses for Next (the
 * library's CacheHandler swallows them). A tag expired while Redis was down is expired again
 * once Redis is back, so the other instances drop those pages too.
 *
 * @param {Handler} handler
 * @param {RedisGuard} guard
 * @returns {Handler}
 */
export function guardHandler(handler, guard) {
  /** @type {Set<string>} */
  const missedTags = new Set()
  /** @param {string} tag */
  const revalidateTag = (tag) =>
    guard
      .run(() => handler.revalidateTag(tag))
      .catch((error) => {
        missedTags.add(tag)
        throw error
      })
  guard.onUp(() => {
    const tags = [...missedTags]
    missedTags.clear()
    for (const tag of tags) revalidateTag(tag).catch(() => {})
  })
  return {
    name: `guarded ${handler.name}`,
    get: (key, meta) => guard.run(() => handler.get(key, meta)),
    set: (key, value, ctx) => guard.run(() => handler.set(key, value, ctx)),
    revalidateTag,
    delete: (key) => guard.run(async () => handler.delete?.(key)),
    prepare: () => guard.run(async () => handler.prepare?.()),
  }
}

/**
 * The configuration the library's CacheHandler asks for once per server process. It never
 * throws and waits for Redis at most REDIS_TIMEOUT_MS: a server whose Redis is unreachable
 * starts and serves pages, and the client keeps reconnecting in the background.
 *
 * @param {{
 *   client: RedisConnection,
 *   where: string,
 *   buildId: string | undefined,
 *   createHandler: (options: { keyPrefix: string, timeoutMs: number }) => Handler,
 *   log?: Log,
 * }} options
 * @returns {Promise<CacheHandlerConfig>}
 */
export async function sharedCacheConfig({ client, where, buildId, createHandler, log = consoleLog }) {
  const guard = createRedisGuard({ where, timeoutMs: REDIS_TIMEOUT_MS, probe: () => client.ping(), probeEveryMs: PROBE_EVERY_MS, log })
  // node-redis emits 'error' on every failed (re)connection; without a listener it would crash the server.
  client.on('error', (error) => guard.down(reasonOf(error)))
  client.on('ready', () => guard.up())
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer
  await Promise.race([
    client.connect().catch((error) => guard.down(reasonOf(error))),
    new Promise((resolve) => (timer = setTimeout(resolve, REDIS_TIMEOUT_MS))),
  ])
  clearTimeout(timer)
  const handler = createHandler({ keyPrefix: keyPrefixFor(buildId), timeoutMs: REDIS_TIMEOUT_MS })
  return { handlers: [guardHandler(handler, guard)], ttl: { defaultStaleAge: STATIC_ENTRY_STALE_AGE_S } }
}
