import { evaluate, parse } from 'groq-js'
import { parseNdjsonDataset } from '@/lib/content/sources/ndjson'
import { packField } from '@/lib/content/sources/packed-field'

const body = () => [
  {
    _type: 'block',
    _key: 'b1',
    style: 'normal',
    markDefs: [{ _key: 'l1', _type: 'link', href: 'https://example.org/’quoted’' }],
    children: [
      { _type: 'span', _key: 's1', text: 'Kyrgyzstan and China — ', marks: [] },
      { _type: 'span', _key: 's2', text: 'thirty years', marks: ['l1', 'strong'] },
    ],
  },
  { _type: 'image', _key: 'i1', asset: { _type: 'reference', _ref: 'image-abc-10x10-png' }, alt: 'A port' },
]

const article = () => ({ _id: 'a1', _type: 'article', headline: 'Rail', body: body(), tags: ['trade'] })

describe('a packed field', () => {
  it('reads back equal to what was packed, in its place among the keys', () => {
    const doc = article()
    packField(doc, 'body')
    expect(Object.getOwnPropertyDescriptor(doc, 'body')?.get).toBeDefined()
    expect(doc.body).toEqual(body())
    expect(Object.keys(doc)).toEqual(['_id', '_type', 'headline', 'body', 'tags'])
    expect(JSON.stringify(doc)).toBe(JSON.stringify(article()))
    expect({ ...doc }).toEqual(article())
  })

  it('gives each reader its own copy, so no reader can change what the next one sees', () => {
    const doc = article()
    packField(doc, 'body')
    const first = doc.body
    first[0]!.children![0]!.text = 'changed'
    first.pop()
    expect(doc.body).toEqual(body())
    expect(doc.body).not.toBe(doc.body)
  })

  it('cannot be written, like a frozen document', () => {
    const doc = article()
    packField(doc, 'body')
    // Test files are modules, strict mode: a write to a getter-only property throws.
    expect(() => {
      doc.body = []
    }).toThrow(TypeError)
    expect(doc.body).toEqual(body())
  })

  it('leaves a document without the field as it is', () => {
    const doc: Record<string, unknown> = { _id: 'p1', _type: 'person', name: 'Aida' }
    packField(doc, 'body')
    expect(Object.keys(doc)).toEqual(['_id', '_type', 'name'])
    expect('body' in doc).toBe(false)
  })
})

describe('the embedded dataset', () => {
  const ndjson = [
    JSON.stringify({ ...article(), body: [...body(), { _type: 'image', _key: 'i2', _sanityAsset: 'image@file://./images/abc-10x10.png' }] }),
    JSON.stringify({ _id: 'a2', _type: 'article', headline: 'No body' }),
  ].join('\n')

  it('keeps article bodies packed, with exported images linked to their assets', () => {
    const [withBody, without] = parseNdjsonDataset(ndjson, '/data').documents
    expect(Object.getOwnPropertyDescriptor(withBody, 'body')?.get).toBeDefined()
    expect((withBody.body as unknown[]).at(-1)).toEqual({ _type: 'image', _key: 'i2', asset: { _type: 'reference', _ref: 'image-abc-10x10-png' } })
    expect('body' in without).toBe(false)
  })

  it('answers GROQ over packed bodies as over plain ones', async () => {
    const lines = [JSON.stringify(article()), JSON.stringify({ _id: 'a2', _type: 'article', headline: 'No body' })]
    const packed = parseNdjsonDataset(lines.join('\n'), '/data').documents
    const plain = lines.map((line) => JSON.parse(line))
    const query = parse(
      '*[_type == "article" && pt::text(body) match "thirty"]{ _id, "text": pt::text(body), "blocks": count(body), "images": body[_type == "image"] }',
    )
    const run = async (dataset: unknown[]) => (await evaluate(query, { dataset })).get()
    const answer = await run(packed)
    expect(answer).toEqual([{ _id: 'a1', text: 'Kyrgyzstan and China — thirty years', blocks: 2, images: [body()[1]] }])
    expect(answer).toEqual(await run(plain))
  })
})
