import { createHmac } from 'node:crypto'
import { SIGNATURE_HEADER_NAME, encodeSignatureHeader } from '@sanity/webhook'
import { DeliveryMemo, handleRevalidation, IDEMPOTENCY_HEADER, MAX_BODY_BYTES, SIGNATURE_TOLERANCE_MS } from '@/lib/revalidate/handler'
import { MAX_FIELD_LENGTH, MAX_PEOPLE } from '@/lib/revalidate/tags'

/**
 * The webhook handler behind /api/revalidate, with deliveries signed as Sanity signs them
 * (@sanity/webhook's encodeSignatureHeader) and spies for revalidateTag and the Content Lake.
 */

const SECRET = 'webhook-secret-0123456789abcdef'
const NOW = Date.parse('2026-11-29T12:00:00Z')
const URL = 'https://news.example.com/api/revalidate'

const ADA = JSON.stringify({ _id: 'person-ada', _type: 'person', operation: 'update', slug: 'ada-lovelace', previousSlug: 'ada-reporter' })
const HARBOUR = JSON.stringify({
  _id: 'article-harbour',
  _type: 'article',
  operation: 'update',
  slug: 'harbour-reopens',
  previousSlug: 'harbour-reopens',
  section: 'world',
  previousSection: 'world',
  people: ['ada-reporter'],
  previousPeople: ['ada-reporter'],
})

const post = (body: string, signature?: string, headers: Record<string, string> = {}) =>
  new Request(URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { [SIGNATURE_HEADER_NAME]: signature } : {}), ...headers },
    body,
  })

const signed = async (body: string, { at = NOW, secret = SECRET, key = '' } = {}) =>
  post(body, await encodeSignatureHeader(body, at, secret), key ? { [IDEMPOTENCY_HEADER]: key } : {})

function setup(options: { secret?: string | undefined; referencing?: string[] | Error; deliveries?: DeliveryMemo } = {}) {
  const order: string[] = []
  const revalidate = jest.fn((tag: string) => void order.push(`revalidate ${tag}`))
  const findReferencingArticles = jest.fn(async (id: string) => {
    order.push(`find ${id}`)
    if (options.referencing instanceof Error) throw options.referencing
    return options.referencing ?? ['harbour-reopens', 'rail-link']
  })
  const settle = jest.fn(async () => void order.push('settle'))
  const secret = 'secret' in options ? options.secret : SECRET
  const deliveries = options.deliveries ?? new DeliveryMemo()
  const handle = (request: Request, now = NOW) => handleRevalidation(request, { secret, revalidate, findReferencingArticles, settle, deliveries, now })
  return { handle, revalidate, findReferencingArticles, settle, order }
}

const read = async (response: Response) => ({ status: response.status, body: await response.json() })

describe('a signed delivery', () => {
  it('revalidates the tags of an article change, after waiting for the CDN', async () => {
    const { handle, revalidate, findReferencingArticles, order } = setup()
    const { status, body } = await read(await handle(await signed(HARBOUR)))
    expect(status).toBe(200)
    const expected = ['doc:article-harbour', 'article', 'article:harbour-reopens', 'section:world', 'person:ada-reporter']
    expect([...body.revalidated].sort()).toEqual([...expected].sort())
    expect(revalidate.mock.calls.map(([tag]) => tag).sort()).toEqual([...expected].sort())
    expect(findReferencingArticles).not.toHaveBeenCalled()
    expect(order[0]).toBe('settle')
  })

  it('a person’s new name reaches every article that bylines them', async () => {
    const { handle, revalidate, findReferencingArticles, order } = setup()
    const { status, body } = await read(await handle(await signed(ADA)))
    expect(status).toBe(200)
    expect(findReferencingArticles).toHaveBeenCalledWith('person-ada')
    const expected = ['doc:person-ada', 'person', 'person:ada-lovelace', 'person:ada-reporter', 'article', 'article:harbour-reopens', 'article:rail-link']
    expect([...body.revalidated].sort()).toEqual([...expected].sort())
    expect(revalidate).toHaveBeenCalledTimes(expected.length)
    expect(order.slice(0, 2)).toEqual(['find person-ada', 'settle'])
  })

  it('revalidates every article when the referencing articles cannot be read', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => {})
    const { handle, revalidate } = setup({ referencing: new Error('Content Lake unreachable') })
    const { status, body } = await read(await handle(await signed(ADA)))
    expect(status).toBe(200)
    expect(body.revalidated).toEqual(expect.arrayContaining(['doc:person-ada', 'article', 'person:ada-lovelace', 'person:ada-reporter']))
    expect(body.message).toMatch(/every article/)
    expect(revalidate).toHaveBeenCalledWith('article')
    expect(error).toHaveBeenCalled()
    error.mockRestore()
  })

  it('accepts a signature made up to 5 minutes before or after now', async () => {
    const { handle, revalidate } = setup()
    expect((await handle(await signed(HARBOUR, { at: NOW - SIGNATURE_TOLERANCE_MS }))).status).toBe(200)
    expect((await handle(await signed(HARBOUR, { at: NOW + SIGNATURE_TOLERANCE_MS }))).status).toBe(200)
    expect(revalidate).toHaveBeenCalled()
  })

  it('says so, and revalidates nothing, for a type the site does not show', async () => {
    const { handle, revalidate, findReferencingArticles, settle } = setup()
    const { status, body } = await read(await handle(await signed(JSON.stringify({ _id: 'image-1', _type: 'sanity.imageAsset' }))))
    expect(status).toBe(200)
    expect(body).toEqual({ revalidated: [], message: expect.stringContaining('"sanity.imageAsset"') })
    expect(revalidate).not.toHaveBeenCalled()
    expect(findReferencingArticles).not.toHaveBeenCalled()
    expect(settle).not.toHaveBeenCalled()
  })

  it('revalidates nothing for a draft', async () => {
    const { handle, revalidate } = setup()
    const { status, body } = await read(await handle(await signed(JSON.stringify({ _id: 'drafts.person-ada', _type: 'person', slug: 'ada' }))))
    expect(status).toBe(200)
    expect(body.revalidated).toEqual([])
    expect(revalidate).not.toHaveBeenCalled()
  })

  it('is signed as Sanity documents it: base64url HMAC-SHA256 of "<t>.<body>", t in milliseconds', async () => {
    const hmac = createHmac('sha256', SECRET).update(`${NOW}.${HARBOUR}`).digest('base64url')
    expect(await encodeSignatureHeader(HARBOUR, NOW, SECRET)).toBe(`t=${NOW},v1=${hmac}`)
    const { handle } = setup()
    expect((await handle(post(HARBOUR, `t=${NOW},v1=${hmac}`))).status).toBe(200)
  })
})

