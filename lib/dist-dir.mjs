// @ts-check
import path from 'node:path'

/** Next's dist dir, as next.config.js sets it (NEXT_DIST_DIR, else .next), from the working directory. */
export const distDir = (/** @type {Record<string, string | undefined>} */ env = process.env) =>
  path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.NEXT_DIST_DIR || '.next')
