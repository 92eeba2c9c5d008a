import fs from 'node:fs'
import path from 'node:path'
import { log } from '@/lib/log'
import { DatasetError, layoutOf, parseDatasetFile, readDatasetAtStart, sameStamp, type LocalDataset, type ParsedDatasetFile } from './ndjson'

/**
 * Quiet time after the last file event before the file is read: one save is often several
 * events (truncate then write, or write a temporary file and rename it over the dataset).
 */
const SETTLE_MS = 30
/**
 * Polling besides fs.watch, for file systems that report no events (network mounts, some
 * container volumes). It only stats the file, and stays well inside the one second an edit
 * may take to go live.
 */
const POLL_MS = 500

export type WatchedDataset = {
  /** The version read at start, leniently as without watching (readDatasetAtStart): a bad line is skipped with a warning. */
  initial: ParsedDatasetFile
  /**
   * The version the server itself has just written (the local store, local-store.ts): it is
   * the one served from now on, so the watcher does not hand it back as an edit.
   */
  adopt(parsed: ParsedDatasetFile): void
  /**
   * The stamp of a file the server is about to rename over the dataset: from the rename until
   * `adopt`, a check that finds it must not take the server's own write for an edit (and hand
   * back, as an edit, a version older than what has been acknowledged since).
   */
  expectOwnWrite(stamp: fs.Stats): void
  close(): void
}

/**
 * Reads LOCAL_DATASET and keeps watching it: each saved version that parses strictly is
 * handed to `onReload`. A version with a line that is not a JSON document (a half-written
 * file, a broken line, garbage) is refused with a warning naming the file and the lines, and
 * the last good version stays. Content identical to the served version is not reloaded, and
 * only the lines that changed are parsed again.
 *
 * It watches the directory, not the file: a save that writes a temporary file and renames
 * it over the dataset replaces the file's inode, and a watch on the file would stay on the
 * old one. Nothing here keeps the process alive (`persistent: false`, unref'd timer).
 */
export function watchDatasetFile(
  datasetPath: string,
  onReload: (parsed: ParsedDatasetFile, previous: ParsedDatasetFile) => void,
  initial?: ParsedDatasetFile,
): WatchedDataset {
  const directory = path.dirname(datasetPath)
  const fileName = path.basename(datasetPath)
  let timer: NodeJS.Timeout | undefined
  let checking = false
  let checkAgain = false
  let lastSeen: fs.Stats | undefined
  /** The last refusal, so that a version broken in the same way is reported once. */
  let lastRefusal: string | undefined
  /** The stamp of the server's own write between its rename and `adopt`. */
  let ownWrite: fs.Stats | undefined

  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(runCheck, SETTLE_MS).unref()
  }
  const onPoll = (current: fs.Stats) => {
    if (!lastSeen || !sameStamp(current, lastSeen)) schedule()
  }

  // Watch first, then read: a save made while the first version is being read is not missed.
  const directoryWatcher = watchDirectory(directory, (name) => {
    if (!name || name === fileName) schedule()
  })
  fs.watchFile(datasetPath, { interval: POLL_MS, persistent: false }, onPoll)
  const close = () => {
    clearTimeout(timer)
    directoryWatcher?.close()
    fs.unwatchFile(datasetPath, onPoll)
  }

  let served: ParsedDatasetFile
  try {
    served = initial ?? readDatasetAtStart(datasetPath)
  } catch (error) {
    close()
    throw error
  }

  function refuse(reason: string) {
    if (reason === lastRefusal) return
    lastRefusal = reason
    log.warn(`LOCAL_DATASET ${datasetPath} ${reason}: keeping the last good version (${describe(served.dataset)})`)
  }

  async function check() {
    const started = performance.now()
    let read: { bytes: Buffer; stats: fs.Stats }
    try {
      // The version served, still on disk, or the store's own write: nothing to read.
      const current = await fs.promises.stat(datasetPath)
      if ([served.stamp, ownWrite].some((stamp) => stamp && sameStamp(current, stamp))) {
        lastSeen = current
        return
      }
      read = await readWhole(datasetPath)
      lastSeen = await fs.promises.stat(datasetPath)
    } catch (error) {
      // Missing for a moment (deleted, then written again) or unreadable: the next event retries.
      const code = (error as NodeJS.ErrnoException).code ?? String(error)
      return refuse(`cannot be read (${code})`)
    }
    // Still being written, or replaced since it was opened: read it again once it settles.
    if (!sameStamp(read.stats, lastSeen)) return schedule()

    const { bytes, stats } = read
    const layout = layoutOf(bytes)
    if (layout.digest === served.digest) {
      served = { ...served, stamp: stats }
      return
    }
    let parsed: ParsedDatasetFile
    try {
      parsed = parseDatasetFile(bytes, directory, { strict: true, previous: served, layout, stamp: stats })
    } catch (error) {
      if (!(error instanceof DatasetError)) throw error
      return refuse(error.message)
    }
    onReload(parsed, served)
    served = parsed
    lastRefusal = undefined
    log.info(`Reloaded LOCAL_DATASET ${datasetPath}: ${describe(parsed.dataset)} (${Math.round(performance.now() - started)} ms)`)
  }

  async function runCheck() {
    if (checking) {
      checkAgain = true
      return
    }
    checking = true
    try {
      await check()
    } catch (error) {
      log.error(`LOCAL_DATASET ${datasetPath}: reloading failed (${String(error)}); keeping the last good version.`)
    } finally {
      checking = false
      if (checkAgain) {
        checkAgain = false
        schedule()
      }
    }
  }

  return {
    initial: served,
    adopt(parsed) {
      served = parsed
      ownWrite = undefined
      lastRefusal = undefined
    },
    expectOwnWrite(stamp) {
      ownWrite = stamp
    },
    close,
  }
}

/** Events for the directory's entries; without them (no inotify watch left, say) polling still sees saves. */
function watchDirectory(directory: string, onEvent: (name: string | null) => void): fs.FSWatcher | undefined {
  const fallBack = (error: Error) => log.warn(`LOCAL_DATASET: cannot watch ${directory} (${error.message}); polling the file instead.`)
  try {
    return fs.watch(directory, { persistent: false }, (_event, name) => onEvent(name)).on('error', fallBack)
  } catch (error) {
    fallBack(error as Error)
    return undefined
  }
}

/**
 * The file in one read, with the stats of what was read (a rename over the path may come at
 * any moment). One read of the whole size: fs.promises.readFile reads 512 KB at a time, up to
 * three times slower on a 66 MB dataset here, and this stays off the event loop, unlike readFileSync.
 */
async function readWhole(file: string): Promise<{ bytes: Buffer; stats: fs.Stats }> {
  const handle = await fs.promises.open(file, 'r')
  try {
    const stats = await handle.stat()
    const bytes = Buffer.allocUnsafe(stats.size)
    const { bytesRead } = await handle.read(bytes, 0, stats.size, 0)
    return { bytes: bytes.subarray(0, bytesRead), stats }
  } finally {
    await handle.close()
  }
}

/** A version, for the log: the file's documents, and the image assets added for the images they reference. */
const describe = ({ documents, assets }: LocalDataset) => `${documents.length - assets.size} documents, ${assets.size} images`
