import { formatDate, formatDateTime } from '@/lib/dates'
import { parsePageParam, routes } from '@/lib/routes'

describe('routes', () => {
  it('puts page 1 at the listing’s own URL and later pages under /page/<n>', () => {
    expect(routes.section('world')).toBe('/sections/world')
    expect(routes.section('world', 1)).toBe('/sections/world')
    expect(routes.section('world', 2)).toBe('/sections/world/page/2')
    expect(routes.person('he-yuting', 3)).toBe('/people/he-yuting/page/3')
    expect(routes.article('a b')).toBe('/articles/a%20b')
  })

  it('puts the corrections at /corrections, paged like a listing, with their feeds beside them', () => {
    expect(routes.corrections()).toBe('/corrections')
    expect(routes.corrections(2)).toBe('/corrections/page/2')
    expect(['rss', 'atom', 'json'].map((format) => routes.feed(format as 'rss', { kind: 'corrections' }))).toEqual([
      '/corrections/rss.xml',
      '/corrections/atom.xml',
      '/corrections/feed.json',
    ])
  })

  it.each([
    ['2', 2],
    ['10', 10],
    ['1', undefined],
    ['0', undefined],
    ['02', undefined],
    ['2.0', undefined],
    ['x', undefined],
    ['9999999', undefined],
  ])('reads page segment %s as %s', (segment, page) => expect(parsePageParam(segment)).toBe(page))
})

describe('dates', () => {
  it('writes the datetime with the zone’s offset, and a label in that zone', () => {
    expect(formatDateTime('2022-09-26T00:55:00Z', 'Asia/Shanghai')).toEqual({
      datetime: '2022-09-26T08:55+08:00',
      label: '26 September 2022 at 08:55 GMT+8',
    })
    expect(formatDateTime('2026-03-01T12:00:00Z', 'Asia/Kolkata').datetime).toBe('2026-03-01T17:30+05:30')
  })

  it('falls back to UTC for a missing or unknown zone', () => {
    expect(formatDateTime('2022-09-26T00:55:00Z', 'Mars/Olympus').datetime).toBe('2022-09-26T00:55+00:00')
    expect(formatDate('2022-09-25T23:00:00Z').label).toBe('25 September 2022')
  })

  it('dates by the newsroom’s calendar day', () => {
    expect(formatDate('2022-09-25T23:00:00Z', 'Asia/Shanghai').label).toBe('26 September 2022')
  })
})
