import { LAKE_UNAVAILABLE_DIGEST } from '@/lib/content/unavailable'
import { log } from '@/lib/log'

/**
 * Whether the Content Lake is answering, one state per process: Next bundles this module
 * separately for the routes and for instrumentation.ts (which turns a failed render during an
 * outage into a 503), and all of them must see the same outage.
 *
 * An outage lasts from a read that gave up until OUTAGE_WINDOW_MS pass without another. A read
 * that succeeds cannot end it: a read answered from Next's data cache succeeds while the Lake
 * is down, and nothing tells it from an answer of the Lake.
 */
type Outage = { since: number; lastFailure: number; failedReads: number; lastLogged: number; lastProbe: number }
type LakeState = { outage?: Outage }
const LAKE_STATE = Symbol.for('news-portal.content-lake')
const state: LakeState = ((globalThis as { [LAKE_STATE]?: LakeState })[LAKE_STATE] ??= {})

/** The Lake counts as down this long after a read gave up: as long as a reader's browser is told to wait (RETRY_AFTER_SECONDS). */
export const OUTAGE_WINDOW_MS = 30_000

/** While the outage lasts, a reminder at most this often, so that a busy site logs a line a minute rather than one per reader. */
export const OUTAGE_LOG_EVERY_MS = 60_000

/** While the Lake is down, one read this often still gets the whole timeout: a Lake that answers, but slowly, ends the outage. */
export const PROBE_EVERY_MS = 10_000

/** What a reader's browser waits before trying again (Retry-After): about as long as a restarted Content Lake or a network blip takes. */
export const RETRY_AFTER_SECONDS = 30

/** A read gave up: the Content Lake did not answer in time, refused the connection or answered 5xx. */
export class LakeUnavailableError extends Error {
  override name = 'LakeUnavailableError'
  /** Next keeps a digest an error already has: the error page tells an outage from a bug by it. */
  readonly digest = LAKE_UNAVAILABLE_DIGEST
  /** `reason` names what went wrong without the request's URL, which holds the query and its parameters. */
  constructor(readonly reason: string) {
    super(`The Content Lake is unavailable (${reason}).`)
  }
}

export const isLakeUnavailable = (error: unknown): error is LakeUnavailableError =>
  error instanceof LakeUnavailableError || (error as { digest?: unknown } | null)?.digest === LAKE_UNAVAILABLE_DIGEST

export const lakeIsDown = (now = Date.now()) => state.outage !== undefined && now - state.outage.lastFailure < OUTAGE_WINDOW_MS

/** While the Lake is down: whether this read is the one of PROBE_EVERY_MS that gets the whole timeout. */
export function takeProbe(now = Date.now()): boolean {
  const outage = state.outage
  if (!outage || now - outage.lastProbe < PROBE_EVERY_MS) return false
  outage.lastProbe = now
  return true
}

/** Records a read that gave up: one line when an outage starts, then a reminder at most every OUTAGE_LOG_EVERY_MS. */
export function reportUnavailable(reason: string, now = Date.now()) {
  const outage = state.outage
  if (!outage || !lakeIsDown(now)) {
    state.outage = { since: now, lastFailure: now, failedReads: 1, lastLogged: now, lastProbe: now }
    log.error(`Content Lake unreachable (${reason}); serving cached pages, and 503 for pages not in the cache`)
    return
  }
  outage.failedReads += 1
  outage.lastFailure = now
  if (now - outage.lastLogged < OUTAGE_LOG_EVERY_MS) return
  outage.lastLogged = now
  log.error(`Content Lake still unreachable (${reason}): ${outage.failedReads} reads failed in ${Math.round((now - outage.since) / 1000)} s`)
}
