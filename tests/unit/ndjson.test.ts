import path from 'node:path'
import { DatasetError, RefusedDatasetError, parseDatasetFile, parseNdjsonDataset, readNdjsonDataset } from '@/lib/content/sources/ndjson'

describe('the NDJSON dataset reader', () => {
  let warn: jest.SpyInstance
  beforeEach(() => (warn = jest.spyOn(console, 'warn').mockImplementation(() => {})))
  afterEach(() => warn.mockRestore())

  it('skips a line that is not JSON with a warning naming its line number, and keeps the rest', () => {
    const text = ['{"_id":"a","_type":"section"}', '{"_id": broken', '', '{"_id":"b","_type":"section"}', '[1,2]'].join('\n')
    const { documents } = parseNdjsonDataset(text, '/data')
    expect(documents.map((doc) => doc._id)).toEqual(['a', 'b'])
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      '[content] LOCAL_DATASET line 2 is not valid JSON; skipped.',
      '[content] LOCAL_DATASET line 5 is not a document with _id and _type; skipped.',
    ])
  })

  it('read strictly (a reload), refuses the whole file for any bad line, naming each', () => {
    const text = ['{"_id":"a","_type":"section"}', '{"_id": broken', '', '{"_id":"b","_type":"section"}', '[1,2]'].join('\n')
    expect(() => parseNdjsonDataset(text, '/data', { strict: true })).toThrow(RefusedDatasetError)
    expect(() => parseNdjsonDataset(text, '/data', { strict: true })).toThrow(/^line 2 is not valid JSON \(.+\); line 5 is not a document with _id and _type$/)
    expect(warn).not.toHaveBeenCalled()
  })

  it('read strictly, refuses a file cut in the middle of its last line, or with no document', () => {
    const whole = '{"_id":"a","_type":"section"}\n{"_id":"b","_type":"section","title":"World"}\n'
    expect(() => parseNdjsonDataset(whole.slice(0, -10), '/data', { strict: true })).toThrow(/^line 2 is not valid JSON/)
    expect(() => parseNdjsonDataset('\n\n', '/data', { strict: true })).toThrow('has no documents')
    expect(parseNdjsonDataset(whole, '/data', { strict: true }).documents).toHaveLength(2)
  })

  it('parses only the lines that changed since the previous version, and answers as a full parse would', () => {
    const doc = (id: string, title: string, image?: string) =>
      JSON.stringify({ _id: id, _type: 'section', title, ...(image ? { cover: { _sanityAsset: `image@file://./images/${image}` } } : {}) })
    const bytes = (...lines: string[]) => Buffer.from(lines.join('\n') + '\n')
    const previous = parseDatasetFile(bytes(doc('a', 'A', 'aa-1x1.png'), doc('b', 'B'), doc('c', 'C'), doc('d', 'D', 'dd-1x1.jpg')), '/data')
    const next = bytes(doc('a', 'A', 'aa-1x1.png'), doc('b', 'B, edited'), doc('new', 'New'), doc('c', 'C'), doc('d', 'D', 'dd-1x1.jpg'))
    const { dataset } = parseDatasetFile(next, '/data', { strict: true, previous })

    expect(dataset).toEqual(parseNdjsonDataset(next.toString(), '/data'))
    const [a, b, , c, d] = dataset.documents
    const [oldA, oldB, oldC, oldD] = previous.dataset.documents
    expect([a, c, d]).toEqual([oldA, oldC, oldD])
    expect(a).toBe(oldA)
    expect(c).toBe(oldC)
    expect(d).toBe(oldD)
    expect(b).not.toBe(oldB)
    expect([...dataset.assets.keys()]).toEqual(['image-aa-1x1-png', 'image-dd-1x1-jpg'])
    // A bad line kept from the previous version still refuses a strict read, under its new number.
    const lenient = parseDatasetFile(bytes(doc('a', 'A'), '{broken'), '/data')
    expect(() => parseDatasetFile(bytes(doc('new', 'New'), doc('a', 'A'), '{broken'), '/data', { strict: true, previous: lenient })).toThrow(
      /^line 3 is not valid JSON/,
    )
  })

  it('turns exported images into asset references and asset documents, as an import would', () => {
    const doc = { _id: 'p', _type: 'person', portrait: { _type: 'image', _sanityAsset: 'image@file://./images/ab12-600x400.png', alt: 'Portrait' } }
    const { documents, assets } = parseNdjsonDataset(JSON.stringify(doc), '/data')
    expect(documents[0]).toEqual({
      _id: 'p',
      _type: 'person',
      portrait: { _type: 'image', asset: { _type: 'reference', _ref: 'image-ab12-600x400-png' }, alt: 'Portrait' },
    })
    expect(documents[1]).toMatchObject({
      _id: 'image-ab12-600x400-png',
      _type: 'sanity.imageAsset',
      url: '/api/lake/images/local/embedded/ab12-600x400.png',
      metadata: { dimensions: { width: 600, height: 400 } },
    })
    expect(assets.get('image-ab12-600x400-png')).toMatchObject({ filePath: path.join('/data', 'images', 'ab12-600x400.png'), mimeType: 'image/png' })
  })

  it('leaves out an asset path it cannot read, with a warning', () => {
    const doc = { _id: 'p', _type: 'person', portrait: { _type: 'image', _sanityAsset: 'image@https://example.com/x.jpg' } }
    const { documents } = parseNdjsonDataset(JSON.stringify(doc), '/data')
    expect(documents[0]).toEqual({ _id: 'p', _type: 'person', portrait: { _type: 'image' } })
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('image@https://example.com/x.jpg'))
  })

  it('names the path of a file it cannot read', () => {
    expect(() => readNdjsonDataset('/nowhere/dataset.ndjson')).toThrow(DatasetError)
    expect(() => readNdjsonDataset('/nowhere/dataset.ndjson')).toThrow('/nowhere/dataset.ndjson (ENOENT)')
  })

  it('reads the demo dataset with no warnings', () => {
    const { documents } = readNdjsonDataset(path.resolve('sanity/demo/dataset.ndjson'))
    expect(documents.filter((doc) => doc._type === 'article').length).toBeGreaterThan(40)
    expect(warn).not.toHaveBeenCalled()
  })
})