describe('a delivery that is not from the webhook', () => {
  const cases: [string, () => Promise<Request>][] = [
    ['unsigned', async () => post(HARBOUR)],
    ['signed with another secret (forged)', () => signed(HARBOUR, { secret: 'not-the-webhook-secret-at-all' })],
    [
      'with a body changed after signing',
      async () => post(HARBOUR.replace('harbour-reopens', 'other-story'), await encodeSignatureHeader(HARBOUR, NOW, SECRET)),
    ],
    [
      'with a timestamp changed after signing',
      async () => post(HARBOUR, (await encodeSignatureHeader(HARBOUR, NOW - 60_000, SECRET)).replace(`t=${NOW - 60_000}`, `t=${NOW}`)),
    ],
    ['signed more than 5 minutes ago (stale or replayed)', () => signed(HARBOUR, { at: NOW - SIGNATURE_TOLERANCE_MS - 1 })],
    ['signed an hour ago', () => signed(HARBOUR, { at: NOW - 3_600_000 })],
    ['signed more than 5 minutes in the future', () => signed(HARBOUR, { at: NOW + SIGNATURE_TOLERANCE_MS + 1 })],
    ['with a malformed signature header', async () => post(HARBOUR, 'v1=abc,t=123')],
    ['with an empty body', async () => post('', `t=${NOW},v1=abc`)],
    ['with bad JSON and no valid signature', async () => post('{not json', `t=${NOW},v1=abc`)],
  ]

  it.each(cases)('%s: 401, nothing read, nothing revalidated', async (_, request) => {
    const { handle, revalidate, findReferencingArticles, settle } = setup()
    const { status, body } = await read(await handle(await request()))
    expect(status).toBe(401)
    expect(body.message).toMatch(/^Not revalidated/)
    expect(revalidate).not.toHaveBeenCalled()
    expect(findReferencingArticles).not.toHaveBeenCalled()
    expect(settle).not.toHaveBeenCalled()
  })

  it('names the missing header and the stale timestamp', async () => {
    const { handle } = setup()
    expect((await read(await handle(post(HARBOUR)))).body.message).toContain(SIGNATURE_HEADER_NAME)
    expect((await read(await handle(await signed(HARBOUR, { at: NOW - 600_000 })))).body.message).toContain('5 minutes')
  })
})

describe('a signed delivery with a bad body', () => {
  it.each([
    ['not JSON', '{"_id": "article-harbour",'],
    ['JSON without _type', JSON.stringify({ _id: 'article-harbour', slug: 'x' })],
    ['JSON of the wrong shape', JSON.stringify({ _id: 'article-harbour', _type: 'article', people: 'ada-reporter' })],
    ['a JSON array', '[]'],
  ])('%s: 400, nothing revalidated', async (_, body) => {
    const { handle, revalidate, settle } = setup()
    const response = await handle(await signed(body))
    expect(response.status).toBe(400)
    expect(revalidate).not.toHaveBeenCalled()
    expect(settle).not.toHaveBeenCalled()
  })
})

