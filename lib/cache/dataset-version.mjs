// @ts-check
// Plain JavaScript: read by next.config.js at build, by the disk cache handler as the server
// starts, and by the embedded dataset's source when what it serves changes.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { DEFAULT_LOCAL_DATASET } from '../default-dataset.mjs'
import { distDir as currentDistDir } from '../dist-dir.mjs'

/**
 * Which version of the embedded dataset the pages in Next's cache on disk were rendered from.
 * Next keeps the pages it renders in `<distDir>/server/app` and serves them after a restart,
 * whatever the dataset says by then; its record of what was expired is in memory and dies with
 * the process. So a marker beside the cache, `<distDir>/cache/dataset-version.json`, says what
 * the cached pages show:
 * - `next build` writes the fingerprint of the dataset it prerendered (next.config.js);
 * - the running server writes `null` (unknown) the moment its published content changes, before
 *   any page of the new version is rendered (lib/content/sources/index.ts);
 * - a starting server compares it with the fingerprint of the dataset on disk now: when they
 *   differ (or it is unknown), every page cached before this start is stale, and the marker says
 *   so from now on (`since`); the disk cache handler drops such a page when it reads it, so each
 *   is rendered again, once, from what is served now.
 * The fingerprint is the SHA-1 of the file's bytes and of its journal's (the editors' saves),
 * which together decide what a start serves. A draft saved by an editor changes it too, which
 * costs one render per page after the next restart, never a stale page.
 */
const MARKER = 'dataset-version.json'

/** @typedef {Record<string, string | undefined>} Env */

/** The dataset file the site serves, or undefined when it reads a Sanity project (as lib/env.ts decides). */
export function servedDatasetPath(/** @type {Env} */ env = process.env) {
  if (env.NEXT_PUBLIC_SANITY_PROJECT_ID && env.NEXT_PUBLIC_SANITY_DATASET) return undefined
  return path.resolve(process.cwd(), env.LOCAL_DATASET ?? DEFAULT_LOCAL_DATASET)
}

/** SHA-1 of the dataset file and of its journal (`<file>.journal`, when there is one). */
export function datasetFingerprint(/** @type {string} */ datasetPath) {
  const hash = crypto.createHash('sha1')
  for (const file of [datasetPath, `${datasetPath}.journal`]) {
    hash.update(file === datasetPath ? 'dataset\n' : '\njournal\n')
    try {
      hash.update(fs.readFileSync(file))
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error
    }
  }
  return hash.digest('base64url')
}

const markerFile = (/** @type {string} */ distDir) => path.join(distDir, 'cache', MARKER)

/**
 * @typedef {{ fingerprint: string | null, since: number }} Marker
 * The pages cached from `since` on (milliseconds) show the dataset of `fingerprint`; null: unknown.
 */

/** @returns {Marker | undefined} */
function readMarker(/** @type {string} */ distDir) {
  try {
    const { fingerprint, since } = JSON.parse(fs.readFileSync(markerFile(distDir), 'utf8'))
    if (!Number.isFinite(since)) return undefined
    return { fingerprint: typeof fingerprint === 'string' ? fingerprint : null, since }
  } catch {
    return undefined
  }
}

/** Written to a temporary file and renamed, so a crash leaves the old marker or the new one. */
export function writeMarker(/** @type {string} */ distDir, /** @type {Marker} */ marker) {
  const file = markerFile(distDir)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temporary, JSON.stringify(marker) + '\n')
  fs.renameSync(temporary, file)
}

/**
 * As the server starts: the time before which cached pages are stale (0: none are), with the
 * marker brought up to date. A Sanity project's pages follow the Content Lake by their tags and
 * revalidation times, so nothing is stale there.
 */
export function pagesStaleBefore(/** @type {{ distDir: string, now?: number, env?: Env }} */ { distDir, now = Date.now(), env = process.env }) {
  const datasetPath = servedDatasetPath(env)
  if (!datasetPath) return 0
  let current
  try {
    current = datasetFingerprint(datasetPath)
  } catch {
    // An unreadable dataset stops the start elsewhere (lib/startup.ts); nothing cached can be trusted meanwhile.
    return now
  }
  const marker = readMarker(distDir)
  if (marker?.fingerprint === current) return marker.since
  writeMarker(distDir, { fingerprint: current, since: now })
  return now
}

/** At `next build`: the pages it prerenders show the dataset on disk now. */
export function recordBuildDataset(/** @type {Env} */ env = process.env) {
  const datasetPath = servedDatasetPath(env)
  if (datasetPath) writeMarker(currentDistDir(env), { fingerprint: datasetFingerprint(datasetPath), since: 0 })
}

/** In the running server, the moment what it publishes changes: what the cached pages show is no longer known. */
export function recordPublishedChange(now = Date.now()) {
  writeMarker(currentDistDir(), { fingerprint: null, since: now })
}
