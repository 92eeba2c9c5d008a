import { randomUUID } from 'node:crypto'
import { evaluate, parse, type ExprNode } from 'groq-js'
import type { CommittedTransaction, LocalStore, StoreChange } from '@/lib/content/sources/local-store'
import type { SanityDocument } from '@/lib/content/sources/ndjson'
import { effectsOf } from './effects'
import { badRequest } from './errors'
import { queryParamsOf } from './query'

/**
 * Comment lines that keep the stream open through proxies and tell the browser the server is
 * there; Sanity's client reconnects after 45 s of silence.
 */
const KEEP_ALIVE_MS = 20_000
/** Listeners open at once, all editors together: each costs a query check per committed document. */
const MAX_LISTENERS = 200
const LISTENERS = Symbol.for('news-portal.lake-listeners')
const open = ((globalThis as { [LISTENERS]?: { count: number } })[LISTENERS] ??= { count: 0 })

/**
 * GET /data/listen: Server-Sent Events, as the Content Lake sends them. A `welcome` first, then
 * for each document a committed transaction changes and that matches the query (before or after),
 * a `mutation` event with the revisions, the Mendoza effects and the transaction's event count.
 */
export function listen(store: LocalStore, url: URL, signal: AbortSignal): Response {
  const query = url.searchParams.get('query')
  if (!query) throw badRequest('The listener needs a "query" parameter.')
  const params = queryParamsOf(url.searchParams)
  let tree: ExprNode
  try {
    tree = parse(query, { params })
  } catch (error) {
    throw badRequest(`The listener's query is not valid GROQ: ${(error as Error).message}`)
  }
  if (open.count >= MAX_LISTENERS) throw badRequest(`Too many listeners are open (${MAX_LISTENERS}); close some Studio tabs.`)
  const includeResult = url.searchParams.get('includeResult') !== 'false'
  const includePreviousRevision = url.searchParams.get('includePreviousRevision') === 'true'
  const mendoza = url.searchParams.get('effectFormat') === 'mendoza'
  const events = new Set((url.searchParams.get('events') ?? 'welcome,mutation').split(','))
  const matches = async (doc: SanityDocument | null) =>
    doc !== null && (await (await evaluate(tree, { dataset: [doc], params })).get()).length > 0

  const encoder = new TextEncoder()
  let cleanUp = () => {}
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      open.count++
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          cleanUp()
        }
      }
      const event = (name: string, data: unknown, id?: string) => send(`${id ? `id: ${id}\n` : ''}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`)

      // Transactions are checked one after another, so a listener's events keep their order.
      let checking = Promise.resolve()
      const onTransaction = (transaction: CommittedTransaction) => {
        checking = checking.then(async () => {
          const matched: { change: StoreChange; before: boolean; after: boolean }[] = []
          for (const change of transaction.changes) {
            const [before, after] = await Promise.all([matches(change.before), matches(change.after)])
            if (before || after) matched.push({ change, before, after })
          }
          matched.forEach(({ change, before, after }, index) => {
            const { id, before: previous, after: result } = change
            event(
              'mutation',
              {
                eventId: `${transaction.transactionId}#${id}`,
                documentId: id,
                transactionId: transaction.transactionId,
                transition: before && after ? 'update' : after ? 'appear' : 'disappear',
                identity: transaction.author,
                mutations: [result ? { createOrReplace: result } : { delete: { id } }],
                ...(includeResult && result ? { result } : {}),
                ...(includePreviousRevision && previous ? { previous } : {}),
                ...(previous ? { previousRev: previous._rev } : {}),
                ...(result ? { resultRev: transaction.transactionId } : {}),
                ...(mendoza ? { effects: effectsOf(previous, result) } : {}),
                timestamp: transaction.timestamp,
                visibility: 'query',
                transactionTotalEvents: matched.length,
                transactionCurrentEvent: index + 1,
              },
              `${transaction.transactionId}#${id}`,
            )
          })
        }).catch(() => {})
      }
      const unsubscribe = events.has('mutation') ? store.subscribe(onTransaction) : () => {}
      const keepAlive = setInterval(() => send(': keep-alive\n\n'), KEEP_ALIVE_MS)
      keepAlive.unref()
      let closed = false
      cleanUp = () => {
        if (closed) return
        closed = true
        open.count--
        unsubscribe()
        clearInterval(keepAlive)
        try {
          controller.close()
        } catch {
          // Already closed by the reader going away.
        }
      }
      signal.addEventListener('abort', cleanUp)
      if (events.has('welcome')) event('welcome', { listenerName: randomUUID() })
    },
    cancel() {
      cleanUp()
    },
  })
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      // Next compresses responses, and a compressor holds events back until its buffer fills.
      'Content-Encoding': 'none',
      'X-Accel-Buffering': 'no',
    },
  })
}
