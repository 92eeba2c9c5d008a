// Starts `next start` on the build in .next-e2e, in its own process group, and waits for it.
import { spawn, type ChildProcess } from 'node:child_process'
import CANARY_SECRETS from '../canary.json'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { DIST_DIR, E2E_HOST, E2E_PORT } from './server'

const ROOT = path.resolve(__dirname, '..', '..', '..')
export const ARTIFACTS = path.join(ROOT, 'tests', 'e2e', '.artifacts')
export const PID_FILE = path.join(ARTIFACTS, 'server.pid')
const STARTUP_TIMEOUT_MS = 60_000

declare global {
  // Read back by global-teardown.ts (same process).
  var __E2E_SERVER__: ChildProcess | undefined
  var __E2E_SERVER_STOPPED__: boolean | undefined
}

export function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(false))
    probe.once('listening', () => probe.close(() => resolve(true)))
    probe.listen(port, host)
  })
}

function tail(file: string, max = 4000): string {
  try {
    const text = fs.readFileSync(file, 'utf8')
    return text.length > max ? '…' + text.slice(-max) : text
  } catch {
    return ''
  }
}

export function killGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal)
    return true
  } catch {
    return false
  }
}

function stalePid(): number | null {
  try {
    const pid = Number(fs.readFileSync(PID_FILE, 'utf8'))
    if (!pid) return null
    process.kill(-pid, 0)
    return pid
  } catch {
    return null
  }
}

function giveUp(pid: number): void {
  killGroup(pid, 'SIGKILL')
  globalThis.__E2E_SERVER_STOPPED__ = true
  fs.rmSync(PID_FILE, { force: true })
}

export default async function globalSetup(): Promise<void> {
  const baseUrl = `http://${E2E_HOST}:${E2E_PORT}`
  process.env.E2E_BASE_URL = baseUrl

  if (!fs.existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'))) {
    throw new Error(`No production build in ${DIST_DIR}/. Run \`npm run test:e2e\` (or \`NEXT_DIST_DIR=${DIST_DIR} next build\` first).`)
  }
  if (!(await portIsFree(E2E_PORT, E2E_HOST))) {
    throw new Error(
      `Port ${E2E_PORT} on ${E2E_HOST} is already in use; stop whatever listens there or set E2E_PORT.` +
        (stalePid() ? ` A previous run's server may still be alive: process group ${stalePid()} (from ${PID_FILE}).` : ''),
    )
  }

  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const outLog = path.join(ARTIFACTS, 'server.out.log')
  const errLog = path.join(ARTIFACTS, 'server.err.log')
  const out = fs.openSync(outLog, 'w')
  const err = fs.openSync(errLog, 'w')

  // As `npm start` starts the server: next start with the memory limits of scripts/start.sh.
  const child = spawn(path.join(ROOT, 'scripts', 'start.sh'), ['-p', String(E2E_PORT), '-H', E2E_HOST], {
    cwd: ROOT,
    detached: true, // own process group: teardown kills the whole group
    stdio: ['ignore', out, err],
    env: {
      ...process.env,
      ...CANARY_SECRETS,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(E2E_PORT),
    },
  })
  fs.closeSync(out)
  fs.closeSync(err)
  if (child.pid === undefined) {
    throw new Error('Could not spawn scripts/start.sh (is bash installed, and `next`? run npm ci)')
  }
  const pid = child.pid
  globalThis.__E2E_SERVER__ = child
  fs.writeFileSync(PID_FILE, String(pid))
  // Never leave the server behind, even if Jest exits without running teardown.
  globalThis.__E2E_SERVER_STOPPED__ = false
  process.once('exit', () => {
    if (!globalThis.__E2E_SERVER_STOPPED__) killGroup(pid, 'SIGKILL')
  })

  let exited: string | null = null
  child.once('exit', (code, signal) => {
    exited = signal ? `signal ${signal}` : `exit code ${code}`
  })
  child.once('error', (e) => {
    exited = `spawn error: ${e.message}`
  })

  const started = Date.now()
  let lastProblem = ''
  while (Date.now() - started < STARTUP_TIMEOUT_MS) {
    if (exited) {
      giveUp(pid)
      throw new Error(`next start died during start-up (${exited}).\n--- server stderr ---\n${tail(errLog)}\n--- server stdout ---\n${tail(outLog)}`)
    }
    try {
      const res = await fetch(baseUrl + '/', { redirect: 'manual', signal: AbortSignal.timeout(10_000) })
      await res.arrayBuffer()
      if (res.status !== 200) console.warn(`[e2e] GET / answered ${res.status} (tests will tell why)`)
      console.log(`[e2e] next start (pid ${pid}) ready at ${baseUrl} after ${Date.now() - started} ms`)
      return
    } catch (e) {
      lastProblem = e instanceof Error ? `${e.message}${e.cause ? ` (${String(e.cause)})` : ''}` : String(e)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  giveUp(pid)
  throw new Error(
    `next start did not answer GET ${baseUrl}/ within ${STARTUP_TIMEOUT_MS / 1000} s (last: ${lastProblem}).\n` +
      `--- server stderr ---\n${tail(errLog)}\n--- server stdout ---\n${tail(outLog)}`,
  )
}
