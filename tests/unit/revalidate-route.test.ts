import { SIGNATURE_HEADER_NAME, encodeSignatureHeader } from '@sanity/webhook'
import { revalidateTag } from 'next/cache'
import { POST } from '@/app/api/revalidate/route'
import { REFERENCING_ARTICLES_QUERY } from '@/lib/content/queries'
import { createSanityClient } from '@/lib/content/sources/sanity'
import { readConfig } from '@/lib/env'

/**
 * The route's wiring: configuration, Next's revalidateTag (mocked: it needs a request
 * context) and the Content Lake query for referencing articles (mocked client).
 */

jest.mock('next/cache', () => ({ revalidateTag: jest.fn() }))
const fetchMock = jest.fn()
jest.mock('@/lib/content/sources/sanity', () => ({ createSanityClient: jest.fn(() => ({ fetch: fetchMock })) }))

const SECRET = 'route-secret-0123456789abcdef'
const SANITY_ENV = { NEXT_PUBLIC_SANITY_PROJECT_ID: 'testproj', NEXT_PUBLIC_SANITY_DATASET: 'fixture' }
const saved = { ...process.env }

function useEnv(env: Record<string, string>) {
  for (const key of ['NEXT_PUBLIC_SANITY_PROJECT_ID', 'NEXT_PUBLIC_SANITY_DATASET', 'SANITY_REVALIDATE_SECRET', 'LOCAL_DATASET']) delete process.env[key]
  Object.assign(process.env, env)
}

async function delivery(body: object, secret = SECRET) {
  const text = JSON.stringify(body)
  return new Request('http://localhost/api/revalidate', {
    method: 'POST',
    headers: { [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(text, Date.now(), secret) },
    body: text,
  })
}

afterEach(() => {
  process.env = { ...saved }
  jest.clearAllMocks()
})

it('is off without SANITY_REVALIDATE_SECRET', async () => {
  useEnv(SANITY_ENV)
  const response = await POST(await delivery({ _id: 'siteSettings', _type: 'siteSettings' }))
  expect(response.status).toBe(404)
  expect((await response.json()).message).toMatch(/^Webhook revalidation is off: .*SANITY_REVALIDATE_SECRET/)
  expect(revalidateTag).not.toHaveBeenCalled()
})

it('is off on the embedded dataset', async () => {
  useEnv({ SANITY_REVALIDATE_SECRET: SECRET })
  const response = await POST(await delivery({ _id: 'siteSettings', _type: 'siteSettings' }))
  expect(response.status).toBe(404)
  expect((await response.json()).message).toMatch(/^Webhook revalidation is off: .*embedded dataset/)
})

it('expires each tag at once ({ expire: 0 }) and reads the referencing articles from the Content Lake', async () => {
  useEnv({ ...SANITY_ENV, SANITY_REVALIDATE_SECRET: SECRET })
  fetchMock.mockResolvedValue(['harbour-reopens', null])
  const request = await delivery({ _id: 'person-ada', _type: 'person', slug: 'ada-reporter', previousSlug: 'ada-reporter' })
  const started = Date.now()
  const response = await POST(request)
  // It waits for Sanity's CDN before expiring anything.
  expect(Date.now() - started).toBeGreaterThanOrEqual(2900)
  expect(response.status).toBe(200)
  expect(createSanityClient).toHaveBeenCalledWith(readConfig().source)
  expect(fetchMock).toHaveBeenCalledWith(REFERENCING_ARTICLES_QUERY, { id: 'person-ada' }, { useCdn: false, cache: 'no-store' })
  const tags = ['doc:person-ada', 'person', 'person:ada-reporter', 'article', 'article:harbour-reopens']
  expect((await response.json()).revalidated.sort()).toEqual([...tags].sort())
  for (const tag of tags) expect(revalidateTag).toHaveBeenCalledWith(tag, { expire: 0 })
  expect(revalidateTag).toHaveBeenCalledTimes(tags.length)
}, 10_000)

it('remembers the deliveries it handled from one request to the next: a replay expires nothing twice', async () => {
  useEnv({ ...SANITY_ENV, SANITY_REVALIDATE_SECRET: SECRET })
  const request = await delivery({ _id: 'siteSettings', _type: 'siteSettings' })
  const replay = request.clone()
  expect((await POST(request)).status).toBe(200)
  expect(revalidateTag).toHaveBeenCalledWith('siteSettings', { expire: 0 })
  jest.clearAllMocks()
  const response = await POST(replay)
  expect(await response.json()).toEqual({ revalidated: [], message: expect.stringContaining('already handled') })
  expect(revalidateTag).not.toHaveBeenCalled()
}, 10_000)

it('refuses a forged delivery', async () => {
  useEnv({ ...SANITY_ENV, SANITY_REVALIDATE_SECRET: SECRET })
  const response = await POST(await delivery({ _id: 'siteSettings', _type: 'siteSettings' }, 'someone-elses-secret-123456'))
  expect(response.status).toBe(401)
  expect(revalidateTag).not.toHaveBeenCalled()
  expect(fetchMock).not.toHaveBeenCalled()
})

describe('SANITY_REVALIDATE_SECRET', () => {
  it('is read into the configuration, blank as unset', () => {
    expect(readConfig({ SANITY_REVALIDATE_SECRET: SECRET }).revalidateSecret).toBe(SECRET)
    expect(readConfig({ SANITY_REVALIDATE_SECRET: '' }).revalidateSecret).toBeUndefined()
  })

  it('stops start-up, naming the variable, when shorter than 16 characters', () => {
    expect(() => readConfig({ SANITY_REVALIDATE_SECRET: 'short' })).toThrow('SANITY_REVALIDATE_SECRET')
  })
})
