import { randomUUID } from 'node:crypto'
import type { LocalStore } from '@/lib/content/sources/local-store'
import { assertListenerRoom, countListener, type Listener } from './listener'

/**
 * The Live Content API's events (/data/live/events), which Presentation's loader listens to: a
 * `welcome`, then for each committed transaction a `restart`, which tells a client to fetch its
 * queries again. The Content Lake sends `message` events naming the sync tags of the results
 * that changed; the local lake's query answers carry no sync tags, so every change is a restart:
 * correct, and cheap at an editor's pace.
 */
export function liveListener(store: LocalStore): Listener {
  assertListenerRoom()
  return {
    start(emit) {
      const release = countListener()
      emit({ name: 'welcome', data: {}, id: randomUUID() })
      const unsubscribe = store.subscribe((transaction) => emit({ name: 'restart', data: {}, id: transaction.transactionId }))
      return () => {
        release()
        unsubscribe()
      }
    },
  }
}
