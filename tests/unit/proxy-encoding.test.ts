import { NextRequest } from 'next/server'
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server'
import { config, proxy } from '@/proxy'

/**
 * Paths with broken percent-encoding answer 400 in plain text. Query strings pass: Next hands
 * the proxy and the pages a re-serialised, leniently decoded query (proxy.ts), so a check here
 * would pass in this test and never fire on a server.
 */

const answer = (address: string) => proxy(new NextRequest(`http://localhost:3000${address}`))

it.each(['/articles/%ZZ', '/articles/%E0%A4%A', '/tags/%C0', '/preview/%'])('answers 400 for %s', async (address) => {
  const response = answer(address)
  expect(response.status).toBe(400)
  expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
  expect(await response.text()).toBe('Bad request: the address is not correctly encoded.')
})

it.each(['/', '/preview/%25ZZ', '/search?q=caf%C3%A9+bar', '/articles/a-b?utm_source=x%20y'])('lets %s through', (address) => {
  expect(answer(address).headers.get('x-middleware-next')).toBe('1')
})

// The proxy only guards the routes its matcher lets it see: /images/local/embedded/% was a 500 (found by tests/e2e/fuzz.e2e.ts).
it.each(['/articles/%ZZ', '/images/local/embedded/%', '/images/local/embedded/a.jpg', '/studio/%E0'])('sees %s', (url) => {
  expect(unstable_doesMiddlewareMatch({ config, url })).toBe(true)
})
