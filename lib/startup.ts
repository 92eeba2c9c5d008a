import fs from 'node:fs'
import { readConfig } from '@/lib/env'
import { DatasetError } from '@/lib/content/sources/ndjson'

/** Checks the configuration and, on the embedded dataset, that its file can be read. Throws a message for the operator. */
export function checkStartup(env: Record<string, string | undefined> = process.env) {
  const { source } = readConfig(env)
  if (source.mode !== 'local') return source
  try {
    fs.accessSync(source.datasetPath, fs.constants.R_OK)
    if (!fs.statSync(source.datasetPath).isFile()) throw new Error('not a file')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new DatasetError(`Cannot read the local dataset at ${source.datasetPath} (${reason}). Set LOCAL_DATASET to an NDJSON file in Sanity's export format.`)
  }
  return source
}

/**
 * For the server's start: checks the configuration, then runs `start`, which reads the embedded
 * dataset. A problem in either is printed for the operator and stops the process, rather than
 * serve errors or an empty site.
 */
export function stopOnBadStartup(start: () => void) {
  try {
    checkStartup()
    start()
  } catch (error) {
    console.error(`\n${(error as Error).message}\n`)
    process.exit(1)
  }
}
