// @ts-check
// Plain JavaScript: Next imports the cache handlers at run time, without compiling them.

/**
 * A cache entry for an address that names nothing: a page or route that answered 404 (an unknown
 * slug, a page past the end of a listing), or a Content Lake answer with nothing in it (the query
 * behind such a page: no document, or an empty page of a listing). Anyone can make up such
 * addresses without end, so storing them would let a crawler or an attacker fill the disk, the
 * heap and Redis. Each such request costs a render instead, which is bounded.
 *
 * @param {any} value Next's incremental cache value (`kind` and the fields of that kind)
 */
export function namesNothing(value) {
  switch (value?.kind) {
    case 'APP_PAGE':
    case 'APP_ROUTE':
    case 'PAGES':
      return value.status === 404
    case 'FETCH':
      return isEmptyAnswer(value.data?.body)
    default:
      return false
  }
}

/** A Content Lake query answer (`{ result }`, base64 in Next's fetch cache) that found nothing. */
function isEmptyAnswer(/** @type {unknown} */ body) {
  if (typeof body !== 'string') return false
  let result
  try {
    ;({ result } = JSON.parse(Buffer.from(body, 'base64').toString('utf8')))
  } catch {
    return false
  }
  if (result === null) return true
  if (Array.isArray(result)) return result.length === 0
  return typeof result === 'object' && Array.isArray(result.items) && result.items.length === 0
}

/**
 * Next's cache handler class `Base`, storing nothing for an address that names nothing, unless
 * an entry is already stored under its key: a page that existed and is gone (an unpublished
 * article) must not be served on, so its 404 replaces it.
 *
 * @template {new (...args: any[]) => { get(key: string, ctx: any): Promise<unknown>, set(key: string, value: any, ctx: any): Promise<void> }} Base
 * @param {Base} Base
 */
export function storingKnownAddressesOnly(Base) {
  return class extends Base {
    /** @param {string} key @param {any} value @param {any} ctx */
    async set(key, value, ctx) {
      if (namesNothing(value) && !(await this.get(key, { kind: value.kind, tags: ctx?.tags ?? [], softTags: [] }))) return
      return super.set(key, value, ctx)
    }
  }
}
