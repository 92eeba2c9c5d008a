import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BASE_HEAP_MB, SEMI_SPACE_MB, serverNodeOptions } from '../../scripts/server-memory.mjs'

/** What `npm start` (scripts/start.sh) adds to NODE_OPTIONS for `next start`. */
describe('the server’s memory limits', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'server-memory-'))
    fs.writeFileSync(path.join(dir, 'big.ndjson'), Buffer.alloc(64 * 2 ** 20 + 1))
    fs.mkdirSync(path.join(dir, 'sanity', 'demo'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'sanity', 'demo', 'dataset.ndjson'), Buffer.alloc(3 * 2 ** 20))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('size the heap to the embedded dataset: a base plus the file’s size, rounded up to a MB', () => {
    expect(serverNodeOptions({ LOCAL_DATASET: 'big.ndjson' }, dir)).toBe(`--max-old-space-size=${BASE_HEAP_MB + 65} --max-semi-space-size=${SEMI_SPACE_MB}`)
  })

  it('count the demo dataset when LOCAL_DATASET is unset, as the site reads it then', () => {
    expect(serverNodeOptions({}, dir)).toBe(`--max-old-space-size=${BASE_HEAP_MB + 3} --max-semi-space-size=${SEMI_SPACE_MB}`)
  })

  it('give the base alone when the file is missing (the server then says why it cannot read it)', () => {
    expect(serverNodeOptions({ LOCAL_DATASET: 'nowhere.ndjson' }, dir)).toBe(`--max-old-space-size=${BASE_HEAP_MB} --max-semi-space-size=${SEMI_SPACE_MB}`)
  })

  it('leave a heap size already in NODE_OPTIONS, and a young generation size, as they are', () => {
    expect(serverNodeOptions({ NODE_OPTIONS: '--max-old-space-size=900', LOCAL_DATASET: 'big.ndjson' }, dir)).toBe('')
    expect(serverNodeOptions({ NODE_OPTIONS: '--max-semi-space-size=32' }, dir)).toBe(`--max-old-space-size=${BASE_HEAP_MB + 3}`)
  })
})
