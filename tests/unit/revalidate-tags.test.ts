import fs from 'node:fs'
import { ChangeSchema, documentTag, tagsForChange, type Change } from '@/lib/revalidate/tags'

/**
 * What a published change revalidates. The tags are those lib/content passes to the
 * source: 'article', article:<slug>, section:<slug>, person:<slug>, 'section', 'person',
 * 'siteSettings'; and doc:<_id>, which the Sanity source adds for each document in a result.
 */

const change = (body: Record<string, unknown>): Change => ChangeSchema.parse(body)
const sorted = (tags: string[]) => [...tags].sort()

describe('tagsForChange: articles', () => {
  const harbour = change({
    _id: 'article-harbour',
    _type: 'article',
    operation: 'update',
    slug: 'harbour-reopens',
    previousSlug: 'harbour-reopens',
    section: 'world',
    previousSection: 'world',
    people: ['ada-reporter', 'tom-lens'],
    previousPeople: ['ada-reporter', 'tom-lens'],
  })

  it('revalidates its page, every listing, its section and each person it credits', () => {
    expect(sorted(tagsForChange(harbour))).toEqual(
      sorted(['doc:article-harbour', 'article', 'article:harbour-reopens', 'section:world', 'person:ada-reporter', 'person:tom-lens']),
    )
  })

  it('revalidates the old slug of a renamed article too', () => {
    const tags = tagsForChange({ ...harbour, slug: 'harbour-open-again' })
    expect(tags).toEqual(expect.arrayContaining(['article:harbour-open-again', 'article:harbour-reopens']))
  })

  it('revalidates both sections of an article moved to another section', () => {
    const tags = tagsForChange({ ...harbour, section: 'business' })
    expect(tags).toEqual(expect.arrayContaining(['section:business', 'section:world']))
  })

  it('revalidates people added to and removed from the bylines', () => {
    const tags = tagsForChange({ ...harbour, people: ['ada-reporter', 'li-wei'] })
    expect(tags).toEqual(expect.arrayContaining(['person:ada-reporter', 'person:li-wei', 'person:tom-lens']))
  })

  it('revalidates a new article (no previous state)', () => {
    const created = change({ _id: 'article-new', _type: 'article', operation: 'create', slug: 'new-story', section: 'world', people: ['ada-reporter'] })
    expect(sorted(tagsForChange(created))).toEqual(sorted(['doc:article-new', 'article', 'article:new-story', 'section:world', 'person:ada-reporter']))
  })

  it('revalidates a deleted article from its previous state', () => {
    const deleted = change({
      _id: 'article-harbour',
      _type: 'article',
      operation: 'delete',
      slug: null,
      previousSlug: 'harbour-reopens',
      section: null,
      previousSection: 'world',
      people: null,
      previousPeople: ['ada-reporter'],
    })
    expect(sorted(tagsForChange(deleted))).toEqual(
      sorted(['doc:article-harbour', 'article', 'article:harbour-reopens', 'section:world', 'person:ada-reporter']),
    )
  })

  it('skips bylines whose person does not resolve, and an article without slug or section', () => {
    const bare = change({ _id: 'article-bare', _type: 'article', people: [null, 'ada-reporter', null] })
    expect(sorted(tagsForChange(bare))).toEqual(sorted(['doc:article-bare', 'article', 'person:ada-reporter']))
  })

  it('ignores referencing articles for an article', () => {
    expect(tagsForChange(harbour, ['other-story'])).not.toContain('article:other-story')
  })
})

describe('tagsForChange: people', () => {
  const ada = change({ _id: 'person-ada', _type: 'person', slug: 'ada-reporter', previousSlug: 'ada-reporter' })

  it('a new name reaches every article page that bylines them, and the listings that show it', () => {
    const tags = tagsForChange(ada, ['harbour-reopens', 'rail-link', 'budget-vote'])
    expect(sorted(tags)).toEqual(
      sorted(['doc:person-ada', 'person', 'person:ada-reporter', 'article', 'article:harbour-reopens', 'article:rail-link', 'article:budget-vote']),
    )
  })

  it('revalidates the old and the new slug of a renamed person', () => {
    const tags = tagsForChange({ ...ada, slug: 'ada-lovelace' }, ['harbour-reopens'])
    expect(tags).toEqual(expect.arrayContaining(['person:ada-lovelace', 'person:ada-reporter', 'article:harbour-reopens']))
  })

  it('leaves articles alone for a person nobody credits', () => {
    expect(sorted(tagsForChange(ada, []))).toEqual(sorted(['doc:person-ada', 'person', 'person:ada-reporter']))
    expect(sorted(tagsForChange(ada))).toEqual(sorted(['doc:person-ada', 'person', 'person:ada-reporter']))
  })

  it('skips empty referencing slugs', () => {
    expect(tagsForChange(ada, ['', 'rail-link'])).toEqual(expect.not.arrayContaining(['article:']))
  })
})