describe('without SANITY_REVALIDATE_SECRET', () => {
  it('answers 404 and revalidates nothing, even for a signed delivery', async () => {
    const { handle, revalidate } = setup({ secret: undefined })
    const { status, body } = await read(await handle(await signed(HARBOUR)))
    expect(status).toBe(404)
    expect(body.message).toBe('Webhook revalidation is off: this site has no SANITY_REVALIDATE_SECRET.')
    expect(revalidate).not.toHaveBeenCalled()
  })
})

/** A body of `count` chunks of `size` spaces, arriving only as it is read; `pulled.bytes` counts what was read. */
function streamed(size: number, count: number) {
  const pulled = { bytes: 0, cancelled: false }
  let left = count
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (left-- === 0) return controller.close()
        pulled.bytes += size
        controller.enqueue(new Uint8Array(size).fill(0x20))
      },
      cancel() {
        pulled.cancelled = true
      },
    },
    { highWaterMark: 0 },
  )
  return { body, pulled }
}

// Node's Request needs `duplex` for a streamed body; the DOM types do not know it yet.
const upload = (body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request(URL, { method: 'POST', headers: { [SIGNATURE_HEADER_NAME]: `t=${NOW},v1=abc`, ...headers }, body, duplex: 'half' } as RequestInit)

describe('a body over the size limit', () => {
  const CHUNK = 16 * 1024

  it('is refused with 413 from its Content-Length, before any of it is read', async () => {
    const { handle, revalidate, settle } = setup()
    const { body, pulled } = streamed(CHUNK, 64)
    const response = await read(await handle(upload(body, { 'content-length': String(MAX_BODY_BYTES + 1) })))
    expect(response).toEqual({ status: 413, body: { message: expect.stringMatching(/^Not revalidated: the body is larger than 64 KB/) } })
    expect(pulled.bytes).toBe(0)
    expect(revalidate).not.toHaveBeenCalled()
    expect(settle).not.toHaveBeenCalled()
  })

  it('is refused with 413 when sent without Content-Length (chunked), reading no more than one chunk past the limit', async () => {
    const { handle, revalidate } = setup()
    const { body, pulled } = streamed(CHUNK, 64)
    const response = await read(await handle(upload(body)))
    expect(response.status).toBe(413)
    expect(pulled.bytes).toBeLessThanOrEqual(MAX_BODY_BYTES + CHUNK)
    expect(pulled.cancelled).toBe(true)
    expect(revalidate).not.toHaveBeenCalled()
  })

  it('leaves a signed body of exactly the limit to be read and handled', async () => {
    const { handle, revalidate } = setup()
    const body = HARBOUR.padEnd(MAX_BODY_BYTES)
    const request = await signed(body)
    request.headers.set('content-length', String(MAX_BODY_BYTES))
    expect((await handle(request)).status).toBe(200)
    expect(revalidate).toHaveBeenCalledWith('article:harbour-reopens')
  })
})

describe('a delivery replayed inside the signature window', () => {
  const alreadyHandled = { status: 200, body: { revalidated: [], message: expect.stringContaining('already handled') } }

  it('expires nothing twice: the same signed request again answers that it was already handled', async () => {
    const { handle, revalidate, settle } = setup()
    expect((await read(await handle(await signed(HARBOUR)))).body.revalidated).toContain('article:harbour-reopens')
    revalidate.mockClear()
    expect(await read(await handle(await signed(HARBOUR), NOW + 60_000))).toEqual(alreadyHandled)
    expect(revalidate).not.toHaveBeenCalled()
    expect(settle).toHaveBeenCalledTimes(1)
  })

  it('knows a retry signed again at a later time by its idempotency-key', async () => {
    const { handle, revalidate } = setup()
    await handle(await signed(HARBOUR, { key: 'delivery-1' }))
    revalidate.mockClear()
    expect(await read(await handle(await signed(HARBOUR, { at: NOW + 30_000, key: 'delivery-1' }), NOW + 30_000))).toEqual(alreadyHandled)
    expect(revalidate).not.toHaveBeenCalled()
  })

  it('knows a replay by its signature when its idempotency-key (outside the signature) was changed', async () => {
    const { handle, revalidate } = setup()
    const signature = await encodeSignatureHeader(HARBOUR, NOW, SECRET)
    await handle(post(HARBOUR, signature, { [IDEMPOTENCY_HEADER]: 'delivery-1' }))
    revalidate.mockClear()
    expect(await read(await handle(post(HARBOUR, signature, { [IDEMPOTENCY_HEADER]: 'delivery-2' })))).toEqual(alreadyHandled)
    expect(revalidate).not.toHaveBeenCalled()
  })

  it('handles a new delivery of the same change, with its own key and signature', async () => {
    const { handle, revalidate } = setup()
    await handle(await signed(HARBOUR, { key: 'delivery-1' }))
    revalidate.mockClear()
    expect((await read(await handle(await signed(HARBOUR, { at: NOW + 1000, key: 'delivery-2' })))).body.revalidated).toContain('article')
    expect(revalidate).toHaveBeenCalledWith('article')
  })

  it('handles the same key again once the window has passed', async () => {
    const { handle, revalidate } = setup()
    await handle(await signed(HARBOUR, { key: 'delivery-1' }))
    revalidate.mockClear()
    const later = NOW + SIGNATURE_TOLERANCE_MS + 1
    expect((await handle(await signed(HARBOUR, { at: later, key: 'delivery-1' }), later)).status).toBe(200)
    expect(revalidate).toHaveBeenCalledWith('article')
  })

  it('remembers no forged delivery: the genuine one with the same key or signature is handled', async () => {
    const { handle, revalidate } = setup()
    expect((await handle(await signed(HARBOUR, { secret: 'not-the-webhook-secret-at-all', key: 'delivery-1' }))).status).toBe(401)
    const signature = await encodeSignatureHeader(HARBOUR, NOW, SECRET)
    expect((await handle(post(HARBOUR.replace('harbour-reopens', 'other-story'), signature))).status).toBe(401)
    expect((await read(await handle(post(HARBOUR, signature, { [IDEMPOTENCY_HEADER]: 'delivery-1' })))).body.revalidated).toContain('article')
    expect(revalidate).toHaveBeenCalledWith('article:harbour-reopens')
  })

  it('forgets a delivery whose revalidation failed, so that its retry is handled', async () => {
    const { handle, revalidate } = setup()
    revalidate.mockImplementationOnce(() => {
      throw new Error('revalidateTag outside a request')
    })
    await expect(handle(await signed(HARBOUR, { key: 'delivery-1' }))).rejects.toThrow('revalidateTag outside a request')
    expect((await read(await handle(await signed(HARBOUR, { at: NOW + 1000, key: 'delivery-1' })))).body.revalidated).toContain('article')
  })

  it('remembers a bounded number of keys, forgetting the oldest first', async () => {
    const { handle, revalidate } = setup({ deliveries: new DeliveryMemo(2) })
    for (const at of [NOW, NOW + 1, NOW + 2]) await handle(await signed(HARBOUR, { at }))
    revalidate.mockClear()
    expect(await read(await handle(await signed(HARBOUR, { at: NOW + 2 })))).toEqual(alreadyHandled)
    expect((await read(await handle(await signed(HARBOUR, { at: NOW })))).body.revalidated).toContain('article')
    expect(revalidate).toHaveBeenCalledWith('article')
  })
})

describe('a signed delivery with arrays or strings beyond the bounds', () => {
  const harbour = JSON.parse(HARBOUR)
  const long = 'a'.repeat(MAX_FIELD_LENGTH + 1)

  it.each([
    ['people', { people: Array(MAX_PEOPLE + 1).fill('ada-reporter') }],
    ['previousPeople', { previousPeople: Array(MAX_PEOPLE + 1).fill('ada-reporter') }],
    ['people.0', { people: [long] }],
    ['slug', { slug: long }],
    ['previousSection', { previousSection: long }],
    ['_id', { _id: long }],
  ])('%s: 400 listing the issue, nothing revalidated', async (field, change) => {
    const { handle, revalidate, settle } = setup()
    const { status, body } = await read(await handle(await signed(JSON.stringify({ ...harbour, ...change }))))
    expect(status).toBe(400)
    expect(body.issues).toEqual([expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}: Too big`))])
    expect(revalidate).not.toHaveBeenCalled()
    expect(settle).not.toHaveBeenCalled()
  })

  it('accepts a body at every bound, which is well under the size limit', async () => {
    const at = (letter: string) => letter.repeat(MAX_FIELD_LENGTH)
    const people = Array.from({ length: MAX_PEOPLE }, (_, i) => `${i}`.padEnd(MAX_FIELD_LENGTH, 'p'))
    const body = JSON.stringify({
      ...harbour,
      _id: at('i'),
      slug: at('s'),
      previousSlug: at('o'),
      section: at('w'),
      previousSection: at('v'),
      people,
      previousPeople: people,
    })
    expect(Buffer.byteLength(body)).toBeLessThan(MAX_BODY_BYTES / 2)
    const { handle, revalidate } = setup()
    expect((await handle(await signed(body))).status).toBe(200)
    expect(revalidate).toHaveBeenCalledWith(`article:${at('s')}`)
  })
})
