import { evaluate, parse } from 'groq-js'
import type { DocumentActionComponent, DocumentActionsContext } from 'sanity'
import { documentActions, newDocumentOptions } from '@/sanity/studio/documents'
import { locations } from '@/sanity/studio/locations'
import { requestPreviewLink } from '@/sanity/studio/preview-link'
import { structure } from '@/sanity/studio/structure'
import { notBeforePublication } from '@/sanity/schemaTypes/rules'

jest.mock('@/sanity/studio/SharePreviewLinkAction', () => ({ SharePreviewLinkAction: Object.assign(() => null, { displayName: 'Share' }) }))

/**
 * A stand-in for Sanity's structure builder that records what the structure asks for,
 * so the desk can be checked without a running Studio.
 */
type Node = { kind: string; props: Record<string, unknown>; children?: unknown }
function recordingBuilder() {
  const node = (kind: string, props: Record<string, unknown> = {}): Node & Record<string, (...a: unknown[]) => unknown> => {
    const self = { kind, props } as Node & Record<string, (...a: unknown[]) => unknown>
    for (const method of ['title', 'id', 'items', 'filter', 'params', 'schemaType', 'apiVersion', 'documentId', 'defaultOrdering', 'child']) {
      self[method] = (value: unknown) => {
        if (method === 'child') self.children = value
        else self.props[method] = value
        return self
      }
    }
    return self
  }
  return {
    list: () => node('list'),
    listItem: () => node('listItem'),
    divider: () => node('divider'),
    document: () => node('document'),
    documentList: () => node('documentList'),
    documentTypeList: (type: string) => node('documentTypeList', { type }),
    documentTypeListItem: (type: string) => node('documentTypeListItem', { type }),
  }
}

