import { toNdjson } from '../fixtures/dataset'
import { createLocalSource } from '@/lib/content/sources/local'
import { parseNdjsonDataset } from '@/lib/content/sources/ndjson'

const block = (key: string, text: string) => ({ _type: 'block', _key: key, style: 'normal', markDefs: [], children: [{ _type: 'span', text }] })
const documents = [
  { _id: 'section-world', _type: 'section', title: 'World', slug: { current: 'world' } },
  { _id: 'person-ada', _type: 'person', name: 'Ada Reporter', slug: { current: 'ada' } },
  {
    _id: 'article-harbour',
    _type: 'article',
    headline: 'Harbour reopens',
    slug: { current: 'harbour' },
    publishedAt: '2026-10-01T08:00:00Z',
    section: { _type: 'reference', _ref: 'section-world' },
    body: [block('p1', 'Published text.')],
  },
  {
    _id: 'drafts.article-harbour',
    _type: 'article',
    headline: 'Harbour reopens, draft',
    slug: { current: 'harbour' },
    publishedAt: '2026-10-01T08:00:00Z',
    section: { _type: 'reference', _ref: 'section-world' },
    // Invalid: a byline role typed by hand, and an image block whose upload never finished.
    bylines: [{ _key: 'b1', _type: 'byline', role: 'writer', person: { _type: 'reference', _ref: 'person-ada' } }],
    body: [block('p1', 'Draft text.'), { _type: 'image', _key: 'i1', alt: 'Pending' }, block('p2', 'More draft text.')],
  },
  { _id: 'drafts.article-unpublished', _type: 'article', headline: 'Not out yet', slug: { current: 'unpublished' }, body: [] },
]

jest.mock('@/lib/content/sources', () => ({
  contentSource: () => createLocalSource(parseNdjsonDataset(toNdjson(documents), '/fixture')),
}))

import { getArticle } from '@/lib/content'
import { getArticlePreview } from '@/lib/content/preview'

beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => {}))
afterEach(() => jest.restoreAllMocks())

describe('getArticlePreview', () => {
  it('shows the draft, not the published version', async () => {
    const preview = await getArticlePreview('harbour')
    expect(preview?.article.headline).toBe('Harbour reopens, draft')
  })

  it('keeps what validates in an invalid draft and names each invalid field', async () => {
    const preview = await getArticlePreview('harbour')
    expect(preview?.article.body.map((b) => b._type === 'block' && b.children[0].text)).toEqual(['Draft text.', 'More draft text.'])
    expect(preview?.article.section?.title).toBe('World')
    expect(preview?.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^bylines\.0\.role/), expect.stringMatching(/^body\.1\.asset/)]))
    // The public path never serves it: it is a draft, and invalid besides.
    expect((await getArticle('harbour'))?.headline).toBe('Harbour reopens')
  })

  it('shows a draft that has never been published and has no publication time yet', async () => {
    const preview = await getArticlePreview('unpublished')
    expect(preview).toMatchObject({ article: { headline: 'Not out yet', publishedAt: undefined }, problems: [] })
    expect(await getArticle('unpublished')).toBeUndefined()
  })

  it('answers undefined for a slug with no article at all', async () => {
    expect(await getArticlePreview('nothing-here')).toBeUndefined()
  })
})
