// The benchmark's production build (its own dist dir, never .next) and `next start` on a copy of it.
import fs from 'node:fs'
import path from 'node:path'
import { assertPortFree, runGroup, startGroup, tail, waitForHttp } from './processes.mjs'

export const ROOT = path.resolve(import.meta.dirname, '..')
export const DATA_DIR = path.join(ROOT, 'bench', '.data')
const BUILD_DIR = '.next-bench'
const NEXT_BIN = path.join(ROOT, 'node_modules', '.bin', 'next')
// `npm start`: next start with the memory limits the site runs with (README, "Memory").
const START = path.join(ROOT, 'scripts', 'start.sh')

/** The environment of the builds and servers: the embedded dataset unless `dataset` names another. */
function nextEnv(distDir, dataset) {
  const env = { ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' }
  delete env.LOCAL_DATASET
  return dataset ? { ...env, LOCAL_DATASET: dataset } : env
}

/** `next build` adds the dist dir's type folders to tsconfig.json; the benchmark's build must not change the repository. */
function dropBuildTypesFromTsconfig() {
  const file = path.join(ROOT, 'tsconfig.json')
  const config = JSON.parse(fs.readFileSync(file, 'utf8'))
  const include = config.include.filter((entry) => !entry.startsWith(`${BUILD_DIR}/`))
  if (include.length === config.include.length) return
  fs.writeFileSync(file, JSON.stringify({ ...config, include }, null, 2) + '\n')
}

/** Builds into .next-bench, or with `reuse` takes the build already there. */
export async function ensureBuild({ reuse }) {
  const buildId = path.join(ROOT, BUILD_DIR, 'BUILD_ID')
  if (reuse) {
    if (!fs.existsSync(buildId)) throw new Error(`--skip-build: no build in ${BUILD_DIR}/; run once without --skip-build`)
    const age = Math.round((Date.now() - fs.statSync(buildId).mtimeMs) / 60_000)
    console.log(`Reusing the production build in ${BUILD_DIR}/ (made ${age} minutes ago; it does not include later source changes).`)
    return
  }
  const log = path.join(DATA_DIR, 'build.log')
  console.log(`Building into ${BUILD_DIR}/ (about 100 s on 2 cores; output in ${path.relative(ROOT, log)}) ...`)
  const started = Date.now()
  const { code, output } = await runGroup(NEXT_BIN, ['build'], { cwd: ROOT, env: nextEnv(BUILD_DIR) })
  fs.writeFileSync(log, output)
  dropBuildTypesFromTsconfig()
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${tail(log)}`)
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`)
}

/**
 * Starts `next start` on 127.0.0.1:`port` on a fresh copy of the build (without its build
 * cache), so that the pages one run renders and caches never reach another run.
 */
export async function startNext({ name, port, dataset, env = {} }) {
  await assertPortFree(port)
  const distDir = `${BUILD_DIR}-${name}`
  const copy = path.join(ROOT, distDir)
  fs.rmSync(copy, { recursive: true, force: true })
  const buildCache = path.join(ROOT, BUILD_DIR, 'cache')
  fs.cpSync(path.join(ROOT, BUILD_DIR), copy, { recursive: true, filter: (source) => !source.startsWith(buildCache) })

  const log = path.join(DATA_DIR, `next-${name}.log`)
  const server = startGroup(START, ['-p', String(port), '-H', '127.0.0.1'], { cwd: ROOT, env: { ...nextEnv(distDir, dataset), ...env }, log })
  const url = `http://127.0.0.1:${port}`
  try {
    // The robots route reads no content, so the dataset is not loaded before the caller measures.
    const readyMs = await waitForHttp(`${url}/robots.txt`, server, { log })
    return {
      url,
      pgid: server.pgid,
      log,
      readyMs,
      async stop() {
        await server.stop()
        fs.rmSync(copy, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await server.stop()
    fs.rmSync(copy, { recursive: true, force: true })
    throw error
  }
}
