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

export const localLakeClient = (options: ClientConfig) => createClient({ ...options, apiHost: localLakeHost(), useProjectHostname: false })

/**
 * Offline, the Studio's two calls to Sanity's cloud that do not go through its client (the
 * check for a newer Studio version and the feedback form's availability) are answered in the
 * page without a request: nothing leaves the machine, and no failed request is logged.
 */
const CLOUD_ANSWERS: { prefix: string; answer: () => Response }[] = [
  { prefix: 'https://sanity-cdn.com/v1/modules/', answer: () => Response.json({}) },
  { prefix: 'https://api.sanity.io/vX/intake/feedback', answer: () => new Response(null, { status: 503 }) },
]

export function answerCloudCallsInPage() {
  if (typeof window === 'undefined' || typeof window.fetch !== 'function' || (window.fetch as { localLake?: boolean }).localLake) return
  const fetch = window.fetch.bind(window)
  const offline: typeof window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const known = CLOUD_ANSWERS.find(({ prefix }) => url.startsWith(prefix))
    return known ? Promise.resolve(known.answer()) : fetch(input, init)
  }
  window.fetch = Object.assign(offline, { localLake: true })
}
