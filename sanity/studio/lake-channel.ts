import type { ChannelRequest } from '@/lib/lake/channel'
import { LOCAL_LAKE_DATASET, localLakeHost } from './local-lake'

/**
 * The Studio's listeners and presence socket, all on one connection to the local Content Lake.
 *
 * A browser opens at most 6 connections to a host over HTTP/1.1, and the Studio holds about ten
 * event streams with a document open: the ones past six never connect, and the form stays
 * read-only. The page's EventSource and WebSocket are therefore replaced, for the local lake's
 * addresses only (listeners, Live Content API events, the presence socket), by stand-ins that
 * carry each of them over one channel (lib/lake/channel.ts): one stream down, small POSTs up. To Sanity's client and to the Studio
 * they behave as the browser's own: `open`, named message events, `error` with the ready state
 * that tells a reconnect from an end, `close()`.
 */
type Delivery = { name: string; event: string; data: unknown; id?: string }

const listenPath = /\/data\/listen\/[^/?]+$/
const livePath = /\/data\/live\/events\/[^/?]+$/
const socketPath = /\/socket\/[^/?]+$/

/** The lake address a URL names, if it is one of the lake's listeners or sockets. */
function lakeAddress(url: string | URL, pattern: RegExp): URL | undefined {
  const address = new URL(String(url).replace(/^ws/, 'http'), window.location.href)
  return address.href.startsWith(localLakeHost() + '/') && pattern.test(address.pathname) ? address : undefined
}

class Channel {
  private source?: EventSource
  private id?: string
  private names = 0
  private readonly listeners = new Map<string, SharedListener>()
  private readonly sockets = new Map<string, SharedSocket>()
  private pending: Required<ChannelRequest> = { listen: [], stop: [], socket: [] }
  private sending = Promise.resolve()

  constructor(private readonly NativeEventSource: typeof EventSource) {}

  name = (kind: string) => `${kind}-${++this.names}`

  addListener(listener: SharedListener) {
    this.listeners.set(listener.name, listener)
    this.open()
    if (this.id) this.request({ listen: [listener.request] })
  }

  removeListener(listener: SharedListener) {
    if (this.listeners.delete(listener.name) && this.id) this.request({ stop: [listener.name] })
  }

  addSocket(socket: SharedSocket) {
    this.sockets.set(socket.name, socket)
    this.open()
    if (this.id) queueMicrotask(() => socket.opened())
  }

  sendOnSocket(socket: SharedSocket, message: string) {
    this.request({ socket: [{ name: socket.name, message }] })
  }

  removeSocket(socket: SharedSocket) {
    if (this.sockets.delete(socket.name) && this.id) this.request({ socket: [{ name: socket.name, close: true }] })
  }

  private open() {
    if (this.source) return
    const source = new this.NativeEventSource(`${localLakeHost()}/v1/data/channel/${LOCAL_LAKE_DATASET}`, { withCredentials: true })
    this.source = source
    source.addEventListener('channel', (event) => {
      this.id = (JSON.parse(event.data) as { id: string }).id
      this.pending = { listen: [], stop: [], socket: [] }
      const listen = [...this.listeners.values()].map((listener) => listener.request)
      if (listen.length) this.request({ listen })
      this.sockets.forEach((socket) => socket.opened())
    })
    source.addEventListener('listener', (event) => {
      const delivery = JSON.parse(event.data) as Delivery
      this.listeners.get(delivery.name)?.deliver(delivery.event, delivery.data, delivery.id)
    })
    source.addEventListener('socket', (event) => {
      const { name, message } = JSON.parse(event.data) as { name: string; message: string }
      this.sockets.get(name)?.deliver(message)
    })
    source.addEventListener('error', () => {
      // The browser reconnects a stream that broke (CONNECTING), not one the server refused (CLOSED).
      const ended = source.readyState === source.CLOSED
      this.id = undefined
      if (ended) this.source = undefined
      this.listeners.forEach((listener) => listener.lost(ended))
      this.sockets.forEach((socket) => socket.lost())
      this.sockets.clear()
      if (ended) this.listeners.clear()
    })
  }

  /** Requests made in one turn of the event loop go in one POST, and POSTs go one after another. */
  private request(part: ChannelRequest) {
    const first = !this.pending.listen.length && !this.pending.stop.length && !this.pending.socket.length
    this.pending.listen.push(...(part.listen ?? []))
    this.pending.stop.push(...(part.stop ?? []))
    this.pending.socket.push(...(part.socket ?? []))
    if (!first) return
    queueMicrotask(() => {
      const id = this.id
      const body = this.pending
      this.pending = { listen: [], stop: [], socket: [] }
      if (!id) return
      const url = `${localLakeHost()}/v1/data/channel/${LOCAL_LAKE_DATASET}/${id}`
      // A failed request means the channel is gone: its stream's error reopens everything.
      this.sending = this.sending.then(() =>
        fetch(url, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
          // Read to the end, so the connection goes back to the browser's pool.
          .then((response) => response.text())
          .then(
            () => undefined,
            () => undefined,
          ),
      )
    })
  }
}

/** An EventTarget that also calls its `on<type>` property, as the browser's EventSource and WebSocket do. */
class HandlerTarget extends EventTarget {
  protected fire(event: Event) {
    this.dispatchEvent(event)
    const handler = (this as unknown as Record<string, unknown>)[`on${event.type}`]
    if (typeof handler === 'function') handler.call(this, event)
  }
}

/** What the Studio's client gets for `new EventSource(<a lake listener>)`. */
class SharedListener extends HandlerTarget {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSED = 2
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSED = 2
  readyState = 0
  onopen: ((event: Event) => void) | null = null
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  readonly name: string

