// @ts-check
// Next's `cacheHandler` when REDIS_URL is not set as the server starts (next.config.js): Next's
// own cache on disk, with a heap copy of the hottest entries, that stores nothing for an address
// that names nothing (known-addresses.mjs) and serves no page cached from another version of the
// embedded dataset than the one on disk as the server started (dataset-version.mjs). Next has no public export of its file-system cache;
// the path is pinned by the exact version of next in package.json, and
// tests/unit/known-addresses.test.ts fails if it moves.
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import path from 'node:path'
import { pagesStaleBefore } from './dataset-version.mjs'
import { storingKnownAddressesOnly } from './known-addresses.mjs'

// Node's import of a CommonJS module gives its module.exports; Jest's compiler honours __esModule and gives its default.
const imported = /** @type {any} */ (fileSystemCache)
const FileSystemCache = /** @type {typeof fileSystemCache} */ ('default' in imported ? imported.default : imported)

/** Per process: Next makes a handler per request, and the dataset is compared once, as the server starts. */
let staleBefore = /** @type {number | undefined} */ (undefined)

/**
 * An entry's time is its file's, which Linux stamps from a clock a few milliseconds behind
 * Date.now(): a page stored just after the start must not read as older than it.
 */
const FILE_CLOCK_SLACK_MS = 20

/**
 * An entry stored before the marker's time is from another version of the dataset: answered as
 * missing, so Next renders it again and stores the new one in its place.
 *
 * @template {new (...args: any[]) => { get(key: string, ctx: any): Promise<any> }} Base
 * @param {Base} Base
 */
export function servingCurrentDatasetOnly(Base) {
  return class extends Base {
    /** @param {any[]} args */
    constructor(...args) {
      super(...args)
      staleBefore ??= pagesStaleBefore({ distDir: path.dirname(args[0].serverDistDir) })
    }
    /** @param {string} key @param {any} ctx */
    async get(key, ctx) {
      const entry = await super.get(key, ctx)
      return entry && typeof entry.lastModified === 'number' && entry.lastModified < /** @type {number} */ (staleBefore) - FILE_CLOCK_SLACK_MS ? null : entry
    }
  }
}

export default storingKnownAddressesOnly(servingCurrentDatasetOnly(FileSystemCache))
