import { cache } from 'react'
import { LakeUnavailableError, reportAnswered, reportUnavailable } from './lake-outage'

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

/** When the reads of the current render must be done by; React's cache makes it one per request, set by its first read. */
export const renderDeadline = cache(() => performance.now() + RENDER_DEADLINE_MS)

/**
 * Runs `read` (one request, which should stop when `signal` aborts) within REQUEST_TIMEOUT_MS
 * and the render's deadline, again once after a connection failure, a timeout or a 5xx. Gives
 * up with a LakeUnavailableError; an answer that is the query's fault (4xx) is thrown as is.
 * The race stops waiting at the deadline whether or not the request honours the signal.
 */
export async function readFromLake<T>(read: (signal: AbortSignal) => Promise<T>, deadline = renderDeadline()): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const left = deadline - performance.now()
    const signal = AbortSignal.timeout(Math.max(1, Math.ceil(Math.min(REQUEST_TIMEOUT_MS, left))))
    try {
      const result = await Promise.race([read(signal), abortedBy(signal)])
      reportAnswered()
      return result
    } catch (error) {
      const reason = unavailableReason(error, signal)
      if (reason === undefined) {
        reportAnswered()
        throw error
      }
      if (attempt >= MAX_RETRIES || deadline - performance.now() <= 0) {
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
  if (typeof statusCode === 'number') return statusCode >= 500 ? `answered ${statusCode}` : undefined
  const errno = typeof cause?.code === 'string' ? cause.code : typeof code === 'string' ? code : undefined
  return errno ? `connection failed: ${errno}` : 'connection failed'
}
