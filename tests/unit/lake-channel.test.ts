/**
 * @jest-environment jsdom
 */
import { shareLakeConnections } from '@/sanity/studio/lake-channel'

/**
 * The Studio page's stand-ins for EventSource and WebSocket (sanity/studio/lake-channel.ts):
 * however many the Studio opens to the local lake, the page holds one stream, and each stand-in
 * behaves as the browser's own would, through a reconnect.
 */

class NativeEventSource extends EventTarget {
  static opened: NativeEventSource[] = []
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSED = 2
  readyState = 0
  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    super()
    NativeEventSource.opened.push(this)
  }
  close() {
    this.readyState = 2
  }
  emit(name: string, data: unknown) {
    this.dispatchEvent(new MessageEvent(name, { data: JSON.stringify(data) }))
  }
  fail(readyState: number) {
    this.readyState = readyState
    this.dispatchEvent(new Event('error'))
  }
}
class NativeWebSocket extends EventTarget {
  constructor(readonly url: string) {
    super()
  }
}

type Post = {
  url: string
  body: { listen?: { name: string; search: string; kind?: string }[]; stop?: string[]; socket?: { name: string; message?: string; close?: boolean }[] }
}
const posts: Post[] = []
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const LAKE = 'http://localhost/api/lake'

beforeAll(() => {
  Object.assign(window, { EventSource: NativeEventSource, WebSocket: NativeWebSocket })
  window.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    posts.push({ url: String(url), body: JSON.parse(String(init?.body)) })
    return { ok: true, text: async () => '{}' } as Response
  })
  shareLakeConnections()
})

const record = (target: EventTarget, names: string[]) => {
  const seen: { type: string; data?: unknown; readyState: number }[] = []
  for (const name of names)
    target.addEventListener(name, (event) =>
      seen.push({ type: event.type, data: (event as MessageEvent).data, readyState: (target as EventSource).readyState }),
    )
  return seen
}

