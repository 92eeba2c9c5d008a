import path from 'node:path'

/**
 * The embedded dataset the site reads when LOCAL_DATASET is unset, relative to the project:
 * read by lib/env.ts for the server and by scripts/server-memory.mjs before it starts.
 */
export const DEFAULT_LOCAL_DATASET = path.join('sanity', 'demo', 'dataset.ndjson')
