import { NextRequest } from 'next/server'
import { proxy } from '@/proxy'

/** Addresses with broken percent-encoding answer 400 in plain text, whether in the path or the query string. */

const answer = (address: string) => proxy(new NextRequest(`http://localhost:3000${address}`))

it.each(['/articles/%ZZ', '/search?q=%E0%A4%A', '/search?q=%ZZ', '/latest?page=%', '/?x=%C0'])('answers 400 for %s', async (address) => {
  const response = answer(address)
  expect(response.status).toBe(400)
  expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
  expect(await response.text()).toBe('Bad request: the address is not correctly encoded.')
})

it.each(['/', '/search?q=caf%C3%A9+bar', '/search?q=%25ZZ', '/articles/a-b?utm_source=x%20y'])('lets %s through', (address) => {
  expect(answer(address).headers.get('x-middleware-next')).toBe('1')
})
