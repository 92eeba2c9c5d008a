import { GET } from '@/app/api/draft-mode/disable/route'
import { redirectTarget, sitePath } from '@/lib/preview/redirect'

/** Leaving draft mode: where its redirect may send a reader, and what it refuses. */

const disable = jest.fn()
const deleteCookie = jest.fn()
jest.mock('next/headers', () => ({ draftMode: async () => ({ disable }), cookies: async () => ({ delete: deleteCookie }) }))

const leave = (redirect: string) => GET(new Request(`http://localhost:3000/api/draft-mode/disable?redirect=${redirect}`))

describe('the draft-mode exit link', () => {
  it.each([
    ['/%09/evil.com', '/'],
    ['/%0B/evil.com', '/'],
    ['%2F%2Fevil.com', '/'],
    ['/%5Cevil.com', '/'],
    ['/%5C%5Cevil.com', '/'],
    ['https%3A%2F%2Fevil.com', '/'],
    ['https:evil.com', '/'],
    ['evil.com', '/'],
    // Dot segments resolved away leave two slashes, another host to a browser (found by tests/unit/random-input.test.ts).
    ['/..//evil.com', '/'],
    ['/.//evil.com', '/'],
    ['/a/..//evil.com', '/'],
    ['%2Farticles%2Fa%3Fx%3D1', '/articles/a?x=1'],
    ['/caf%C3%A9', '/caf%C3%A9'],
  ])('goes to a path of this site only: ?redirect=%s → %s', async (query, location) => {
    const response = await leave(query)
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe(location)
    expect(disable).toHaveBeenCalled()
    expect(deleteCookie).toHaveBeenCalledWith('draft-session')
  })

  it.each(['/a%0D%0ASet-Cookie:%20x=1', '/a%0Ab', '/%E2%80%AE', '/%F0%9F%98%80'])(
    'answers 400 in plain text for a target no header can hold: %s',
    async (query) => {
      const response = await leave(query)
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
      expect(await response.text()).toMatch(/^Bad request: /)
      expect(response.headers.get('location')).toBeNull()
    },
  )

  it('returns to the page the reader came from, on this site', async () => {
    const response = await GET(
      new Request('http://localhost:3000/api/draft-mode/disable', { headers: { host: 'localhost:3000', referer: 'http://localhost:3000/latest?page=2' } }),
    )
    expect(response.headers.get('location')).toBe('/latest?page=2')
  })
})

describe('the shared guard (used by the enable link too)', () => {
  it('never throws, and gives the fallback for what the exit link refuses', () => {
    expect(sitePath('/a\r\nb')).toBe('/')
    expect(sitePath('/\u00e9')).toBe('/%C3%A9')
    expect(sitePath('/\u4e2d')).toBe('/')
    expect(sitePath('/\t/evil.com')).toBe('/')
    expect(redirectTarget('/\n')).toMatchObject({ ok: false })
  })
})
