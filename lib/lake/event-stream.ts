/**
 * Comment lines that keep a stream open through proxies and tell the browser the server is
 * there; Sanity's client reconnects after 45 s of silence.
 */
const KEEP_ALIVE_MS = 20_000

import type { Listener } from './listener'

export type SendEvent = (name: string, data: unknown, id?: string) => void

/**
 * A Server-Sent Events response. `start` gets the function that sends an event and returns the
 * one that cleans up, called once when the reader goes away or the stream ends.
 */
export function eventStream(signal: AbortSignal, start: (send: SendEvent, end: () => void) => () => void): Response {
  const encoder = new TextEncoder()
  let cleanUp = () => {}
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false
      const write = (text: string) => {
        if (closed) return
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          cleanUp()
        }
      }
      let stop = () => {}
      const keepAlive = setInterval(() => write(': keep-alive\n\n'), KEEP_ALIVE_MS)
      keepAlive.unref()
      cleanUp = () => {
        if (closed) return
        closed = true
        clearInterval(keepAlive)
        stop()
        try {
          controller.close()
        } catch {
          // Already closed by the reader going away.
        }
      }
      signal.addEventListener('abort', cleanUp)
      stop = start((name, data, id) => write(`${id ? `id: ${id}\n` : ''}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`), cleanUp)
      if (closed) stop()
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

/** One listener on a stream of its own, as /data/listen and /data/live/events serve it. */
export const listenerStream = (signal: AbortSignal, listener: Listener): Response =>
  eventStream(signal, (send) => listener.start(({ name, data, id }) => send(name, data, id)))
