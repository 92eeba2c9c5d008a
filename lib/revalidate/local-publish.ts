import 'server-only'
import crypto from 'node:crypto'
import http from 'node:http'
import { after } from 'next/server'
import { recordPublishedChange } from '@/lib/cache/dataset-version.mjs'
import { log } from '@/lib/log'

/** The route that expires the cached pages (app/api/revalidate/local/route.ts), and the header of its token. */
export const LOCAL_PUBLISH_PATH = '/api/revalidate/local'
export const LOCAL_PUBLISH_HEADER = 'x-local-publish-token'

/**
 * How long a render may still take after its last read of the content: rendering, then
 * storing the page. Longer than any page takes here (under a second at 10,000 articles).
 */
const RENDER_TAIL_MS = 3000
/**
 * Generous: the request is answered by this same process, whose event loop a reload of a
 * large dataset keeps busy for a moment, and a timer can fire before the waiting request is read.
 */
const REQUEST_TIMEOUT_MS = 30_000
/** The server's own address: the token goes nowhere else. */
const LOOPBACK_HOSTS = ['127.0.0.1', '::1']

// One token per process, on globalThis: Next bundles this module separately for the watcher
// (started by instrumentation.ts) and for the route, and both must hold the same token.
const TOKEN = Symbol.for('news-portal.local-publish-token')
function processToken(): string {
  const holder = globalThis as { [TOKEN]?: string }
  return (holder[TOKEN] ??= crypto.randomBytes(32).toString('base64url'))
}

/** Whether a request to the route comes from this process. */
export function isLocalPublishToken(candidate: string | null): boolean {
  if (!candidate) return false
  // Digests have one length, so timingSafeEqual compares whatever was sent in constant time.
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest()
  return crypto.timingSafeEqual(digest(candidate), digest(processToken()))
}

/**
 * After the watcher swapped in a new version of LOCAL_DATASET: expires every cached page now.
 * Next stamps a page with the time it is stored, not the time its render read the content: a
 * render that read the previous version and is stored after this expiry would be served as
 * fresh until its time-based revalidation. So when the previous version was read recently
 * (`previousLastRead`, performance.now()), the pages are expired once more when such a render
 * must have been stored.
 */
export function expireCachedPagesAfterReload(previousLastRead: number) {
  // First, before any page of the new version can be stored: a restart must not trust the pages cached so far.
  recordPublishedChange()
  void expireCachedPages()
  const renderMayStillStore = previousLastRead + RENDER_TAIL_MS - performance.now()
  if (renderMayStillStore > 0) setTimeout(() => void expireCachedPages(), renderMayStillStore).unref()
}

/**
 * A POST to this server's route, answered with its status. node:http rather than fetch: Next
 * patches fetch, and a no-store fetch made while a page is being rendered (the `after` below
 * runs in its render's context) would count as the page's own and make it dynamic.
 */
function post(host: string, port: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host, port, path: LOCAL_PUBLISH_PATH, method: 'POST', headers: { [LOCAL_PUBLISH_HEADER]: processToken() }, timeout: REQUEST_TIMEOUT_MS },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      },
    )
    request.on('timeout', () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)))
    request.on('error', reject)
    request.end()
  })
}

/**
 * Asks this server's own route, over loopback, to expire every cached page. Next expires
 * pages only from inside a request (revalidatePath needs its context), which a file watcher
 * does not have. `next start` sets PORT once it listens.
 */
export async function expireCachedPages(): Promise<boolean> {
  const port = process.env.PORT
  const problems = port ? [] : ['PORT is not set']
  for (const host of port ? LOOPBACK_HOSTS : []) {
    try {
      const status = await post(host, port!)
      if (status >= 200 && status < 300) return true
      problems.push(`${LOCAL_PUBLISH_PATH} answered ${status}`)
      break
    } catch (error) {
      // Not listening on this loopback address (a server bound to one family only): try the next.
      problems.push(`${host} port ${port}: ${String(error)}`)
    }
  }
  log.warn(`Could not expire the cached pages after reloading LOCAL_DATASET (${problems.join('; ')}); they refresh at their next revalidation.`)
  return false
}

let expiryQueued = false

/**
 * For a request that read a version of LOCAL_DATASET: once its response is done, expires the
 * pages again if a newer version was served meanwhile. Next stores a regenerated page before
 * it answers, so a page stored from the old version, after the reload's expiry, is expired
 * as soon as it exists, rather than when the second expiry above comes. The reads of one
 * response share one expiry. Outside a request (the background index build, `next build`)
 * nothing is stored, and `after` is not available: nothing to do.
 */
export function expireAfterResponseIfReplaced(replaced: () => boolean) {
  try {
    after(() => {
      if (!replaced() || expiryQueued) return
      expiryQueued = true
      setImmediate(() => {
        expiryQueued = false
        void expireCachedPages()
      })
    })
  } catch {
    // Not in a request.
  }
}
