import { ServerResponse } from 'node:http'
import { lakeIsDown, RETRY_AFTER_SECONDS } from '@/lib/content/sources/lake-outage'

const PATCHED = Symbol.for('news-portal.outage-status')

/**
 * A page that fails because the Content Lake is unreachable answers 503 with Retry-After, not
 * 500. Next 16 cannot say so from the page: a render that throws answers 500 (app-render.js),
 * the only statuses a page may choose are notFound()'s, forbidden()'s and unauthorized()'s
 * (HTTPAccessErrorStatus), and the proxy runs before the render and cannot change its status.
 * So this process's responses are changed where they all pass, writeHead: a 500 written while
 * the Content Lake is unreachable (lake-outage.ts) becomes a 503 that no cache keeps. Next has
 * already left the failed render out of its cache; a cached page, served stale, is a 200 and
 * passes untouched. Called once, by instrumentation.ts, in `next start` and `next dev`.
 */
export function answerLakeOutagesWith503() {
  const prototype = ServerResponse.prototype as ServerResponse & { [PATCHED]?: true }
  if (prototype[PATCHED]) return
  prototype[PATCHED] = true
  const writeHead = prototype.writeHead
  prototype.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 500 && lakeIsDown()) {
      this.setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
      this.setHeader('Cache-Control', 'no-store')
      // Without the reason phrase Next passed for 500, if any: Node then writes 503's own.
      return Reflect.apply(writeHead, this, [503, ...(typeof rest[0] === 'string' ? rest.slice(1) : rest)]) as ServerResponse
    }
    return Reflect.apply(writeHead, this, [statusCode, ...rest]) as ServerResponse
  } as typeof writeHead
}
