import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { killGroup, portIsFree } from './global-setup'
import { DIST_DIR } from './server'

/**
 * A production server of a test file's own, on a copy of the demo dataset (the shared server
 * reads the demo dataset in place, which an editing test must not change): `next start` as
 * `npm start` runs it, on a free port, with the build of the suite mirrored so the pages it
 * regenerates stay out of the shared build.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..')
const HOST = '127.0.0.1'
export const DEMO_DATASET = path.join(ROOT, 'sanity', 'demo', 'dataset.ndjson')

export type OwnServer = {
  origin: string
  /** The copy of the dataset the server reads and writes. */
  dataset: string
  log: () => string
  stop: () => Promise<void>
  restart: (whileStopped?: () => void) => Promise<void>
}

/**
 * Next writes each page it regenerates into `<distDir>/server/app` and `server/route-cache`:
 * those folders are copied (about 40 MB), and everything else, which the server only reads, is
 * linked. A linked route cache would carry one run's published edits into the shared build.
 */
const WRITTEN = new Set(['app', 'route-cache'])
function mirrorBuild(from: string, to: string) {
  fs.rmSync(to, { recursive: true, force: true })
  fs.mkdirSync(path.join(to, 'server'), { recursive: true })
  fs.mkdirSync(path.join(to, 'cache'))
  const link = (dir: string, name: string) => fs.symlinkSync(path.join(from, dir, name), path.join(to, dir, name))
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.isFile()) fs.copyFileSync(path.join(from, entry.name), path.join(to, entry.name))
    else if (entry.name !== 'server' && entry.name !== 'cache') link('', entry.name)
  }
  // The version of the dataset the build's pages show (lib/cache/dataset-version.mjs): without it the server would render them all again.
  const marker = path.join(from, 'cache', 'dataset-version.json')
  if (fs.existsSync(marker)) fs.copyFileSync(marker, path.join(to, 'cache', 'dataset-version.json'))
  for (const name of fs.readdirSync(path.join(from, 'server'))) {
    if (WRITTEN.has(name)) fs.cpSync(path.join(from, 'server', name), path.join(to, 'server', name), { recursive: true })
    else link('server', name)
  }
}

export async function startOwnServer({
  name,
  ports,
  datasetText = fs.readFileSync(DEMO_DATASET, 'utf8'),
  copyImages = false,
  env: extraEnv = {},
  builtDir = DIST_DIR,
  prepare,
}: {
  /** Names the mirrored build (`.next-e2e-<name>`) and the temporary folder. */
  name: string
  ports: number[]
  datasetText?: string
  /** Copy the images instead of linking them, for a test that uploads into the dataset's images. */
  copyImages?: boolean
  env?: Record<string, string>
  builtDir?: string
  /** Runs on the mirrored build (its path) before the server starts: to age a page, say. */
  prepare?: (distDir: string) => void
}): Promise<OwnServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-e2e-`))
  const dataset = path.join(dir, 'dataset.ndjson')
  const serverLog = path.join(dir, 'server.log')
  const distDir = `.next-e2e-${name}`
  mirrorBuild(path.join(ROOT, builtDir), path.join(ROOT, distDir))
  prepare?.(path.join(ROOT, distDir))
  fs.writeFileSync(dataset, datasetText)
  const images = path.join(ROOT, 'sanity', 'demo', 'images')
  if (copyImages) fs.cpSync(images, path.join(dir, 'images'), { recursive: true })
  else fs.symlinkSync(images, path.join(dir, 'images'))

  let port: number | undefined
  for (const candidate of ports) {
    if (!(await portIsFree(candidate, HOST))) continue
    port = candidate
    break
  }
  if (port === undefined) throw new Error(`No free port among ${ports.join(', ')} on ${HOST}`)
  const origin = `http://${HOST}:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: '1',
    LOCAL_DATASET: dataset,
    ...extraEnv,
  }
  for (const variable of ['NEXT_PUBLIC_SANITY_PROJECT_ID', 'NEXT_PUBLIC_SANITY_DATASET', 'LOCAL_DATASET_WATCH', 'PORT'])
    if (!(variable in extraEnv)) delete env[variable]
  const log = () => (fs.existsSync(serverLog) ? fs.readFileSync(serverLog, 'utf8') : '')
  let pid = 0
  const kill = async () => {
    killGroup(pid, 'SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 500))
    killGroup(pid, 'SIGKILL')
  }
  const stop = async () => {
    await kill()
    fs.rmSync(dir, { recursive: true, force: true })
    fs.rmSync(path.join(ROOT, distDir), { recursive: true, force: true })
  }
  const launch = async () => {
    const out = fs.openSync(serverLog, 'a')
    const child = spawn(path.join(ROOT, 'scripts', 'start.sh'), ['-p', String(port), '-H', HOST], {
      cwd: ROOT,
      detached: true, // its own process group, killed whole by stop()
      stdio: ['ignore', out, out],
      env,
    })
    fs.closeSync(out)
    pid = child.pid!
    const started = Date.now()
    for (;;) {
      const status = await fetch(origin + '/', { cache: 'no-store' }).then(
        (response) => response.status,
        () => 0,
      )
      if (status === 200) break
      if (Date.now() - started > 60_000) {
        await stop()
        throw new Error(`${origin}/ did not answer within 60 s.\n--- server log ---\n${log().slice(-3000)}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  /** Stops the server, runs `whileStopped`, and starts it again on the same build, cache and dataset. */
  const restart = async (whileStopped: () => void = () => {}) => {
    await kill()
    whileStopped()
    await launch()
  }
  await launch()
  return { origin, dataset, log, stop, restart }
}
