#!/usr/bin/env node
/**
 * The Node options `npm start` runs `next start` with (scripts/start.sh; README, "Memory").
 *
 * V8 sizes its heap from the machine, not from what the server holds: on a 24 GB machine it
 * lets the heap grow towards 4 GB before collecting hard, and a server loaded with pages to
 * render sat at about 790 MB with 10,000 articles, most of it garbage. A limit sized to the
 * data makes it collect sooner:
 * - the old generation: a base for Next, React and rendering pages, plus the embedded
 *   dataset's size on disk (parsed, with bodies packed, it takes about as much heap and
 *   buffer memory as the file);
 * - the young generation: 8 MB semi-spaces rather than 16, more frequent and shorter scavenges.
 * Options already in NODE_OPTIONS win: a `--max-old-space-size` there is kept as it is.
 *
 * Prints the options to add, for the shell script to export. Reads the same .env files as Next.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import nextEnv from '@next/env'
import { DEFAULT_LOCAL_DATASET } from '../lib/default-dataset.mjs'

/** Heap for Next, React and the pages being rendered, with no dataset (MB). */
export const BASE_HEAP_MB = 192
export const SEMI_SPACE_MB = 8

/**
 * The size in bytes of the embedded dataset lib/env.ts would read, or 0 when the file is
 * missing (the server then says why). On Sanity, LOCAL_DATASET is unset: the demo's small file.
 */
export function datasetBytes(env, cwd) {
  try {
    return fs.statSync(path.resolve(cwd, env.LOCAL_DATASET || DEFAULT_LOCAL_DATASET)).size
  } catch {
    return 0
  }
}

/** The options to add to NODE_OPTIONS (space-separated), or '' when it already sets the heap. */
export function serverNodeOptions(env, cwd) {
  const current = env.NODE_OPTIONS ?? ''
  if (/--max-old-space-size\b/.test(current)) return ''
  const heapMb = BASE_HEAP_MB + Math.ceil(datasetBytes(env, cwd) / 2 ** 20)
  const young = /--max-semi-space-size\b/.test(current) ? [] : [`--max-semi-space-size=${SEMI_SPACE_MB}`]
  return [`--max-old-space-size=${heapMb}`, ...young].join(' ')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const cwd = process.cwd()
  nextEnv.loadEnvConfig(cwd, false, { info: () => {}, error: console.error })
  process.stdout.write(serverNodeOptions(process.env, cwd))
}
