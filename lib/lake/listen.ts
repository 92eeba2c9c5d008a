import type { LocalStore } from '@/lib/content/sources/local-store'
import { eventStream } from './event-stream'
import { listenerOf } from './listener'

/** GET /data/listen: one listener (lib/lake/listener.ts) on a stream of its own, as the Content Lake serves it. */
export function listen(store: LocalStore, url: URL, signal: AbortSignal): Response {
  const listener = listenerOf(store, url.searchParams)
  return eventStream(signal, (send) => listener.start(({ name, data, id }) => send(name, data, id)))
}
