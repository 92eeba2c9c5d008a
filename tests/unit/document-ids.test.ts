import { documentIds } from '@/lib/content/sources/document-ids'

/** The documents a query result holds: what the Sanity source tags a cached read with. */

describe('documentIds', () => {
  it('finds the ids of a document and of the documents nested in it, in the order they appear', () => {
    const article = {
      _id: 'article-harbour',
      headline: 'Harbour reopens',
      section: { _id: 'section-world', title: 'World' },
      bylines: [
        { _key: 'b1', person: { _id: 'person-ada', name: 'Ada' } },
        { _key: 'b2', person: { _id: 'person-tom', name: 'Tom' } },
      ],
    }
    expect(documentIds(article)).toEqual(['article-harbour', 'section-world', 'person-ada', 'person-tom'])
  })

  it('walks lists and objects without ids of their own', () => {
    const page = {
      section: { _id: 'section-world' },
      items: [{ _id: 'article-a' }, { _id: 'article-b', related: [[{ _id: 'article-c' }]] }],
      total: 3,
    }
    expect(documentIds(page)).toEqual(['section-world', 'article-a', 'article-b', 'article-c'])
  })

  it('lists each id once', () => {
    const cards = [{ _id: 'article-a', section: { _id: 'section-world' } }, { _id: 'article-b', section: { _id: 'section-world' } }, { _id: 'article-a' }]
    expect(documentIds(cards)).toEqual(['article-a', 'section-world', 'article-b'])
  })

  it('leaves out image and file assets, whose ids name their content', () => {
    const article = {
      _id: 'article-harbour',
      heroImage: { alt: 'Dawn', asset: { _id: 'image-abc123-1600x900-jpg', width: 1600 } },
      attachment: { asset: { _id: 'file-def456-pdf' } },
    }
    expect(documentIds(article)).toEqual(['article-harbour'])
  })

  it('ignores ids that are not non-empty strings, and references', () => {
    const odd = { _id: '', items: [{ _id: 42 }, { _id: null }, { _type: 'reference', _ref: 'person-ada' }] }
    expect(documentIds(odd)).toEqual([])
  })

  it.each([
    ['null', null],
    ['a count', 12],
    ['a string', 'article-harbour'],
    ['a list of slugs', ['harbour-reopens', 'rail-link']],
    ['an empty list', []],
    ['an object without documents', { title: 'News', language: 'en' }],
  ])('finds none in %s', (_, result) => {
    expect(documentIds(result)).toEqual([])
  })
})
