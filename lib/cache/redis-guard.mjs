// @ts-check
// Plain JavaScript: Next imports the cache handler at run time, without compiling it.

/** @typedef {{ info: (message: string) => void, warn: (message: string) => void }} Log */

/** Thrown instead of calling Redis while it is down: Next treats the failed call as a cache miss. */
export class SharedCacheOffline extends Error {
  name = 'SharedCacheOffline'
}

/** A call that Redis did not answer in time: Redis counts as down. */
class NoAnswer extends Error {
  name = 'NoAnswer'
}

/**
 * What went wrong, for the log. A connection to a host with several addresses fails with an
 * AggregateError whose own message is empty: its errors say why.
 * @param {unknown} error @returns {string}
 */
export function reasonOf(error) {
  if (error instanceof AggregateError && !error.message) return error.errors.map(reasonOf).join('; ')
  return error instanceof Error ? error.message || error.name : String(error)
}

/**
 * Keeps the site answering when Redis does not. Each call to the shared cache answers within
 * `timeoutMs` or fails; while Redis is down, calls fail at once instead of waiting, so Next
 * renders the page as on a cache miss. It logs one line when Redis becomes unreachable and one
 * when it is back, never one per request.
 *
 * Redis is back when the client reconnects (`up()`) or, when the connection stayed open but
 * Redis stopped answering, when `probe()` (a PING) answers again; it is tried every `probeEveryMs`.
 *
 * @param {{
 *   where: string,
 *   timeoutMs: number,
 *   probe: () => Promise<unknown>,
 *   probeEveryMs: number,
 *   log: Log,
 * }} options
 */
export function createRedisGuard({ where, timeoutMs, probe, probeEveryMs, log }) {
  /** @type {'starting' | 'up' | 'down'} */
  let state = 'starting'
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let probing
  /** @type {Array<() => void>} */
  const onUpListeners = []

  /** @template T @param {Promise<T>} promise @returns {Promise<T>} */
  function withinTimeout(promise) {
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new NoAnswer(`no answer within ${timeoutMs} ms`)), timeoutMs)
    })
    return /** @type {Promise<T>} */ (Promise.race([promise, timeout])).finally(() => clearTimeout(timer))
  }

  function stopProbing() {
    clearInterval(probing)
    probing = undefined
  }

  function startProbing() {
    if (probing) return
    probing = setInterval(() => {
      withinTimeout(probe()).then(up, () => {})
    }, probeEveryMs)
    // The probe must not keep a server that is shutting down alive.
    probing.unref?.()
  }

  function up() {
    if (state === 'up') return
    log.info(
      state === 'starting'
        ? `Redis cache connected (${where}): instances of this build share the cache`
        : `Redis cache reachable again (${where}); sharing the cache again`,
    )
    state = 'up'
    stopProbing()
    for (const listener of onUpListeners) listener()
  }

  /** @param {string} reason */
  function down(reason) {
    if (state === 'down') return
    state = 'down'
    log.warn(`Redis cache unreachable (${reason}); serving without the shared cache`)
    startProbing()
  }

  return {
    up,
    down,
    /** Runs `onUp` each time Redis comes back (or connects for the first time). @param {() => void} onUp */
    onUp(onUp) {
      onUpListeners.push(onUp)
    },
    /**
     * Runs one call to Redis: at once a failure while Redis is not up; a failure, and Redis
     * marked down, when it does not answer within the timeout.
     * @template T @param {() => Promise<T>} call @returns {Promise<T>}
     */
    async run(call) {
      if (state !== 'up') throw new SharedCacheOffline(`Redis cache is not reachable (${where})`)
      try {
        return await withinTimeout(call())
      } catch (error) {
        if (error instanceof NoAnswer) down(error.message)
        throw error
      }
    },
  }
}

/** @typedef {ReturnType<typeof createRedisGuard>} RedisGuard */
