import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * A local Content Lake on a dataset file of its own, called through its router as the Studio
 * calls it. The environment names the dataset before the router is loaded, because the router
 * opens the store on first use; each test file gets its own module registry, so its own lake.
 */
export const TOKEN = 'a-test-editor-token-that-is-long-enough-0123'
const BASE = 'http://localhost:3000/api/lake/'

export function openLake(lines: object[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-lake-'))
  const file = path.join(dir, 'dataset.ndjson')
  const original = lines.map((line) => JSON.stringify(line) + '\n').join('')
  process.env.LOCAL_DATASET = file
  process.env.LOCAL_EDITOR_TOKEN = TOKEN
  fs.writeFileSync(file, original)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handleLakeRequest } = require('@/lib/lake/router') as typeof import('@/lib/lake/router')

  function call(route: string, init: RequestInit & { token?: string | null } = {}) {
    const { token = TOKEN, ...rest } = init
    const headers = new Headers(rest.headers)
    if (token) headers.set('authorization', `Bearer ${token}`)
    if (rest.body) headers.set('content-type', 'application/json')
    return handleLakeRequest(new Request(BASE + route, { ...rest, headers }), route.split('?')[0].split('/'))
  }
  const post = (route: string, body: unknown, init: RequestInit & { token?: string | null } = {}) =>
    call(route, { method: 'POST', body: JSON.stringify(body), ...init })
  return { file, original, call, post }
}

export type ServerSentEvent = { event: string; data: unknown; id?: string }

/** Reads a Server-Sent Events response as it streams; `next` waits for the next event. */
export function eventsOf(response: Response) {
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  const queued: ServerSentEvent[] = []
  async function next(): Promise<ServerSentEvent> {
    for (;;) {
      const shifted = queued.shift()
      if (shifted) return shifted
      const boundary = buffer.indexOf('\n\n')
      if (boundary >= 0) {
        const block = buffer.slice(0, boundary)
        buffer = buffer.slice(boundary + 2)
        const fields = Object.fromEntries(
          block
            .split('\n')
            .filter((line) => !line.startsWith(':'))
            .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
        )
        if (fields.event) queued.push({ event: fields.event, data: JSON.parse(fields.data), ...(fields.id ? { id: fields.id } : {}) })
        continue
      }
      const { value, done } = await reader.read()
      if (done) throw new Error('The stream ended.')
      buffer += decoder.decode(value, { stream: true })
    }
  }
  return { next, close: () => reader.cancel() }
}
