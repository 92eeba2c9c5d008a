import { eventsOf, openLake } from './support/local-lake'

/**
 * The local Content Lake's listeners: on a stream of their own (/data/listen), and many on one
 * channel (/data/channel), which is how the Studio's page holds all of them, and its presence
 * socket, on one connection.
 */

jest.mock('@/lib/revalidate/local-publish', () => ({ expireCachedPagesAfterReload: jest.fn(), expireAfterResponseIfReplaced: jest.fn() }))

const { call, post } = openLake([
  { _id: 'article-a', _type: 'article', _rev: 'rev-1', headline: 'First' },
  { _id: 'person-a', _type: 'person', _rev: 'rev-1', name: 'Ana' },
])
const mutate = (mutations: unknown[]) => post('v2025-02-19/data/mutate/embedded', { mutations })
const listenSearch = (query: string, extra = '') => `query=${encodeURIComponent(query)}&includeResult=true&effectFormat=mendoza&events=welcome,mutation${extra}`

async function openChannel() {
  const response = await call('v1/data/channel/embedded')
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const events = eventsOf(response)
  const first = await events.next()
  expect(first.event).toBe('channel')
  const { id } = first.data as { id: string }
  const ask = (body: unknown) => post(`v1/data/channel/embedded/${id}`, body)
  return { ...events, id, ask }
}

describe('a listener on its own stream', () => {
  it('says welcome, then sends each matching change with its revisions, effects and event count', async () => {
    const stream = eventsOf(await call(`v2025-02-19/data/listen/embedded?${listenSearch('*[_type == "article"]')}`))
    expect((await stream.next()).event).toBe('welcome')
    await mutate([{ patch: { id: 'person-a', set: { name: 'Not an article' } } }, { patch: { id: 'article-a', set: { headline: 'Second' } } }])
    const { event, data, id } = await stream.next()
    expect(event).toBe('mutation')
    expect(data).toMatchObject({
      documentId: 'article-a',
      previousRev: 'rev-1',
      transition: 'update',
      result: { headline: 'Second' },
      effects: { apply: expect.any(Array), revert: expect.any(Array) },
      transactionTotalEvents: 1,
      transactionCurrentEvent: 1,
    })
    expect(id).toBe(`${(data as { transactionId: string }).transactionId}#article-a`)

    // A deletion chains on like any other change: from the last revision to the transaction's id.
    await mutate([{ create: { _id: 'article-gone', _type: 'article' } }])
    const created = (await stream.next()).data as { transition: string; resultRev: string }
    expect(created.transition).toBe('appear')
    const { transactionId } = await (await mutate([{ delete: { id: 'article-gone' } }])).json()
    expect((await stream.next()).data).toMatchObject({
      documentId: 'article-gone',
      transition: 'disappear',
      previousRev: created.resultRev,
      resultRev: transactionId,
    })
    await stream.close()
  })

  it('answers 400 for a query that is not GROQ, before any stream starts', async () => {
    const response = await call(`v2025-02-19/data/listen/embedded?query=${encodeURIComponent('*[')}`)
    expect(response.status).toBe(400)
    expect((await response.json()).error.description).toMatch(/not valid GROQ/)
  })
})

describe('many listeners on one channel', () => {
  it('carries each listener’s events under the name the page gave it, until it is stopped', async () => {
    const channel = await openChannel()
    expect(
      (
        await channel.ask({
          listen: [
            { name: 'articles', search: listenSearch('*[_type == "article"]') },
            { name: 'people', search: listenSearch('*[_type == "person"]') },
          ],
        })
      ).status,
    ).toBe(200)
    const welcomes = [await channel.next(), await channel.next()]
    expect(welcomes.map(({ data }) => (data as { name: string; event: string }).event)).toEqual(['welcome', 'welcome'])
    expect(welcomes.map(({ data }) => (data as { name: string }).name).sort()).toEqual(['articles', 'people'])

    await mutate([{ patch: { id: 'person-a', set: { name: 'Bea' } } }])
    const change = await channel.next()
    expect(change.event).toBe('listener')
    expect(change.data).toMatchObject({ name: 'people', event: 'mutation', data: { documentId: 'person-a', result: { name: 'Bea' } } })

    await channel.ask({ stop: ['people'] })
    await mutate([{ patch: { id: 'person-a', set: { name: 'Cy' } } }, { patch: { id: 'article-a', set: { headline: 'Third' } } }])
    // The next event is the article's: the stopped listener sent nothing for the person.
    expect((await channel.next()).data).toMatchObject({ name: 'articles', event: 'mutation', data: { documentId: 'article-a' } })
    await channel.close()
  })

  it('gives a listener the lake refuses a channelError, and the channel carries on', async () => {
    const channel = await openChannel()
    await channel.ask({
      listen: [
        { name: 'broken', search: `query=${encodeURIComponent('*[')}` },
        { name: 'fine', search: listenSearch('*') },
      ],
    })
    expect((await channel.next()).data).toMatchObject({
      name: 'broken',
      event: 'channelError',
      data: { message: expect.stringMatching(/not valid GROQ/), statusCode: 400 },
    })
    expect((await channel.next()).data).toMatchObject({ name: 'fine', event: 'welcome' })
    await channel.close()
  })

  it('answers 404 for a channel that is not open and 400 for a malformed request', async () => {
    expect((await post('v1/data/channel/embedded/not-a-channel', { listen: [] })).status).toBe(404)
    const channel = await openChannel()
    for (const body of [
      { listen: 'no' },
      { stop: [42] },
      { listen: Array.from({ length: 101 }, (_, i) => ({ name: `n${i}`, search: 'query=*' })) },
      { socket: [{ name: 'bad name!' }] },
    ]) {
      const response = await channel.ask(body)
      expect(response.status).toBe(400)
      expect((await response.json()).error.description).toEqual(expect.any(String))
    }
    await channel.close()
    expect((await post(`v1/data/channel/embedded/${channel.id}`, { listen: [] })).status).toBe(404)
  })

  it('answers 401 without the editor token', async () => {
    expect((await call('v1/data/channel/embedded', { token: null })).status).toBe(401)
  })
})

