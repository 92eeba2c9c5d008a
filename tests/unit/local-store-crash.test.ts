import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LocalStore } from '@/lib/content/sources/local-store'
import { parseDatasetFile, readDatasetFile } from '@/lib/content/sources/ndjson'

/**
 * Kill -9 in the middle of a burst of commits (journal appends and dataset rewrites both under
 * way), then start again: every acknowledged change is there, and the dataset file still loads
 * line by line, with no half-written line.
 */
jest.setTimeout(60_000)

const ROOT = path.resolve(__dirname, '..', '..')

it('loses no acknowledged transaction to a kill -9', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-store-crash-'))
  const file = path.join(dir, 'dataset.ndjson')
  fs.writeFileSync(file, JSON.stringify({ _id: 'section-a', _type: 'section', title: 'World' }) + '\n')

  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(__dirname, 'support', 'commit-burst.ts'), file], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const acknowledged = new Map<string, number>()
  let output = ''
  let firstAck = 0
  await new Promise<void>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const lines = output.split('\n')
      output = lines.pop()!
      for (const line of lines) {
        const [, id, n] = line.split(' ')
        acknowledged.set(id, Number(n))
      }
      firstAck ||= Date.now()
      // Past the first rewrites of the file (the first at most 2 s after the first commit).
      if (Date.now() - firstAck > 3500) {
        child.kill('SIGKILL')
        resolve()
      }
    })
  })
  await new Promise((resolve) => child.once('exit', resolve))
  child.stdout!.destroy()
  expect(fs.existsSync(`${file}.journal`)).toBe(true)

  const restarted = new LocalStore(file, { onVersion: () => {} })
  expect(acknowledged.size).toBe(20)
  for (const [id, n] of acknowledged) expect(Number(String(restarted.get(id)?.headline).slice('Burst '.length))).toBeGreaterThanOrEqual(n)
  // The file itself: every line a document (a strict read refuses any bad line).
  expect(() => parseDatasetFile(readDatasetFile(file), dir, { strict: true })).not.toThrow()
})
