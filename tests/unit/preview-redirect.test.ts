import { refererPath, sitePath } from '@/lib/preview/redirect'

describe('redirects after draft mode', () => {
  it.each([
    ['/articles/a?x=1', '/articles/a?x=1'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
  ])('go to a path of this site only: %s → %s', (candidate, expected) => {
    expect(sitePath(candidate)).toBe(expected)
  })

  it('return to the page the reader came from, only when it is this site', () => {
    const request = (referer?: string) =>
      new Request('http://localhost:3000/api/draft-mode/disable', { headers: { host: 'news.example', ...(referer ? { referer } : {}) } })
    expect(refererPath(request('http://news.example/sections/world?page=2'))).toBe('/sections/world?page=2')
    expect(refererPath(request('https://elsewhere.example/sections/world'))).toBeUndefined()
    expect(refererPath(request('not a url'))).toBeUndefined()
    expect(refererPath(request())).toBeUndefined()
    const proxied = new Request('http://internal.invalid:3000/x', {
      headers: { host: 'internal.invalid:3000', 'x-forwarded-host': 'news.example', referer: 'https://news.example/latest' },
    })
    expect(refererPath(proxied)).toBe('/latest')
  })
})