  constructor(
    private readonly channel: Channel,
    readonly url: string,
    private readonly kind: 'listen' | 'live',
    readonly withCredentials: boolean,
  ) {
    super()
    this.name = channel.name('listener')
    channel.addListener(this)
  }

  /** What the channel is asked to start for this listener. */
  get request() {
    return { name: this.name, search: new URL(this.url).search.slice(1), kind: this.kind }
  }

  deliver(event: string, data: unknown, id?: string) {
    if (this.readyState === this.CLOSED) return
    if (this.readyState !== this.OPEN) {
      this.readyState = this.OPEN
      this.fire(new Event('open'))
    }
    this.fire(new MessageEvent(event, { data: JSON.stringify(data), lastEventId: id ?? '' }))
  }

  lost(ended: boolean) {
    if (this.readyState === this.CLOSED) return
    this.readyState = ended ? this.CLOSED : this.CONNECTING
    this.fire(new Event('error'))
  }

  close() {
    if (this.readyState === this.CLOSED) return
    this.readyState = this.CLOSED
    this.channel.removeListener(this)
  }
}

/** What the Studio's presence gets for `new WebSocket(<the lake's socket>)`. */
class SharedSocket extends HandlerTarget {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSING = 2
  readonly CLOSED = 3
  readyState = 0
  readonly protocol = ''
  readonly extensions = ''
  readonly bufferedAmount = 0
  binaryType: BinaryType = 'blob'
  onopen: ((event: Event) => void) | null = null
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  onclose: ((event: CloseEvent) => void) | null = null
  readonly name: string

  constructor(
    private readonly channel: Channel,
    readonly url: string,
  ) {
    super()
    this.name = channel.name('socket')
    channel.addSocket(this)
  }

  opened() {
    if (this.readyState !== this.CONNECTING) return
    this.readyState = this.OPEN
    this.fire(new Event('open'))
  }

  /** As the browser's: an error before the socket opens, nothing sent once it has closed. */
  send(message: string) {
    if (this.readyState === this.CONNECTING) throw new DOMException('The socket is not open yet.', 'InvalidStateError')
    if (this.readyState === this.OPEN) this.channel.sendOnSocket(this, message)
  }

  deliver(message: string) {
    if (this.readyState === this.OPEN) this.fire(new MessageEvent('message', { data: message }))
  }

  lost() {
    if (this.readyState === this.CLOSED) return
    this.readyState = this.CLOSED
    this.fire(new Event('error'))
    this.fire(new CloseEvent('close', { code: 1006, reason: 'The connection to the site was lost.', wasClean: false }))
  }

  close(code = 1000, reason = '') {
    if (this.readyState === this.CLOSED) return
    this.readyState = this.CLOSED
    this.channel.removeSocket(this)
    this.fire(new CloseEvent('close', { code, reason, wasClean: true }))
  }
}

/** Puts the stand-ins in place of the page's EventSource and WebSocket; other addresses get the browser's own. */
export function shareLakeConnections() {
  if (typeof window === 'undefined' || typeof window.EventSource !== 'function' || (window.EventSource as { lakeChannel?: boolean }).lakeChannel) return
  const NativeEventSource = window.EventSource
  const NativeWebSocket = window.WebSocket
  const channel = new Channel(NativeEventSource)

  const EventSourceOrListener = function (url: string | URL, init?: EventSourceInit) {
    const listener = lakeAddress(url, listenPath)
    const live = listener ? undefined : lakeAddress(url, livePath)
    const address = listener ?? live
    if (!address) return new NativeEventSource(url, init)
    return new SharedListener(channel, address.href, live ? 'live' : 'listen', init?.withCredentials ?? false)
  }
  const WebSocketOrShared = function (url: string | URL, protocols?: string | string[]) {
    const address = lakeAddress(url, socketPath)
    return address ? new SharedSocket(channel, String(url)) : new NativeWebSocket(url, protocols)
  }
  window.EventSource = Object.assign(EventSourceOrListener, {
    CONNECTING: 0,
    OPEN: 1,
    CLOSED: 2,
    lakeChannel: true,
    prototype: NativeEventSource.prototype,
  }) as never
  window.WebSocket = Object.assign(WebSocketOrShared, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3, prototype: NativeWebSocket.prototype }) as never
}
