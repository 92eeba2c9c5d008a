// Edit-to-live time in local mode: `next start` on a copy of the embedded dataset, timed by
// bench/edit-to-live.mjs, which edits the copy and waits for the page to show the edit.
// Skipped, with the reason, when that script is missing or does not work.
import fs from 'node:fs'
import path from 'node:path'
import { DATA_DIR, ROOT, startNext } from './next.mjs'
import { runGroup, tail } from './processes.mjs'

const SCRIPT = path.join(ROOT, 'bench', 'edit-to-live.mjs')
const RESULT = /edit-to-live: median ([\d.]+) ms, max ([\d.]+) ms \((\d+) edits\)/

/** A copy of the embedded dataset to edit, with its images beside it. */
function datasetCopy() {
  const dir = path.join(DATA_DIR, 'edit')
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  const demo = path.join(ROOT, 'sanity', 'demo')
  fs.copyFileSync(path.join(demo, 'dataset.ndjson'), path.join(dir, 'dataset.ndjson'))
  fs.symlinkSync(path.join(demo, 'images'), path.join(dir, 'images'))
  return path.join(dir, 'dataset.ndjson')
}

export async function benchEditToLive({ port, runs }) {
  console.log('\n== Edit-to-live (local mode)')
  if (!fs.existsSync(SCRIPT)) return skipped('bench/edit-to-live.mjs is not there yet')
  const dataset = datasetCopy()
  const next = await startNext({ name: 'edit', port, dataset })
  try {
    const { code, output } = await runGroup(process.execPath, [SCRIPT, '--url', next.url, '--dataset', dataset, '--runs', String(runs)], {
      cwd: ROOT,
      env: process.env,
      echo: true,
      timeoutMs: 180_000,
    })
    const match = RESULT.exec(output)
    if (code !== 0 || !match) {
      return skipped(
        `bench/edit-to-live.mjs ${code === 0 ? 'printed no result line' : `failed (exit ${code})`}:\n${output.trim().split('\n').slice(-8).join('\n')}\n--- server log ---\n${tail(next.log, 8)}`,
      )
    }
    return { median: Number(match[1]), max: Number(match[2]), edits: Number(match[3]) }
  } finally {
    await next.stop()
  }
}

function skipped(reason) {
  console.log(`edit-to-live skipped: ${reason}`)
  return { skipped: reason.split('\n')[0] }
}
