// @ts-check
// Next's `cacheHandler` when REDIS_URL is not set as the server starts (next.config.js): Next's
// own cache on disk, with a heap copy of the hottest entries, that stores nothing for an address
// that names nothing (known-addresses.mjs). Next has no public export of its file-system cache;
// the path is pinned by the exact version of next in package.json, and
// tests/unit/known-addresses.test.ts fails if it moves.
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import { storingKnownAddressesOnly } from './known-addresses.mjs'

// Node's import of a CommonJS module gives its module.exports; Jest's compiler honours __esModule and gives its default.
const imported = /** @type {any} */ (fileSystemCache)
const FileSystemCache = /** @type {typeof fileSystemCache} */ ('default' in imported ? imported.default : imported)

export default storingKnownAddressesOnly(FileSystemCache)