describe('live events for Presentation', () => {
  it('says welcome, then restart for each committed transaction, on its own stream and on a channel', async () => {
    const own = eventsOf(await call('v2025-02-19/data/live/events/embedded?includeDrafts=true'))
    expect((await own.next()).event).toBe('welcome')
    const channel = await openChannel()
    await channel.ask({ listen: [{ name: 'live-1', search: 'includeDrafts=true', kind: 'live' }] })
    expect((await channel.next()).data).toMatchObject({ name: 'live-1', event: 'welcome' })
    await mutate([{ patch: { id: 'person-a', set: { name: 'Dee' } } }])
    expect((await own.next()).event).toBe('restart')
    expect((await channel.next()).data).toMatchObject({ name: 'live-1', event: 'restart' })
    await Promise.all([own.close(), channel.close()])
  })

  it('answers the client’s CORS check without credentials, and nothing else', async () => {
    expect(await (await call('v2025-02-19/check/cors', { token: null })).json()).toEqual({ result: { allowed: true, withCredentials: true } })
    expect((await call('v2025-02-19/data/live/events/embedded', { token: null })).status).toBe(401)
  })
})

describe('the limit on listeners', () => {
  it('answers 503 past 400 listeners, live streams counted too, and has room again once one closes', async () => {
    const open: Response[] = []
    for (;;) {
      const response = await call(`v2025-02-19/data/listen/embedded?query=*`)
      if (response.status !== 200) {
        expect(response.status).toBe(503)
        break
      }
      open.push(response)
      if (open.length > 1000) throw new Error('no limit')
    }
    expect(open.length).toBeLessThanOrEqual(400)
    expect((await call('v2025-02-19/data/live/events/embedded')).status).toBe(503)
    await open.pop()!.body!.cancel()
    const live = await call('v2025-02-19/data/live/events/embedded')
    expect(live.status).toBe(200)
    await Promise.all([live, ...open].map((response) => response.body!.cancel()))
    const again = await call(`v2025-02-19/data/listen/embedded?query=*`)
    expect(again.status).toBe(200)
    await again.body!.cancel()
  })
})

describe('presence on the channel', () => {
  const rpc = (method: string, params: object, id: string) => JSON.stringify({ jsonrpc: '2.0', method, params, id })
  const socketMessage = async (channel: Awaited<ReturnType<typeof openChannel>>) => {
    const { event, data } = await channel.next()
    expect(event).toBe('socket')
    return JSON.parse((data as { message: string }).message)
  }

  it('tells every other tab where an editor is, and that they left when their tab closes', async () => {
    const [mine, theirs] = [await openChannel(), await openChannel()]
    await theirs.ask({ socket: [{ name: 'socket-1', message: rpc('presence_subscribe', {}, 'r1') }] })
    const { result: subscription } = await socketMessage(theirs)
    expect(subscription).toEqual(expect.any(String))

    await mine.ask({
      socket: [{ name: 'socket-1', message: rpc('presence_announce', { data: { sessionId: 's-mine', locations: [{ documentId: 'article-a' }] } }, 'r2') }],
    })
    expect(await socketMessage(mine)).toMatchObject({ id: 'r2', result: true })
    expect(await socketMessage(theirs)).toMatchObject({
      method: 'presence_subscription',
      params: { subscription, result: { type: 'state', i: 'local-editor', m: { sessionId: 's-mine', locations: [{ documentId: 'article-a' }] } } },
    })

    await mine.close()
    // The stream's end is noticed when the server next writes to it, or at once by the abort of the request.
    await new Promise((resolve) => setTimeout(resolve, 50))
    await theirs.ask({ socket: [{ name: 'socket-1', message: rpc('presence_rollcall', { session: 's-theirs' }, 'r3') }] })
    const messages = [await socketMessage(theirs), await socketMessage(theirs)]
    expect(messages).toContainEqual(
      expect.objectContaining({ params: { subscription, result: { type: 'disconnect', i: 'local-editor', m: { session: 's-mine' } } } }),
    )
    await theirs.close()
  })

  it('holds at most 10 presence subscriptions on a socket', async () => {
    const channel = await openChannel()
    await channel.ask({ socket: Array.from({ length: 11 }, (_, i) => ({ name: 's', message: rpc('presence_subscribe', {}, `r${i}`) })) })
    const answers = []
    for (let i = 0; i < 11; i++) answers.push(await socketMessage(channel))
    expect(answers.filter((answer) => typeof answer.result === 'string')).toHaveLength(10)
    expect(answers.at(-1)).toMatchObject({ id: 'r10', error: { code: -32600 } })
    await channel.close()
  })

  it('answers an unknown method with a JSON-RPC error', async () => {
    const channel = await openChannel()
    await channel.ask({ socket: [{ name: 's', message: rpc('presence_fly', {}, 'x') }] })
    expect(await socketMessage(channel)).toMatchObject({ id: 'x', error: { code: -32601 } })
    await channel.close()
  })
})
