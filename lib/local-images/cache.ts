import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { distDir } from '@/lib/dist-dir.mjs'

export type CacheLimits = { files: number; bytes: number }

/** Enough for every variant of a few thousand images, and a bound on the disk a crawler can fill. */
export const CACHE_LIMITS: CacheLimits = { files: 20_000, bytes: 512 * 1024 * 1024 }
/** A temporary file older than this was left by a process that stopped mid-write. */
const STALE_TEMP_MS = 60_000
const TEMP = /\.tmp$/

/** Next's dist dir keeps its caches in cache/; ours sits beside them. */
export const variantCacheDir = () => path.join(distDir(), 'cache', 'local-images')

/**
 * Rendered variants on disk, one file each, named by what they hold (variantName), so a file
 * never goes stale: the original's name is its content hash. The disk is the truth for reads,
 * so instances sharing the folder share hits; each keeps its own list of the files, oldest
 * first, to remove the oldest past the limits. Files are written whole or not at all (a
 * temporary file renamed), so a reader never sees half a picture.
 */
export class VariantCache {
  private index?: Promise<Map<string, number>>
  private bytes = 0
  private warned = false

  constructor(
    readonly dir: string,
    readonly limits: CacheLimits = CACHE_LIMITS,
  ) {}

  async get(name: string): Promise<Buffer | undefined> {
    let body: Buffer
    try {
      body = await fs.readFile(path.join(this.dir, name))
    } catch {
      return undefined
    }
    const index = await this.load()
    // Recently used: last to go.
    this.forget(index, name)
    this.remember(index, name, body.length)
    return body
  }

  /** Keeps a variant; a cache that cannot be written is logged once and otherwise ignored. */
  async put(name: string, body: Buffer): Promise<void> {
    const index = await this.load()
    const file = path.join(this.dir, name)
    const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
    try {
      await fs.writeFile(temp, body)
      await fs.rename(temp, file)
    } catch (error) {
      await fs.rm(temp, { force: true }).catch(() => {})
      this.warn(error)
      return
    }
    this.forget(index, name)
    this.remember(index, name, body.length)
    await this.evict(index)
  }

  private load() {
    return (this.index ??= this.scan())
  }

  /** The files already there (from an earlier run or another instance), oldest first. */
  private async scan(): Promise<Map<string, number>> {
    const index = new Map<string, number>()
    try {
      await fs.mkdir(this.dir, { recursive: true })
      const found: { name: string; size: number; mtime: number }[] = []
      for (const name of await fs.readdir(this.dir)) {
        const stat = await fs.stat(path.join(this.dir, name)).catch(() => undefined)
        if (!stat?.isFile()) continue
        if (TEMP.test(name)) {
          if (Date.now() - stat.mtimeMs > STALE_TEMP_MS) await fs.rm(path.join(this.dir, name), { force: true })
          continue
        }
        found.push({ name, size: stat.size, mtime: stat.mtimeMs })
      }
      for (const { name, size } of found.sort((a, b) => a.mtime - b.mtime)) this.remember(index, name, size)
    } catch (error) {
      this.warn(error)
    }
    await this.evict(index)
    return index
  }

  private remember(index: Map<string, number>, name: string, size: number) {
    index.set(name, size)
    this.bytes += size
  }

  private forget(index: Map<string, number>, name: string) {
    this.bytes -= index.get(name) ?? 0
    index.delete(name)
  }

  private async evict(index: Map<string, number>) {
    while (index.size > this.limits.files || (this.bytes > this.limits.bytes && index.size > 0)) {
      const oldest = index.keys().next().value as string
      this.forget(index, oldest)
      await fs.rm(path.join(this.dir, oldest), { force: true }).catch(() => {})
    }
  }

  private warn(error: unknown) {
    if (this.warned) return
    this.warned = true
    console.warn(`[images] cannot keep rendered images in ${this.dir} (${(error as NodeJS.ErrnoException).code ?? String(error)}); each is rendered again`)
  }
}
