import path from 'node:path'
import { DatasetError, parseNdjsonDataset, readNdjsonDataset } from '@/lib/content/sources/ndjson'

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

  it('turns exported images into asset references and asset documents, as an import would', () => {
    const doc = { _id: 'p', _type: 'person', portrait: { _type: 'image', _sanityAsset: 'image@file://./images/ab12-600x400.png', alt: 'Portrait' } }
    const { documents, assets } = parseNdjsonDataset(JSON.stringify(doc), '/data')
    expect(documents[0]).toEqual({ _id: 'p', _type: 'person', portrait: { _type: 'image', asset: { _type: 'reference', _ref: 'image-ab12-600x400-png' }, alt: 'Portrait' } })
    expect(documents[1]).toMatchObject({ _id: 'image-ab12-600x400-png', _type: 'sanity.imageAsset', url: '/images/local/embedded/ab12-600x400.png', metadata: { dimensions: { width: 600, height: 400 } } })
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
