import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LocalStore } from '@/lib/content/sources/local-store'
import { watchDatasetFile, type WatchedDataset } from '@/lib/content/sources/watch'

/**
 * The store and the watcher on one file, wired as the server wires them (sources/index.ts):
 * the store's own rewrite of the file is never taken in as a hand edit, even when the watcher
 * reads it before the store has adopted it, so a change acknowledged meanwhile survives.
 */

let dir: string
let watched: WatchedDataset | undefined

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-store-watch-'))
  jest.spyOn(console, 'log').mockImplementation(() => {})
})

afterEach(() => {
  watched?.close()
  jest.restoreAllMocks()
  fs.rmSync(dir, { recursive: true, force: true })
})

it('keeps a change acknowledged while its own rewrite of the file was being renamed into place', async () => {
  const file = path.join(dir, 'dataset.ndjson')
  fs.writeFileSync(file, JSON.stringify({ _id: 'article-a', _type: 'article', headline: 'From the file' }) + '\n')
  const store = new LocalStore(file, { onVersion: () => {} })
  watched = watchDatasetFile(file, (parsed) => void store.absorb(parsed), store.fileVersion)
  store.setWatcher(watched)
  const headline = () => store.get('article-a')?.headline

  await store.commit('editor', (draft) => draft.put({ _id: 'article-a', _type: 'article', headline: 'First publish' }))
  // Hold the rewrite between its rename and flushing the folder, until the watcher has looked at the file.
  let renamed!: () => void
  const heldAfterRename = new Promise<void>((resolve) => (renamed = resolve))
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const open = fs.promises.open
  const stat = jest.spyOn(fs.promises, 'stat')
  jest.spyOn(fs.promises, 'open').mockImplementation(async (target, ...rest) => {
    if (target === dir) {
      renamed()
      await released
    }
    return open(target, ...rest)
  })
  const writing = store.flush()
  await heldAfterRename
  await store.commit('editor', (draft) => draft.put({ _id: 'article-a', _type: 'article', headline: 'Second publish' }))
  const looked = stat.mock.calls.length
  while (stat.mock.calls.slice(looked).every(([checked]) => checked !== file)) await new Promise((resolve) => setTimeout(resolve, 20))
  await new Promise((resolve) => setTimeout(resolve, 300))
  release()
  await writing
  await store.flush()

  expect(headline()).toBe('Second publish')
  const restarted = new LocalStore(file, { onVersion: () => {} })
  expect(restarted.get('article-a')?.headline).toBe('Second publish')
})

it('does not apply a hand edit again at the next start, over a file changed while the server was down', async () => {
  const file = path.join(dir, 'dataset.ndjson')
  const line = (headline: string) => JSON.stringify({ _id: 'article-a', _type: 'article', headline }) + '\n'
  fs.writeFileSync(file, line('Original'))
  const store = new LocalStore(file, { onVersion: () => {} })
  watched = watchDatasetFile(file, (parsed) => void store.absorb(parsed), store.fileVersion)
  store.setWatcher(watched)
  fs.writeFileSync(file, line('Edited by hand'))
  for (let waited = 0; store.get('article-a')?.headline !== 'Edited by hand'; waited += 20) {
    if (waited > 5000) throw new Error('the hand edit was not taken in')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  await store.flush()
  watched.close()
  watched = undefined

  // Stopped; the file is put back as it was; started again.
  fs.writeFileSync(file, line('Original'))
  expect(new LocalStore(file, { onVersion: () => {} }).get('article-a')?.headline).toBe('Original')
})
