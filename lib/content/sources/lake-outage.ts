import { log } from '@/lib/log'

/**
 * Whether the Content Lake is answering, one state per process: Next bundles this module
 * separately for the routes and for instrumentation.ts (which turns a failed render during an
 * outage into a 503), and all of them must see the same outage.
 */
type Outage = { since: number; failedReads: number; lastLogged: number }
type LakeState = { outage?: Outage }
const LAKE_STATE = Symbol.for('news-portal.content-lake')
const state: LakeState = ((globalThis as { [LAKE_STATE]?: LakeState })[LAKE_STATE] ??= {})

/** While the outage lasts, a reminder at most this often, so that a busy site logs a line a minute rather than one per reader. */
export const OUTAGE_LOG_EVERY_MS = 60_000

/** What a reader's browser waits before trying again (Retry-After): about as long as a restarted Content Lake or a network blip takes. */
export const RETRY_AFTER_SECONDS = 30

/** Set as the error's digest: Next keeps a digest that is already set, so the error page can tell an outage from a bug. */
export const LAKE_UNAVAILABLE_DIGEST = 'CONTENT_LAKE_UNAVAILABLE'

/** A read gave up: the Content Lake did not answer in time, refused the connection or answered 5xx. */
export class LakeUnavailableError extends Error {
  override name = 'LakeUnavailableError'
  readonly digest = LAKE_UNAVAILABLE_DIGEST
  /** `reason` names what went wrong without the request's URL, which holds the query and its parameters. */
  constructor(readonly reason: string) {
    super(`The Content Lake is unavailable (${reason}).`)
  }
}

export const isLakeUnavailable = (error: unknown): error is LakeUnavailableError =>
  error instanceof LakeUnavailableError || (error as { digest?: unknown } | null)?.digest === LAKE_UNAVAILABLE_DIGEST

/** Records a read that gave up: one line when the outage starts, then a reminder at most every OUTAGE_LOG_EVERY_MS. */
export function reportUnavailable(reason: string, now = Date.now()) {
  const outage = state.outage
  if (!outage) {
    state.outage = { since: now, failedReads: 1, lastLogged: now }
    log.error(`Content Lake unreachable (${reason}); serving cached pages, and 503 for pages not in the cache`)
    return
  }
  outage.failedReads += 1
  if (now - outage.lastLogged < OUTAGE_LOG_EVERY_MS) return
  outage.lastLogged = now
  log.error(`Content Lake still unreachable (${reason}): ${outage.failedReads} reads failed in ${Math.round((now - outage.since) / 1000)} s`)
}

/** Records a read that was answered: ends an outage, with one line. */
export function reportAnswered(now = Date.now()) {
  const outage = state.outage
  if (!outage) return
  state.outage = undefined
  log.info(`Content Lake answering again after ${Math.round((now - outage.since) / 1000)} s (${outage.failedReads} reads failed)`)
}

export const lakeIsDown = () => state.outage !== undefined