describe('the desk structure', () => {
  const desk = structure(recordingBuilder() as never, {} as never) as unknown as Node
  const items = desk.props.items as Node[]
  const item = (id: string) => items.find((entry) => entry.props.id === id)!

  it('offers articles by section, drafts, recently published, all articles, people, sections and settings, in that order', () => {
    expect(items.filter((entry) => entry.kind !== 'divider').map((entry) => entry.props.title)).toEqual([
      'Articles by section',
      'Drafts in progress',
      'Recently published',
      'All articles',
      'People',
      'Sections',
      'Site settings',
    ])
  })

  it('lists drafts only under "Drafts in progress", in the raw perspective and the Studio’s default drafts one', async () => {
    const drafts = item('drafts-in-progress').children as Node
    const matching = async (documents: object[]) => (await (await evaluate(parse(`*[${drafts.props.filter}]._id`), { dataset: documents })).get()) as string[]
    const raw = [
      { _id: 'a', _type: 'article' },
      { _id: 'drafts.a', _type: 'article' },
      { _id: 'drafts.b', _type: 'article' },
      { _id: 'c', _type: 'article' },
      { _id: 'drafts.p', _type: 'person' },
    ]
    expect(await matching(raw)).toEqual(['drafts.a', 'drafts.b'])
    // The drafts perspective: each draft under its published id, with its own id in _originalId.
    const overlaid = [
      { _id: 'a', _originalId: 'drafts.a', _type: 'article' },
      { _id: 'b', _originalId: 'drafts.b', _type: 'article' },
      { _id: 'c', _originalId: 'c', _type: 'article' },
    ]
    expect(await matching(overlaid)).toEqual(['a', 'b'])
  })

  it('lists published articles newest first under "Recently published"', () => {
    const published = item('recently-published').children as Node
    expect(published.props.filter).toMatch(/defined\(publishedAt\)/)
    expect(published.props.defaultOrdering).toEqual([{ field: 'publishedAt', direction: 'desc' }])
  })

  it('opens a section’s own articles', () => {
    const sections = item('articles-by-section').children as Node
    const articles = (sections.children as (id: string) => Node)('section-world')
    expect(articles.props.params).toEqual({ sectionId: 'section-world' })
    expect(articles.props.filter).toContain('section._ref == $sectionId')
  })

  it('names an API version on each list with a filter of its own, as the Studio asks', () => {
    const sections = item('articles-by-section').children as Node
    const lists = [
      item('drafts-in-progress').children,
      item('recently-published').children,
      (sections.children as (id: string) => Node)('section-world'),
    ] as Node[]
    for (const list of lists) expect(list.props.apiVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('edits the site settings as the one document with id siteSettings', () => {
    const settings = item('siteSettings').children as Node
    expect(settings).toMatchObject({ kind: 'document', props: { schemaType: 'siteSettings', documentId: 'siteSettings' } })
  })
})

describe('document actions', () => {
  const action = (name: string) => Object.assign((() => null) as unknown as DocumentActionComponent, { action: name })
  const defaults = ['publish', 'unpublish', 'discardChanges', 'duplicate', 'delete'].map(action)
  const context = (schemaType: string) => ({ schemaType }) as DocumentActionsContext

  it('never duplicate, delete or unpublish the site settings', () => {
    expect(documentActions(defaults, context('siteSettings')).map((a) => a.action)).toEqual(['publish', 'discardChanges'])
  })

  it('add "Share preview link" to articles only', () => {
    expect(documentActions(defaults, context('article'))).toHaveLength(defaults.length + 1)
    expect(documentActions(defaults, context('person'))).toEqual(defaults)
  })

  it('do not offer the site settings in "Create new document"', () => {
    const templates = [{ templateId: 'article' }, { templateId: 'siteSettings' }, { templateId: 'person' }] as never[]
    const global = newDocumentOptions(templates, { creationContext: { type: 'global' } } as never)
    expect(global.map((t: { templateId: string }) => t.templateId)).toEqual(['article', 'person'])
  })
})

describe('Presentation locations', () => {
  const resolve = (type: 'article' | 'person' | 'section', doc: object | null) => (locations[type] as { resolve: (doc: object | null) => unknown }).resolve(doc)

  it('open an article at its URL and on the front page', () => {
    expect(resolve('article', { headline: 'Harbour reopens', slug: 'harbour-reopens' })).toEqual({
      locations: [
        { title: 'Harbour reopens', href: '/articles/harbour-reopens' },
        { title: 'Front page', href: '/' },
      ],
    })
  })

  it('open a corrected article on /corrections too', () => {
    const found = resolve('article', { headline: 'Low Mekong', slug: 'mekong', correctedAt: '2026-11-24T06:10:00Z' }) as { locations: { href: string }[] }
    expect(found.locations.map((l) => l.href)).toEqual(['/articles/mekong', '/', '/corrections'])
  })

  it('open a person and a section at their pages, and nothing without a slug', () => {
    expect(resolve('person', { name: 'He Yuting', slug: 'he-yuting' })).toEqual({ locations: [{ title: 'He Yuting', href: '/people/he-yuting' }] })
    expect((resolve('section', { title: 'World', slug: 'world' }) as { locations: { href: string }[] }).locations[0].href).toBe('/sections/world')
    expect(resolve('article', { headline: 'No slug yet' })).toBeNull()
    expect(resolve('person', null)).toBeNull()
  })
})

describe('requestPreviewLink', () => {
  it('asks the site with the slug and the Studio’s secret, and returns the signed link', async () => {
    const fetchImpl = jest.fn(async () => Response.json({ url: 'https://news.example/preview/t', expiresAt: '2026-11-30T12:00:00.000Z' }))
    const link = await requestPreviewLink('https://news.example', 'harbour-reopens', 'studio-secret', fetchImpl as never)
    expect(link).toEqual({ url: 'https://news.example/preview/t', expiresAt: '2026-11-30T12:00:00.000Z' })
    const url = new URL(String((fetchImpl.mock.calls[0] as unknown[])[0]))
    expect(url.pathname).toBe('/api/preview-link')
    expect(url.searchParams.get('slug')).toBe('harbour-reopens')
    expect(url.searchParams.get('sanity-preview-secret')).toBe('studio-secret')
  })

  it('passes on the site’s explanation when it refuses', async () => {
    const fetchImpl = async () => Response.json({ error: 'Previews are off: this site has no PREVIEW_SECRET.' }, { status: 404 })
    await expect(requestPreviewLink('https://news.example', 's', 'x', fetchImpl as never)).rejects.toThrow('Previews are off')
  })
})

describe('a correction’s date', () => {
  const on = (publishedAt?: string) => ({ document: { _id: 'a', _type: 'article', publishedAt } }) as never

  it('is refused before the publication, in an editor’s words, and accepted at or after it', () => {
    expect(notBeforePublication('2026-11-24T01:00:00Z', on('2026-11-24T01:45:00Z'))).toBe('A correction cannot come before the publication time.')
    expect(notBeforePublication('2026-11-24T01:45:00Z', on('2026-11-24T01:45:00Z'))).toBe(true)
    expect(notBeforePublication('2026-11-24T06:10:00Z', on('2026-11-24T01:45:00Z'))).toBe(true)
  })

  it('is left to the required rule when missing, and not compared when the article has no publication time', () => {
    expect(notBeforePublication(undefined, on('2026-11-24T01:45:00Z'))).toBe(true)
    expect(notBeforePublication('2026-11-24T01:00:00Z', on())).toBe(true)
  })
})