describe('tagsForChange: sections', () => {
  const world = change({ _id: 'section-world', _type: 'section', slug: 'world', previousSlug: 'world' })

  it('revalidates the navigation, its pages and the articles in it', () => {
    expect(sorted(tagsForChange(world, ['harbour-reopens', 'rail-link']))).toEqual(
      sorted(['doc:section-world', 'section', 'section:world', 'article', 'article:harbour-reopens', 'article:rail-link']),
    )
  })

  it('revalidates the old and the new slug of a renamed section', () => {
    const tags = tagsForChange({ ...world, slug: 'international' })
    expect(sorted(tags)).toEqual(sorted(['doc:section-world', 'section', 'section:international', 'section:world']))
  })
})

describe('tagsForChange: other documents', () => {
  it('revalidates the site settings', () => {
    expect(sorted(tagsForChange(change({ _id: 'siteSettings', _type: 'siteSettings' })))).toEqual(sorted(['doc:siteSettings', 'siteSettings']))
  })

  it('revalidates nothing for a type the site does not show', () => {
    expect(tagsForChange(change({ _id: 'image-abc', _type: 'sanity.imageAsset', slug: 'x' }), ['a'])).toEqual([])
  })

  it('revalidates nothing for drafts and release versions', () => {
    expect(tagsForChange(change({ _id: 'drafts.article-harbour', _type: 'article', slug: 'harbour-reopens' }))).toEqual([])
    expect(tagsForChange(change({ _id: 'versions.r1.person-ada', _type: 'person', slug: 'ada-reporter' }), ['x'])).toEqual([])
  })
})

describe('tagsForChange: document tags', () => {
  it.each([
    ['article', 'article-harbour'],
    ['person', 'person-ada'],
    ['section', 'section-world'],
    ['siteSettings', 'siteSettings'],
  ])('expires the tag the Sanity source gives a changed %s (doc:<_id>)', (type, id) => {
    expect(tagsForChange(change({ _id: id, _type: type }))).toContain(documentTag(id))
    expect(documentTag(id)).toBe(`doc:${id}`)
  })
})

describe('tagsForChange: no duplicates', () => {
  it.each([
    change({
      _id: 'article-harbour',
      _type: 'article',
      slug: 'harbour-reopens',
      previousSlug: 'harbour-reopens',
      section: 'world',
      previousSection: 'world',
      people: ['ada-reporter', 'ada-reporter', 'tom-lens'],
      previousPeople: ['tom-lens', 'ada-reporter'],
    }),
    change({ _id: 'person-ada', _type: 'person', slug: 'ada-reporter', previousSlug: 'ada-reporter' }),
    change({ _id: 'section-world', _type: 'section', slug: 'world', previousSlug: 'world' }),
  ])('lists each tag once (%#)', (body) => {
    const tags = tagsForChange(body, ['harbour-reopens', 'harbour-reopens', 'rail-link'])
    expect(new Set(tags).size).toBe(tags.length)
  })
})

describe('ChangeSchema', () => {
  it('keeps only the projected fields', () => {
    expect(change({ _id: 'a', _type: 'article', headline: 'Not needed', slug: 's' })).toEqual({ _id: 'a', _type: 'article', slug: 's' })
  })

  it.each([{}, { _id: 'a' }, { _type: 'article' }, { _id: '', _type: 'article' }, { _id: 'a', _type: 'article', people: 'ada' }, []])('rejects %j', (body) => {
    expect(ChangeSchema.safeParse(body).success).toBe(false)
  })
})

describe('the tags lib/content uses', () => {
  // Every tag array the content layer passes to its source, read from its code: a new kind
  // of tag (a `tag:<name>` for tag pages, say) fails here until tagsForChange produces it.
  const TAG = /'[A-Za-z]+'|`[A-Za-z]+:\$\{[^}]+\}`/g
  const ARRAY = /\[\s*(?:'[A-Za-z]+'|`[A-Za-z]+:\$\{[^}]+\}`)(?:\s*,\s*(?:'[A-Za-z]+'|`[A-Za-z]+:\$\{[^}]+\}`))*\s*\]/g
  const kinds = new Set(
    ['lib/content/index.ts', 'lib/content/syndication.ts'].flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(ARRAY)].flatMap(([array]) =>
        (array.match(TAG) ?? []).map((tag) => (tag.startsWith('`') ? `${tag.slice(1, tag.indexOf(':'))}:` : tag.slice(1, -1))),
      ),
    ),
  )
  const produced = new Set(
    [
      tagsForChange(change({ _id: 'a', _type: 'article', slug: 's', section: 'x', people: ['p'] })),
      tagsForChange(change({ _id: 'p', _type: 'person', slug: 'p' }), ['s']),
      tagsForChange(change({ _id: 's', _type: 'section', slug: 'x' }), ['s']),
      tagsForChange(change({ _id: 'siteSettings', _type: 'siteSettings' })),
    ]
      .flat()
      .map((tag) => (tag.includes(':') ? `${tag.slice(0, tag.indexOf(':'))}:` : tag)),
  )

  it('finds the tags in the content layer', () => {
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['article', 'article:', 'person:', 'section', 'section:', 'siteSettings']))
  })

  it('can revalidate every kind of tag the content layer uses', () => {
    expect([...produced].sort()).toEqual(expect.arrayContaining([...kinds].sort()))
  })
})
