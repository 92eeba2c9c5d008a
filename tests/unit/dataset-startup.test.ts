import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { localDataset, openLocalDataset } from '@/lib/content/sources'
import { DatasetError, readDatasetAtStart } from '@/lib/content/sources/ndjson'
import { stopOnBadStartup } from '@/lib/startup'

/**
 * LOCAL_DATASET as the server reads it when it starts: a file that cannot be read or holds no
 * document stops the start, naming the file and its first bad line, instead of serving an empty
 * site. A file with some good documents is read leniently, as before. (A version saved while the
 * server runs is refused whole, and the last good one stays served: dataset-watch.test.ts.)
 */

function thrownBy(run: () => unknown): Error {
  try {
    run()
  } catch (error) {
    return error as Error
  }
  throw new Error('nothing was thrown')
}

const section = JSON.stringify({ _id: 'section-world', _type: 'section', title: 'World', slug: { current: 'world' } })

let dir: string
let warn: jest.SpyInstance
const write = (content: string) => {
  const file = path.join(dir, 'dataset.ndjson')
  fs.writeFileSync(file, content)
  return file
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dataset-startup-'))
  warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  jest.restoreAllMocks()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('readDatasetAtStart', () => {
  it('stops on a file with no valid document, naming the file, the first bad line and how it starts', () => {
    const file = write('{"_id": "article-a", "_type": "article", "headline": "Cut short in the middle of a line\n[1, 2]\nnot json at all\n')
    const error = thrownBy(() => readDatasetAtStart(file))
    expect(error).toBeInstanceOf(DatasetError)
    expect(error.message.startsWith(`LOCAL_DATASET ${file} holds no valid document: line 1 is not valid JSON (`)).toBe(true)
    expect(error.message).toContain(
      `: "{\\"_id\\": \\"article-a\\", \\"_type\\": \\"article\\", \\"headline\\": \\"Cut sh"…; and 2 more bad lines. Start-up stopped rather than serve an empty site`,
    )
    // One message, not a warning for every line of a file that may be thousands of lines of garbage.
    expect(warn).not.toHaveBeenCalled()
  })

  it('quotes at most 60 characters of the bad line, and escapes its control characters', () => {
    const { message } = thrownBy(() => readDatasetAtStart(write(`\u001b[2J\u009b${'x'.repeat(200)}\n`)))
    expect(message).toContain(`: "\\u001b[2J\\u009b${'x'.repeat(55)}"…`)
    expect(message).not.toMatch(/[\u001b\u009b]/)
  })

  it('stops on an empty file, or one of blank lines', () => {
    expect(() => readDatasetAtStart(write(''))).toThrow(`LOCAL_DATASET ${path.join(dir, 'dataset.ndjson')} holds no document: it is empty`)
    expect(() => readDatasetAtStart(write('\n\n  \n'))).toThrow('holds no document: it is empty')
  })

  it('names the path of a file it cannot read', () => {
    expect(() => readDatasetAtStart(path.join(dir, 'missing.ndjson'))).toThrow(`${path.join(dir, 'missing.ndjson')} (ENOENT)`)
  })

  it('reads a file with at least one document leniently, as before: each bad line is skipped with a warning', () => {
    const { dataset } = readDatasetAtStart(write(`not json\n${section}\n[1]\n`))
    expect(dataset.documents.map((doc) => doc._id)).toEqual(['section-world'])
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      '[content] LOCAL_DATASET line 1 is not valid JSON; skipped.',
      '[content] LOCAL_DATASET line 3 is not a document with _id and _type; skipped.',
    ])
  })
})

describe('the server’s start on the embedded dataset', () => {
  // A process configures its dataset path once, and keeps the store it opens: these tests share
  // one path, and the one that opens a good file comes last.
  const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'dataset-startup-server-'))
  const file = path.join(shared, 'dataset.ndjson')
  const saved = { ...process.env }
  let exit: jest.SpyInstance
  let error: jest.SpyInstance
  beforeEach(() => {
    exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
    error = jest.spyOn(console, 'error').mockImplementation(() => {})
  })
  afterEach(() => {
    process.env = { ...saved }
  })
  afterAll(() => fs.rmSync(shared, { recursive: true, force: true }))

  it.each([
    ['watched', 'true'],
    ['not watched', 'false'],
  ])('stops, %s, printing the message, when LOCAL_DATASET holds no valid document', (_, watch) => {
    fs.writeFileSync(file, 'garbage\n')
    Object.assign(process.env, { LOCAL_DATASET: file, LOCAL_DATASET_WATCH: watch })
    stopOnBadStartup(openLocalDataset)
    expect(exit).toHaveBeenCalledWith(1)
    expect(error.mock.calls[0][0]).toContain(`LOCAL_DATASET ${file} holds no valid document: line 1 is not valid JSON`)
  })

  it('reads a good file at start, unwatched too, and serves it', () => {
    fs.writeFileSync(file, `${section}\n`)
    Object.assign(process.env, { LOCAL_DATASET: file, LOCAL_DATASET_WATCH: 'false' })
    stopOnBadStartup(openLocalDataset)
    expect(exit).not.toHaveBeenCalled()
    expect(localDataset()?.documents.map((doc) => doc._id)).toEqual(['section-world'])
  })
})
