import { randomUUID } from 'node:crypto'
import { evaluate, parse, type ExprNode } from 'groq-js'
import type { CommittedTransaction, LocalStore, StoreChange } from '@/lib/content/sources/local-store'
import type { SanityDocument } from '@/lib/content/sources/ndjson'
import { effectsOf } from './effects'
import { badRequest, LakeError } from './errors'
import { queryParamsOf } from './query'

/** Listeners open at once, all editors together (live ones included): each costs work per committed transaction. */
const MAX_LISTENERS = 400
const LISTENERS = Symbol.for('news-portal.lake-listeners')
const open = ((globalThis as { [LISTENERS]?: { count: number } })[LISTENERS] ??= { count: 0 })

/** One event of a listener, as a Server-Sent Event names it: its name, its data and its id. */
export type ListenerEvent = { name: string; data: unknown; id?: string }

/** A listener, checked and ready: `start` sends its events to `emit` and returns the function that stops it. */
export type Listener = { start: (emit: (event: ListenerEvent) => void) => () => void }

/** Refuses a listener past the limit, with a 503, before anything starts. */
export function assertListenerRoom() {
  if (open.count >= MAX_LISTENERS) throw new LakeError(503, 'tooManyListeners', `Too many listeners are open (${MAX_LISTENERS}); close some Studio tabs.`)
}

/** Counts a started listener against the limit; the function returned gives its place back, once. */
export function countListener(): () => void {
  open.count++
  let counted = true
  return () => {
    if (counted) open.count--
    counted = false
  }
}

/**
 * A listener, as /data/listen defines it by its query string: a `welcome` first, then for each
 * document a committed transaction changes and that matches the query (before or after), a
 * `mutation` event with the revisions, the Mendoza effects and the transaction's event count.
 * A query that is not GROQ, or one listener too many, throws a LakeError before anything starts;
 * `start` returns the function that stops it.
 */
export function listenerOf(store: LocalStore, search: URLSearchParams): Listener {
  const query = search.get('query')
  if (!query) throw badRequest('The listener needs a "query" parameter.')
  const params = queryParamsOf(search)
  let tree: ExprNode
  try {
    tree = parse(query, { params })
  } catch (error) {
    throw badRequest(`The listener's query is not valid GROQ: ${(error as Error).message}`)
  }
  assertListenerRoom()
  const includeResult = search.get('includeResult') !== 'false'
  const includePreviousRevision = search.get('includePreviousRevision') === 'true'
  const mendoza = search.get('effectFormat') === 'mendoza'
  const events = new Set((search.get('events') ?? 'welcome,mutation').split(','))
  const matches = async (doc: SanityDocument | null) => doc !== null && (await (await evaluate(tree, { dataset: [doc], params })).get()).length > 0

  const start = (emit: (event: ListenerEvent) => void) => {
    // Transactions are checked one after another, so a listener's events keep their order.
    let checking = Promise.resolve()
    let closed = false
    const onTransaction = (transaction: CommittedTransaction) => {
      checking = checking
        .then(async () => {
          const matched: {
            change: StoreChange
            before: boolean
            after: boolean
          }[] = []
          for (const change of transaction.changes) {
            const [before, after] = await Promise.all([matches(change.before), matches(change.after)])
            if (before || after) matched.push({ change, before, after })
          }
          matched.forEach(({ change, before, after }, index) => {
            if (closed) return
            const { id, before: previous, after: result } = change
            const eventId = `${transaction.transactionId}#${id}`
            emit({
              name: 'mutation',
              id: eventId,
              data: {
                eventId,
                documentId: id,
                transactionId: transaction.transactionId,
                transition: before && after ? 'update' : after ? 'appear' : 'disappear',
                identity: transaction.author,
                mutations: [result ? { createOrReplace: result } : { delete: { id } }],
                ...(includeResult && result ? { result } : {}),
                ...(includePreviousRevision && previous ? { previous } : {}),
                ...(previous ? { previousRev: previous._rev } : {}),
                // A deletion has a resultRev too, the transaction's id, as the Studio chains events by it.
                resultRev: transaction.transactionId,
                ...(mendoza ? { effects: effectsOf(previous, result) } : {}),
                timestamp: transaction.timestamp,
                visibility: 'query',
                transactionTotalEvents: matched.length,
                transactionCurrentEvent: index + 1,
              },
            })
          })
        })
        .catch(() => {})
    }
    const release = countListener()
    const unsubscribe = events.has('mutation') ? store.subscribe(onTransaction) : () => {}
    if (events.has('welcome')) emit({ name: 'welcome', data: { listenerName: randomUUID() } })
    return () => {
      if (closed) return
      closed = true
      release()
      unsubscribe()
    }
  }
  return { start }
}
