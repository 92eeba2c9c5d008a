import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { contentSource, localDataset, watchLocalDataset } from '@/lib/content/sources'
import { expireAfterResponseIfReplaced, expireCachedPagesAfterReload } from '@/lib/revalidate/local-publish'
import { TokenIndexBuilder } from '@/lib/content/sources/match-index'

/**
 * The served source follows the watched file: after a save, the next query answers from the
 * new version (through a new source, so nothing memoised from the old one is served), the
 * images come from it, and Next's cached pages are expired.
 */

jest.mock('@/lib/revalidate/local-publish', () => ({ expireCachedPagesAfterReload: jest.fn(), expireAfterResponseIfReplaced: jest.fn() }))

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dataset-watch-source-'))
const file = path.join(dir, 'dataset.ndjson')
const IMAGE = 'image@file://./images/ab12-600x400.png'
const article = (headline: string, image?: string) =>
  JSON.stringify({ _id: 'article-a', _type: 'article', headline, ...(image ? { hero: { _type: 'image', _sanityAsset: image } } : {}) }) + '\n'
const headline = () => contentSource().fetch('*[_id == "article-a"][0].headline', {}, { perspective: 'published', tags: [] })

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const saved = { ...process.env }
beforeEach(() => {
  jest.spyOn(console, 'log').mockImplementation(() => {})
  fs.writeFileSync(file, article('First'))
  process.env.LOCAL_DATASET = file
})
afterEach(() => {
  process.env = { ...saved }
  jest.restoreAllMocks()
})
afterAll(() => {
  watchLocalDataset()?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

it('does not watch with LOCAL_DATASET_WATCH=false', () => {
  process.env.LOCAL_DATASET_WATCH = 'false'
  expect(watchLocalDataset()).toBeUndefined()
})

it('serves a saved version from the next query on, and expires the cached pages', async () => {
  watchLocalDataset()
  const beforeRead = performance.now()
  expect(await headline()).toBe('First')
  expect(localDataset()?.assets.size).toBe(0)

  const temporary = path.join(dir, 'dataset.ndjson.tmp')
  fs.writeFileSync(temporary, article('Second', IMAGE))
  fs.renameSync(temporary, file)
  await waitFor(async () => (await headline()) === 'Second', 'the new headline')
  expect(localDataset()?.assets.get('image-ab12-600x400-png')?.filePath).toBe(path.join(dir, 'images', 'ab12-600x400.png'))
  expect(expireCachedPagesAfterReload).toHaveBeenCalledTimes(1)
  // With when the previous version was last read, for the renders that may still be using it.
  expect(jest.mocked(expireCachedPagesAfterReload).mock.calls[0][0]).toBeGreaterThanOrEqual(beforeRead)
})

it('asks, for each read, that the pages be expired again once the response is done if a newer version is served by then', async () => {
  watchLocalDataset()
  fs.writeFileSync(file, article('Fourth'))
  await waitFor(async () => (await headline()) === 'Fourth', 'the new headline')
  const replaced = jest.mocked(expireAfterResponseIfReplaced).mock.calls.at(-1)![0]
  expect(replaced()).toBe(false)
  fs.writeFileSync(file, article('Fifth'))
  await waitFor(async () => (await headline()) === 'Fifth', 'the next headline')
  // The read of "Fourth" was of a version no longer served: its page must not stay.
  expect(replaced()).toBe(true)
  expect(jest.mocked(expireAfterResponseIfReplaced).mock.calls.at(-1)![0]()).toBe(false)
})

it('builds the search indexes of a served version in the background, before any search', async () => {
  const build = jest.spyOn(TokenIndexBuilder.prototype, 'build')
  watchLocalDataset()
  fs.writeFileSync(file, article('Third'))
  await waitFor(async () => (await headline()) === 'Third', 'the new headline')
  // The search's texts (all its fields together, then each weighted alone), with no search asked.
  await waitFor(() => build.mock.calls.length === 5, 'the search indexes', 15_000)
})
