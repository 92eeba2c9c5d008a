import { randomUUID } from 'node:crypto'
import { EDITOR } from './editor'

/**
 * The Studio's presence (who is looking at which document), the part of Sanity's realtime socket
 * (`/socket/<dataset>`, JSON-RPC 2.0) the Studio uses: subscribe to `presence`, announce one's
 * locations, ask the others to announce theirs (roll call), and say goodbye. Every open socket
 * hears what every other one says. Memory only: presence is about now.
 */
export type PresenceSocket = {
  /** Sends one message to the socket's browser side. */
  reply: (message: string) => void
  subscriptions: Set<string>
  sessions: Set<string>
}

/** Subscriptions and announced sessions one socket may hold: the Studio uses one of each per tab. */
const MAX_PER_SOCKET = 10
const SOCKETS = Symbol.for('news-portal.lake-presence')
const sockets = ((globalThis as { [SOCKETS]?: Set<PresenceSocket> })[SOCKETS] ??= new Set())

type Request = { id?: unknown; method?: unknown; params?: Record<string, unknown> }
type PresenceEvent =
  { type: 'rollCall'; i: string; session: unknown } | { type: 'state'; i: string; m: unknown } | { type: 'disconnect'; i: string; m: { session: unknown } }

const message = (body: Record<string, unknown>) => JSON.stringify({ jsonrpc: '2.0', ...body })

export function openPresenceSocket(reply: (message: string) => void): PresenceSocket {
  const socket = { reply, subscriptions: new Set<string>(), sessions: new Set<string>() }
  sockets.add(socket)
  return socket
}

export function closePresenceSocket(socket: PresenceSocket) {
  if (!sockets.delete(socket)) return
  for (const session of socket.sessions) broadcast(socket, { type: 'disconnect', i: EDITOR.id, m: { session } })
}

/** One JSON-RPC message from the browser; answers with a result or an error, as the socket would. */
export function receive(socket: PresenceSocket, text: string) {
  let request: Request
  try {
    request = JSON.parse(text) as Request
  } catch {
    return socket.reply(message({ id: null, error: { code: -32700, message: 'The message is not JSON.' } }))
  }
  const params = request.params ?? {}
  const result = (value: unknown) => socket.reply(message({ id: request.id, result: value }))
  switch (request.method) {
    case 'authorization':
      return result(true)
    case 'presence_subscribe': {
      if (socket.subscriptions.size >= MAX_PER_SOCKET)
        return socket.reply(message({ id: request.id, error: { code: -32600, message: `A socket holds at most ${MAX_PER_SOCKET} presence subscriptions.` } }))
      const subscription = randomUUID()
      socket.subscriptions.add(subscription)
      return result(subscription)
    }
    case 'presence_unsubscribe':
      socket.subscriptions.delete(String(params.subscriptionId))
      return result(true)
    case 'presence_rollcall':
      broadcast(socket, { type: 'rollCall', i: EDITOR.id, session: params.session })
      return result(true)
    case 'presence_announce': {
      const data = (params.data ?? {}) as { sessionId?: unknown }
      if (typeof data.sessionId === 'string' && socket.sessions.size < MAX_PER_SOCKET) socket.sessions.add(data.sessionId)
      broadcast(socket, { type: 'state', i: EDITOR.id, m: data })
      return result(true)
    }
    case 'presence_disconnect':
      socket.sessions.delete(String(params.session))
      broadcast(socket, { type: 'disconnect', i: EDITOR.id, m: { session: params.session } })
      return result(true)
    default:
      return socket.reply(message({ id: request.id, error: { code: -32601, message: `The local socket does not answer "${String(request.method)}".` } }))
  }
}

function broadcast(from: PresenceSocket, event: PresenceEvent) {
  for (const socket of sockets) {
    if (socket === from) continue
    for (const subscription of socket.subscriptions) socket.reply(message({ method: 'presence_subscription', params: { subscription, result: event } }))
  }
}
