import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createLocalSource } from '@/lib/content/sources/local'
import type { LocalDataset } from '@/lib/content/sources/ndjson'
import { watchDatasetFile, type WatchedDataset } from '@/lib/content/sources/watch'

/**
 * The watcher on a real file in a temporary folder: saves written in place and by rename,
 * broken versions, recovery. Events take their time, so the tests wait for what they expect
 * (with a generous limit) rather than for a fixed delay.
 */

const section = { _id: 'section-world', _type: 'section', title: 'World', slug: { current: 'world' } }
const person = { _id: 'person-ada', _type: 'person', name: 'Ada Reporter', slug: { current: 'ada' } }
const article = (headline: string) => ({ _id: 'article-a', _type: 'article', headline, slug: { current: 'a' } })
const ndjson = (...docs: object[]) => docs.map((doc) => JSON.stringify(doc) + '\n').join('')

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const headlineOf = async (dataset: LocalDataset) =>
  createLocalSource(dataset).fetch('*[_id == "article-a"][0].headline', {}, { perspective: 'published', tags: [] })

let dir: string
let file: string
let watched: WatchedDataset | undefined
let reloads: LocalDataset[]
let info: jest.SpyInstance
let warn: jest.SpyInstance
const messages = (spy: jest.SpyInstance) => spy.mock.calls.map((call) => String(call[0]))

function start(content: string) {
  fs.writeFileSync(file, content)
  watched = watchDatasetFile(file, (parsed) => reloads.push(parsed.dataset))
  return watched
}

/** An atomic save: a temporary file in the same folder, renamed over the dataset. */
function saveByRename(content: string) {
  const temporary = path.join(dir, `.dataset.ndjson.${process.hrtime.bigint()}.tmp`)
  fs.writeFileSync(temporary, content)
  fs.renameSync(temporary, file)
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dataset-watch-'))
  file = path.join(dir, 'dataset.ndjson')
  reloads = []
  info = jest.spyOn(console, 'log').mockImplementation(() => {})
  warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
})

afterEach(() => {
  watched?.close()
  watched = undefined
  jest.restoreAllMocks()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('watching LOCAL_DATASET', () => {
  it('reads the file at start, leniently, as without watching', async () => {
    const { initial } = start(ndjson(section, article('First')) + '{"_id": broken\n')
    expect(await headlineOf(initial.dataset)).toBe('First')
    expect(messages(warn)).toEqual(['[content] LOCAL_DATASET line 3 is not valid JSON; skipped.'])
  })

  it('hands over a version saved in place, and logs it', async () => {
    start(ndjson(section, article('First')))
    fs.writeFileSync(file, ndjson(section, article('Second')))
    await waitFor(() => reloads.length === 1, 'the reload')
    expect(await headlineOf(reloads[0])).toBe('Second')
    expect(messages(info)).toEqual([expect.stringMatching(new RegExp(`^\\[content\\] Reloaded LOCAL_DATASET ${file}: 2 documents, 0 images \\(\\d+ ms\\)$`))])
  })

  it('follows saves that rename a temporary file over the dataset, one after another', async () => {
    start(ndjson(section, article('First')))
    saveByRename(ndjson(section, article('Second')))
    await waitFor(() => reloads.length === 1, 'the first reload')
    // The dataset is now another inode; a watch on the old file would miss this one.
    saveByRename(ndjson(section, article('Third')))
    await waitFor(() => reloads.length === 2, 'the second reload')
    expect(await headlineOf(reloads[1])).toBe('Third')
  })

  it('refuses a half-written file, naming the line, keeps the last good version, and recovers on the next good save', async () => {
    start(ndjson(section, article('First')))
    const whole = ndjson(section, article('Second'), person)
    fs.writeFileSync(file, whole.slice(0, whole.length - 20))
    await waitFor(() => warn.mock.calls.length > 0, 'the refusal')
    expect(messages(warn)).toEqual([
      expect.stringMatching(
        new RegExp(`^\\[content\\] LOCAL_DATASET ${file} line 3 is not valid JSON \\(.+\\): keeping the last good version \\(2 documents, 0 images\\)$`),
      ),
    ])
    expect(reloads).toEqual([])

    saveByRename(whole)
    await waitFor(() => reloads.length === 1, 'the reload')
    expect(await headlineOf(reloads[0])).toBe('Second')
  })

  it('refuses a file with broken lines or garbage in the middle, naming every bad line', async () => {
    start(ndjson(section, article('First')))
    fs.writeFileSync(file, [JSON.stringify(section), 'garbage \u0000\u00ff', '[1, 2]', JSON.stringify(article('Second'))].join('\n'))
    await waitFor(() => warn.mock.calls.length > 0, 'the refusal')
    expect(messages(warn)[0]).toMatch(
      /LOCAL_DATASET .* line 2 is not valid JSON \(.+\); line 3 is not a document with _id and _type: keeping the last good version/,
    )
    expect(reloads).toEqual([])
  })

  it('keeps the last good version while the file is empty or missing', async () => {
    start(ndjson(section, article('First')))
    fs.writeFileSync(file, '')
    await waitFor(() => messages(warn).some((m) => m.includes('has no documents: keeping the last good version')), 'the empty file refused')
    fs.unlinkSync(file)
    await waitFor(() => messages(warn).some((m) => m.includes('cannot be read (ENOENT): keeping the last good version')), 'the missing file refused')
    fs.writeFileSync(file, ndjson(section, article('Back')))
    await waitFor(() => reloads.length === 1, 'the reload')
    expect(await headlineOf(reloads[0])).toBe('Back')
  })

  it('does not reload content identical to the version it serves', async () => {
    const content = ndjson(section, article('First'))
    start(content)
    const open = jest.spyOn(fs.promises, 'open')
    saveByRename(content)
    await waitFor(() => open.mock.calls.length > 0, 'the identical save to be read')
    // Let that check finish before anything else changes the file.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(reloads).toEqual([])

    fs.writeFileSync(file, ndjson(section, article('Second')))
    await waitFor(() => reloads.length === 1, 'the reload')
    expect(messages(info)).toHaveLength(1)
  })
  it("does not take the server's own write for an edit before it adopts it, and still follows edits after", async () => {
    const watched = start(ndjson(section, article('First')))
    // The store's write: a temporary with its stamp announced, renamed over the dataset.
    const temporary = path.join(dir, 'dataset.ndjson.own.tmp')
    fs.writeFileSync(temporary, ndjson(section, article('Own write')))
    watched.expectOwnWrite(fs.statSync(temporary))
    const stat = jest.spyOn(fs.promises, 'stat')
    const open = jest.spyOn(fs.promises, 'open')
    fs.renameSync(temporary, file)
    await waitFor(() => stat.mock.calls.some(([checked]) => checked === file), 'the watcher to look at the renamed file')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(open).not.toHaveBeenCalled()
    expect(reloads).toEqual([])

    saveByRename(ndjson(section, article('By hand')))
    await waitFor(() => reloads.length === 1, 'the reload')
    expect(await headlineOf(reloads[0])).toBe('By hand')
  })
})
