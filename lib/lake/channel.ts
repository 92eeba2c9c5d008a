import { randomUUID } from 'node:crypto'
import type { LocalStore } from '@/lib/content/sources/local-store'
import { badRequest, LakeError, notFound } from './errors'
import { eventStream, type SendEvent } from './event-stream'
import { listenerOf } from './listener'
import { liveListener } from './live'
import { closePresenceSocket, openPresenceSocket, receive, type PresenceSocket } from './presence'

/**
 * One stream per Studio tab that carries all of its listeners and its presence socket.
 *
 * A browser opens at most 6 connections to a host over HTTP/1.1, and a Studio with a document
 * open holds about ten listeners: on their own streams, the ones past six never connect and the
 * form stays read-only. The Studio's page (sanity/studio/lake-channel.ts) therefore opens one
 * channel (GET /data/channel/<dataset>), and asks it by POST to start and stop listeners and to
 * carry socket messages; their events come back on the channel, tagged with the name the page
 * gave them (docs/local-content-lake.md).
 */
type Channel = { send: SendEvent; listeners: Map<string, () => void>; sockets: Map<string, PresenceSocket> }

/** Channels open at once (each is a Studio tab), and what one request to a channel may ask. */
const MAX_CHANNELS = 100
const MAX_REQUESTS = 100
const MAX_SOCKETS = 10
const MAX_LISTENERS_PER_CHANNEL = 200
const NAME = /^[A-Za-z0-9_-]{1,64}$/

const CHANNELS = Symbol.for('news-portal.lake-channels')
const channels = ((globalThis as { [CHANNELS]?: Map<string, Channel> })[CHANNELS] ??= new Map())

/** GET /data/channel/<dataset>: the stream. Its first event, `channel`, names it for the requests. */
export function openChannel(signal: AbortSignal): Response {
  if (channels.size >= MAX_CHANNELS) throw new LakeError(503, 'tooManyChannels', `Too many Studio tabs are open (${MAX_CHANNELS}); close some.`)
  return eventStream(signal, (send) => {
    const id = randomUUID()
    const channel: Channel = { send, listeners: new Map(), sockets: new Map() }
    channels.set(id, channel)
    send('channel', { id })
    return () => {
      channels.delete(id)
      channel.listeners.forEach((stop) => stop())
      channel.sockets.forEach(closePresenceSocket)
    }
  })
}

export type ChannelRequest = {
  /** Listeners to start: a name the page chooses, and the query string of /data/listen (or of /data/live/events, for `live`). */
  listen?: { name: string; search: string; kind?: 'listen' | 'live' }[]
  /** Listeners to stop, by name. */
  stop?: string[]
  /** Socket messages, by the socket's name; `close` ends the socket. */
  socket?: { name: string; message?: string; close?: boolean }[]
}

/**
 * POST /data/channel/<dataset>/<id>: start and stop listeners, carry socket messages. A listener
 * the lake refuses (a query that is not GROQ, too many listeners) gets a `channelError` on the
 * channel, as its own stream would have had.
 */
export function channelRequest(store: LocalStore, id: string, body: ChannelRequest): { ok: true } {
  const channel = channels.get(id)
  if (!channel) throw notFound('This channel is closed: open a new one.')
  const { listen = [], stop = [], socket = [] } = body ?? {}
  if (![listen, stop, socket].every(Array.isArray) || listen.length + stop.length + socket.length > MAX_REQUESTS)
    throw badRequest(`A channel request holds "listen", "stop" and "socket" lists, at most ${MAX_REQUESTS} entries in all.`)
  const named = (name: unknown): string => {
    if (typeof name !== 'string' || !NAME.test(name)) throw badRequest('Each listener and socket of a channel has a name of letters, digits, "-" and "_".')
    return name
  }
  for (const name of stop.map(named)) {
    channel.listeners.get(name)?.()
    channel.listeners.delete(name)
  }
  for (const { name: given, search, kind } of listen) {
    const name = named(given)
    const event = (event: string, data: unknown, eventId?: string) => channel.send('listener', { name, event, data, id: eventId })
    channel.listeners.get(name)?.()
    try {
      if (typeof search !== 'string') throw badRequest('A listener is given by its query string.')
      if (channel.listeners.size >= MAX_LISTENERS_PER_CHANNEL) throw badRequest(`A channel carries at most ${MAX_LISTENERS_PER_CHANNEL} listeners.`)
      const listener = kind === 'live' ? liveListener(store) : listenerOf(store, new URLSearchParams(search))
      channel.listeners.set(
        name,
        listener.start((e) => event(e.name, e.data, e.id)),
      )
    } catch (error) {
      if (!(error instanceof LakeError)) throw error
      channel.listeners.delete(name)
      event('channelError', { message: error.message, statusCode: error.status })
    }
  }
  for (const { name: given, message, close } of socket) {
    const name = named(given)
    let presence = channel.sockets.get(name)
    if (close) {
      if (presence) closePresenceSocket(presence)
      channel.sockets.delete(name)
      continue
    }
    if (!presence) {
      if (channel.sockets.size >= MAX_SOCKETS) throw badRequest(`A channel carries at most ${MAX_SOCKETS} sockets.`)
      presence = openPresenceSocket((text) => channel.send('socket', { name, message: text }))
      channel.sockets.set(name, presence)
    }
    if (typeof message === 'string') receive(presence, message)
  }
  return { ok: true }
}
