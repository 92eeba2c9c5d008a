import { createClient, type ClientConfig } from '@sanity/client'

/**
 * Where the Studio talks to the embedded dataset: the site's own local Content Lake
 * (lib/lake), at /api/lake on the page's origin, with fixed local names for the project and
 * the dataset. Sanity's client would put the project id in front of the host
 * (`local.api.sanity.io`): the factory tells it to call the host as it is.
 */
export const LOCAL_LAKE_PATH = '/api/lake'
export const LOCAL_LAKE_PROJECT_ID = 'local'
export const LOCAL_LAKE_DATASET = 'embedded'

export const localLakeHost = () => (typeof window === 'undefined' ? 'http://localhost' : window.location.origin) + LOCAL_LAKE_PATH

/**
 * The Studio names itself in an `x-sanity-app` header, which the local lake has no use for. It
 * is left off: with a header to send, Sanity's client opens listeners through a fetch-based
 * EventSource of its own instead of the page's, and the page's is the one that shares a
 * connection (lake-channel.ts).
 */
export const localLakeClient = ({ headers: _studioName, ...options }: ClientConfig) =>
  createClient({ ...options, apiHost: localLakeHost(), useProjectHostname: false })

/**
 * Offline, the Studio's two calls to Sanity's cloud that do not go through its client (the
 * check for a newer Studio version and the feedback form's availability) are answered in the
 * page without a request: nothing leaves the machine, and no failed request is logged.
 *
 * So is its HTTP protocol check of the lake, which warns that HTTP/1.1 allows a page only 6
 * connections to a host. The local lake is served over HTTP/1.1 (browsers speak HTTP/2 over
 * TLS only), and the Studio's streams share one connection (lake-channel.ts), so the warning
 * would be about a limit the Studio no longer meets.
 */
const IN_PAGE_ANSWERS: { matches: (url: string) => boolean; answer: () => Response }[] = [
  { matches: (url) => url.startsWith('https://sanity-cdn.com/v1/modules/'), answer: () => Response.json({}) },
  { matches: (url) => url.startsWith('https://api.sanity.io/vX/intake/feedback'), answer: () => new Response(null, { status: 503 }) },
  { matches: (url) => url.startsWith(localLakeHost() + '/') && url.endsWith('/ping?tag=sanity.studio.protocol-check'), answer: () => new Response('PONG') },
]

export function answerOfflineCallsInPage() {
  if (typeof window === 'undefined' || typeof window.fetch !== 'function' || (window.fetch as { localLake?: boolean }).localLake) return
  const fetch = window.fetch.bind(window)
  const offline: typeof window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const known = IN_PAGE_ANSWERS.find(({ matches }) => matches(url))
    return known ? Promise.resolve(known.answer()) : fetch(input, init)
  }
  window.fetch = Object.assign(offline, { localLake: true })
}
