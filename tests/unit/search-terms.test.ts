import { MAX_QUERY_LENGTH, MAX_TERMS, highlightSegments, matchPatterns, parseSearchPage, parseSearchQuery } from '@/lib/search-terms'

describe('parseSearchQuery', () => {
  it('keeps the words of an ordinary query, lower-cased and without repeats', () => {
    expect(parseSearchQuery('  Central   Asia central ')).toEqual({
      text: 'Central Asia central',
      terms: ['central', 'asia'],
      truncated: false,
      tooManyWords: false,
    })
  })

  it.each([undefined, null, '', '   ', '\t\n', 42, {}, []])('finds nothing to search in %p', (input) => {
    expect(parseSearchQuery(input)).toMatchObject({ text: expect.any(String), terms: [] })
    expect(parseSearchQuery(input).text.trim()).toBe(parseSearchQuery(input).text)
  })

  it('reads the first of repeated parameters', () => {
    expect(parseSearchQuery(['rail', 'ferry']).terms).toEqual(['rail'])
  })

  it.each([
    ['*', []],
    ['||', []],
    ['->', []],
    ['$terms', ['terms']],
    [']', []],
    ['"', []],
    ['story") || true || ("', ['story', 'true']],
    ['*[_type == "person"]{name}', ['type', 'person', 'name']],
    ["x' && _id match 'drafts.*", ['x', 'id', 'match', 'drafts']],
    ['kyrgyz* -> ^.name', ['kyrgyz', 'name']],
  ])('keeps only letters and digits of %p', (input, terms) => {
    const query = parseSearchQuery(input)
    expect(query.terms).toEqual(terms)
    for (const term of query.terms) expect(term).toMatch(/^[\p{L}\p{N}\p{M}]+$/u)
  })

  it('strips control characters and bidirectional overrides, and keeps the words around them', () => {
    const query = parseSearchQuery('rail\u0000way\u0007 \u202Eferry\u0085 \u001B[31mred')
    expect(query.text).toBe('rail way ferry [31mred')
    expect(query.text).not.toMatch(/[\p{Cc}\u202E]/u)
    expect(query.terms).toEqual(['rail', 'way', 'ferry', '31mred'])
  })

  it('cuts a very long query to the maximum and says so', () => {
    const query = parseSearchQuery('ab '.repeat(3000))
    expect(query.truncated).toBe(true)
    expect(query.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
    expect(parseSearchQuery('a'.repeat(6000)).text).toBe('a'.repeat(MAX_QUERY_LENGTH))
    expect(parseSearchQuery('a'.repeat(MAX_QUERY_LENGTH)).truncated).toBe(false)
  })

  it('never cuts a character in half', () => {
    const query = parseSearchQuery('😀'.repeat(MAX_QUERY_LENGTH + 10))
    expect(Array.from(query.text)).toHaveLength(MAX_QUERY_LENGTH)
    expect(query.text).not.toMatch(/\p{Cs}/u)
  })

  it('keeps at most MAX_TERMS words and says when there were more', () => {
    const words = Array.from({ length: MAX_TERMS + 5 }, (_, i) => `w${i}`)
    const query = parseSearchQuery(words.join(' '))
    expect(query.terms).toEqual(words.slice(0, MAX_TERMS))
    expect(query.tooManyWords).toBe(true)
  })

  it('understands any script, accents and possessives', () => {
    expect(parseSearchQuery('ZÜRICH Straße').terms).toEqual(['zürich', 'straße'])
    expect(parseSearchQuery('Kyrgyzstan’s capital').terms).toEqual(['kyrgyzstan', 'capital'])
    expect(parseSearchQuery('苏州评弹').terms).toEqual(['苏州评弹'])
    // Decomposed and composed forms are the same word.
    expect(parseSearchQuery('Zu\u0308rich').terms).toEqual(['zürich'])
  })
})

describe('matchPatterns', () => {
  it('adds the prefix wildcard itself, and matches unspaced scripts anywhere in a run', () => {
    expect(matchPatterns(['kyrgyz', 'asia'])).toEqual(['kyrgyz*', 'asia*'])
    expect(matchPatterns(['评弹'])).toEqual(['*评弹*'])
  })
})

describe('highlightSegments', () => {
  const marked = (text: string, terms: string[]) =>
    highlightSegments(text, terms)
      .filter((s) => s.match)
      .map((s) => s.text)

  it('marks whole words that begin with a term, case-insensitively', () => {
    expect(marked('Kyrgyzstan and the Kyrgyz people; not Akyrgyz', ['kyrgyz'])).toEqual(['Kyrgyzstan', 'Kyrgyz'])
  })

  it('keeps all the text, in order', () => {
    const text = 'Rail links: rail, RAILWAY and trails'
    const segments = highlightSegments(text, ['rail'])
    expect(segments.map((s) => s.text).join('')).toBe(text)
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['Rail', 'rail', 'RAILWAY'])
  })

  it('handles accents and other scripts', () => {
    expect(marked('Ein Tag in ZÜRICH, Zürichsee', ['zürich'])).toEqual(['ZÜRICH', 'Zürichsee'])
    expect(marked('Москва и московский', ['моск'])).toEqual(['Москва', 'московский'])
    expect(marked('苏州评弹老录音数字化', ['评弹'])).toEqual(['评弹'])
  })

  it('treats regular expression characters in a term as text', () => {
    expect(() => highlightSegments('a.b (c) [d]', ['.', '(', '[d]'])).not.toThrow()
    expect(marked('a.b (c) [d]', ['.*'])).toEqual([])
  })

  it('marks nothing without terms, and copes with empty text', () => {
    expect(highlightSegments('Some text', [])).toEqual([{ text: 'Some text', match: false }])
    expect(highlightSegments('', ['x'])).toEqual([])
  })
})

describe('parseSearchPage', () => {
  it.each([
    ['2', 2],
    ['1', 1],
    [['3', '4'], 3],
    [undefined, 1],
    ['0', 1],
    ['-1', 1],
    ['1.5', 1],
    ['02', 1],
    ['abc', 1],
    ['9999999', 1],
  ])('reads %p as page %p', (input, page) => {
    expect(parseSearchPage(input)).toBe(page)
  })
})
