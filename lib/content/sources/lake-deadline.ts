import { cache } from 'react'
import { LakeUnavailableError, lakeIsDown, reportUnavailable, takeProbe } from './lake-outage'

/**
 * One request to the Content Lake: a query answers in tens of milliseconds, and the CDN in less,
 * so 4 s without an answer means it is not answering, and still leaves room for the retry.
 */
export const REQUEST_TIMEOUT_MS = 4000

/** One retry: a blip (a dropped connection, one 5xx) passes; a second failure in a row is an outage, and more would only delay the 503. */
export const MAX_RETRIES = 1

/**
 * Every read of one render together (a page makes several, each of two requests): a reader
 * sees the page, or the 503 page, within 10 s, well before the 30–60 s after which proxies and
 * load balancers give up on their own, with an error page of theirs.
 */
export const RENDER_DEADLINE_MS = 10_000

/**
 * While the Lake is down (lake-outage.ts), a read gets one attempt of this long: enough for an
 * answer from Next's data cache (milliseconds) or from a Lake that is back, so cached content
 * still renders, and reads outside a render's deadline (generateStaticParams) cannot add up.
 */
export const DOWN_TIMEOUT_MS = 1000

/** When the reads of the current render must be done by; React's cache makes it one per request, set by its first read. */
export const renderDeadline = cache(() => performance.now() + RENDER_DEADLINE_MS)

/**
 * Runs `read` (one request, which should stop when `signal` aborts) within REQUEST_TIMEOUT_MS
 * and the render's deadline, again once after a connection failure, a timeout, a 429 or a 5xx. Gives
 * up with a LakeUnavailableError; an answer that is the query's fault (4xx) is thrown as is.
 * The race stops waiting at the deadline whether or not the request honours the signal.
 */
export async function readFromLake<T>(read: (signal: AbortSignal) => Promise<T>, deadline = renderDeadline()): Promise<T> {
  const down = lakeIsDown() && !takeProbe()
  const [attempts, timeout] = down ? [1, DOWN_TIMEOUT_MS] : [MAX_RETRIES + 1, REQUEST_TIMEOUT_MS]
  for (let attempt = 1; ; attempt++) {
    const left = deadline - performance.now()
    const signal = AbortSignal.timeout(Math.max(1, Math.ceil(Math.min(timeout, left))))
    try {
      return await Promise.race([read(signal), abortedBy(signal)])
    } catch (error) {
      const reason = unavailableReason(error, signal)
      if (reason === undefined) throw error
      if (attempt >= attempts || deadline - performance.now() <= 0) {
        reportUnavailable(reason)
        throw new LakeUnavailableError(reason)
      }
    }
  }
}

const abortedBy = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }))

/** Why the Content Lake counts as unavailable, or undefined when it answered. Never the error's message: it holds the request's URL. */
function unavailableReason(error: unknown, signal: AbortSignal): string | undefined {
  if (signal.aborted) return 'no answer in time'
  const { statusCode, code, cause } = (error ?? {}) as { statusCode?: unknown; code?: unknown; cause?: { code?: unknown } }
  // 429: the Lake is there but turns reads away for now, which a reader meets as an outage, not as a bug of the page.
  if (typeof statusCode === 'number') return statusCode >= 500 || statusCode === 429 ? `answered ${statusCode}` : undefined
  const errno = typeof cause?.code === 'string' ? cause.code : typeof code === 'string' ? code : undefined
  return errno ? `connection failed: ${errno}` : 'connection failed'
}
