#!/usr/bin/env node
/**
 * Edit-to-live on the embedded dataset: against a running server that watches LOCAL_DATASET,
 * edits an article's headline in the dataset file (a temporary file renamed over it, as
 * editors save) and times how long until the article's page shows it; median over the runs.
 *   node bench/edit-to-live.mjs --url http://127.0.0.1:3000 --dataset path/to/dataset.ndjson [--runs 5] [--slug <article>]
 * Prints `edit-to-live: median X ms, max Y ms (N edits)`. Puts the file back as it found it.
 * Exits 1 only when an edit never shows (30 s), or on bad arguments.
 */
import fs from 'node:fs'
import path from 'node:path'
import { optionValue } from '../scripts/cli-options.mjs'

const SHOW_TIMEOUT_MS = 30_000
/** Often enough to see the edit within a few ms, seldom enough not to load the server much. */
const POLL_MS = 25
/**
 * Between edits: a reload expires the pages a second time when the previous version was read
 * in the 3 s before it (lib/revalidate/local-publish.ts); each edit here stands alone.
 */
const PAUSE_MS = 4000

function options(argv) {
  const value = (name, fallback) => optionValue(argv, name, fallback)
  const url = value('url')
  const dataset = value('dataset')
  const runs = Number(value('runs', '5'))
  if (!url || !dataset || !Number.isInteger(runs) || runs < 1) {
    throw new Error('usage: node bench/edit-to-live.mjs --url <site> --dataset <file.ndjson> [--runs 5] [--slug <article>]')
  }
  return { url: url.replace(/\/+$/, ''), dataset: path.resolve(dataset), runs, slug: value('slug') }
}

/** The line of the published article to edit: the one named, else the first in the file. */
function findArticle(lines, slug) {
  const index = lines.findIndex((line) => {
    if (!line.includes('"article"')) return false
    const doc = JSON.parse(line)
    return doc._type === 'article' && !doc._id.startsWith('drafts.') && doc.slug?.current && (!slug || doc.slug.current === slug)
  })
  if (index < 0) throw new Error(slug ? `No published article with the slug ${slug}` : 'No published article in the dataset')
  return { index, doc: JSON.parse(lines[index]) }
}

/** Saves as editors and tools do: a temporary file beside the dataset, renamed over it. */
function saveAtomically(file, text) {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`)
  fs.writeFileSync(temporary, text)
  fs.renameSync(temporary, file)
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Whether the page answers 200 with the text; a failed request (the server busy reloading) counts as not yet. */
async function pageShows(pageUrl, text) {
  try {
    const response = await fetch(pageUrl, { cache: 'no-store' })
    return response.status === 200 && (await response.text()).includes(text)
  } catch {
    return false
  }
}

async function waitUntilShown(pageUrl, text) {
  const started = performance.now()
  while (!(await pageShows(pageUrl, text))) {
    if (performance.now() - started > SHOW_TIMEOUT_MS) throw new Error(`${pageUrl} did not show "${text}" within ${SHOW_TIMEOUT_MS / 1000} s`)
    await sleep(POLL_MS)
  }
  return performance.now() - started
}

async function main() {
  const { url, dataset, runs, slug } = options(process.argv.slice(2))
  const original = fs.readFileSync(dataset, 'utf8')
  const lines = original.split('\n')
  const { index, doc } = findArticle(lines, slug)
  const pageUrl = `${url}/articles/${doc.slug.current}`
  // Cached before the first edit, as a published page is.
  if (!(await pageShows(pageUrl, ''))) throw new Error(`${pageUrl} does not answer 200`)
  console.log(`edit-to-live: ${runs} edits of ${pageUrl} (${(original.length / 1e6).toFixed(1)} MB dataset)`)

  const times = []
  try {
    for (let run = 1; run <= runs; run++) {
      // Letters and digits only, so the page shows it exactly as written (no HTML escaping).
      const marker = `Edit ${run} ${Date.now().toString(36)}`
      lines[index] = JSON.stringify({ ...doc, headline: `${marker} ${doc.headline}` })
      saveAtomically(dataset, lines.join('\n'))
      const ms = await waitUntilShown(pageUrl, marker)
      times.push(ms)
      console.log(`  edit ${run}: ${ms.toFixed(0)} ms`)
      await sleep(PAUSE_MS)
    }
  } finally {
    saveAtomically(dataset, original)
  }
  const sorted = [...times].sort((a, b) => a - b)
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2
  console.log(`edit-to-live: median ${median.toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms (${times.length} edits)`)
}

main().catch((error) => {
  console.error(`edit-to-live: ${error.message}`)
  process.exit(1)
})