describe('the shared connection to the local lake', () => {
  it('leaves other addresses to the browser’s own EventSource', () => {
    const other = new window.EventSource('http://localhost/api/draft-mode/live')
    expect(other).toBeInstanceOf(NativeEventSource)
  })

  it('carries many listeners on one stream, each hearing only its own events, and stops one on close()', async () => {
    const first = new window.EventSource(`${LAKE}/v2025-02-19/data/listen/embedded?query=*%5B_type%3D%3D%22article%22%5D&events=welcome,mutation`, {
      withCredentials: true,
    })
    const second = new window.EventSource(`${LAKE}/v2025-02-19/data/listen/embedded?query=*&events=welcome`, { withCredentials: true })
    const channels = NativeEventSource.opened.filter((source) => source.url.includes('/data/channel/'))
    expect(channels).toHaveLength(1)
    expect(channels[0].init).toEqual({ withCredentials: true })
    const [channel] = channels

    channel.emit('channel', { id: 'c1' })
    await settle()
    expect(posts).toHaveLength(1)
    expect(posts[0].url).toBe(`${LAKE}/v1/data/channel/embedded/c1`)
    const [a, b] = posts[0].body.listen!
    expect(a.search).toBe('query=*%5B_type%3D%3D%22article%22%5D&events=welcome,mutation')
    expect(b.search).toBe('query=*&events=welcome')

    const firstEvents = record(first, ['open', 'welcome', 'mutation'])
    const secondEvents = record(second, ['open', 'welcome', 'mutation'])
    channel.emit('listener', { name: a.name, event: 'welcome', data: { listenerName: 'l1' } })
    channel.emit('listener', { name: a.name, event: 'mutation', data: { documentId: 'article-a' }, id: 'tx#article-a' })
    expect(firstEvents).toEqual([
      { type: 'open', readyState: 1, data: undefined },
      { type: 'welcome', readyState: 1, data: JSON.stringify({ listenerName: 'l1' }) },
      { type: 'mutation', readyState: 1, data: JSON.stringify({ documentId: 'article-a' }) },
    ])
    expect(secondEvents).toEqual([])

    first.close()
    await settle()
    expect(posts[1].body).toEqual({ listen: [], stop: [a.name], socket: [] })
    channel.emit('listener', { name: a.name, event: 'mutation', data: {} })
    expect(firstEvents).toHaveLength(3)

    // The stream breaks and the browser reconnects it: the listener hears an error while
    // CONNECTING (Sanity's client emits "reconnect"), and is listened to again on the new channel.
    const secondErrors = record(second, ['error'])
    channel.fail(0)
    expect(secondErrors).toEqual([{ type: 'error', readyState: 0, data: undefined }])
    channel.readyState = 1
    channel.emit('channel', { id: 'c2' })
    await settle()
    expect(posts[2].url).toBe(`${LAKE}/v1/data/channel/embedded/c2`)
    expect(posts[2].body.listen).toEqual([{ name: b.name, search: b.search, kind: 'listen' }])
    second.close()
  })

  it('carries the Live Content API’s events, which Presentation listens to, on the same stream', async () => {
    const before = NativeEventSource.opened.length
    const live = new window.EventSource(`${LAKE}/v2025-02-19/data/live/events/embedded?includeDrafts=true`, { withCredentials: true })
    expect(NativeEventSource.opened.length).toBe(before)
    await settle()
    expect(posts.at(-1)!.body.listen).toEqual([expect.objectContaining({ search: 'includeDrafts=true', kind: 'live' })])
    live.close()
  })

  it('tells a listener the stream ended when the server refuses it, so the client opens a new one', async () => {
    const listener = new window.EventSource(`${LAKE}/v2025-02-19/data/listen/embedded?query=*`)
    const errors = record(listener, ['error'])
    const channel = NativeEventSource.opened.at(-1)!
    channel.fail(2)
    expect(errors).toEqual([{ type: 'error', readyState: 2, data: undefined }])
    // The next one opens a new stream.
    new window.EventSource(`${LAKE}/v2025-02-19/data/listen/embedded?query=*`).close()
    expect(NativeEventSource.opened.at(-1)).not.toBe(channel)
  })

  it('carries the presence socket: open once the channel is, messages up by POST and down on the stream', async () => {
    const before = NativeEventSource.opened.length
    const socket = new window.WebSocket('ws://localhost/api/lake/v2022-06-30/socket/embedded?tag=sanity.studio')
    expect(socket).not.toBeInstanceOf(NativeWebSocket)
    const channel = NativeEventSource.opened.at(-1)!
    expect(NativeEventSource.opened.length).toBeLessThanOrEqual(before + 1)
    const events = record(socket, ['open', 'message', 'close'])
    channel.emit('channel', { id: 'c3' })
    await settle()
    expect(events.map(({ type }) => type)).toEqual(['open'])

    socket.send('{"jsonrpc":"2.0","method":"presence_subscribe","id":"r1"}')
    await settle()
    const sent = posts.at(-1)!
    expect(sent.url).toBe(`${LAKE}/v1/data/channel/embedded/c3`)
    const [{ name, message }] = sent.body.socket!
    expect(message).toBe('{"jsonrpc":"2.0","method":"presence_subscribe","id":"r1"}')

    channel.emit('socket', { name, message: '{"jsonrpc":"2.0","id":"r1","result":"s1"}' })
    expect(events.at(-1)).toEqual({ type: 'message', readyState: 1, data: '{"jsonrpc":"2.0","id":"r1","result":"s1"}' })

    channel.fail(0)
    expect(events.at(-1)).toMatchObject({ type: 'close', readyState: 3 })
    // As the browser's socket: a message after the close is dropped, not an error.
    const sentBefore = posts.length
    expect(() => socket.send('late')).not.toThrow()
    await settle()
    expect(posts).toHaveLength(sentBefore)
  })
})
