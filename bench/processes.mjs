// Child processes of the benchmark: each runs in its own process group, so that stopping it
// also stops what it forked (nginx's workers, anything `next start` spawns), and every group
// still alive is killed when the benchmark exits, is interrupted or crashes.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'

const liveGroups = new Set()

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal)
  } catch {
    // already gone
  }
}

function killAllNow() {
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL')
  liveGroups.clear()
}

process.on('exit', killAllNow)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping every process the benchmark started`)
    killAllNow()
    process.exit(130)
  })
}

/** The processes of a group, read from /proc: pid, command name, state and resident memory (bytes). */
export function groupMembers(pgid) {
  const members = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The command name is in parentheses and may itself hold spaces or parentheses.
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(group) !== pgid) continue
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8')
      const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0)
      const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?'
      members.push({ pid: Number(entry), name, state, rss: rssKb * 1024 })
    } catch {
      // the process ended while we read it
    }
  }
  return members
}

/** Resident memory of a whole process group, in bytes (pages shared between its processes count once per process). */
export const groupRss = (pgid) => groupMembers(pgid).reduce((sum, member) => sum + member.rss, 0)

const alive = (pgid) => groupMembers(pgid).some((member) => member.state !== 'Z')

/**
 * Starts a command in a new process group, its output in `log`.
 * Returns the group id, a `problem()` that says why it exited (null while it runs), and `stop()`.
 */
export function startGroup(command, args, { env, log, cwd }) {
  const out = fs.openSync(log, 'w')
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', out, out] })
  fs.closeSync(out)
  let problem = null
  child.once('exit', (code, signal) => (problem = signal ? `killed by ${signal}` : `exited with code ${code}`))
  child.once('error', (error) => (problem = `could not start: ${error.message}`))
  if (child.pid === undefined) throw new Error(`could not start ${command}`)
  const pgid = child.pid
  liveGroups.add(pgid)
  return {
    pgid,
    problem: () => problem,
    /** SIGTERM to the group, then SIGKILL to whatever is left after 5 s. */
    async stop() {
      killGroup(pgid, 'SIGTERM')
      const deadline = Date.now() + 5000
      while (alive(pgid) && Date.now() < deadline) await sleep(100)
      killGroup(pgid, 'SIGKILL')
      liveGroups.delete(pgid)
    },
  }
}

/** Runs a command to its end in its own group; resolves with its exit code and everything it printed. */
export function runGroup(command, args, { env, cwd, echo = false, timeoutMs = 0 }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    liveGroups.add(child.pid)
    let output = ''
    const collect = (stream) => (chunk) => {
      output += chunk
      if (echo) stream.write(chunk)
    }
    child.stdout.on('data', collect(process.stdout))
    child.stderr.on('data', collect(process.stderr))
    const timer = timeoutMs ? setTimeout(() => killGroup(child.pid, 'SIGKILL'), timeoutMs) : undefined
    child.once('error', (error) => resolve({ code: -1, output: `${output}\n${error.message}` }))
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      killGroup(child.pid, 'SIGKILL') // anything it left behind in its group
      liveGroups.delete(child.pid)
      resolve({ code: code ?? -1, signal, output })
    })
  })
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Last lines of a log file, to explain a failure. */
export function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return ''
  }
}

/** Waits until `url` answers (any status), or throws when the process died or `timeoutMs` passed. */
export async function waitForHttp(url, server, { timeoutMs = 60_000, log } = {}) {
  const started = Date.now()
  let last = ''
  while (Date.now() - started < timeoutMs) {
    if (server.problem()) throw new Error(`${url}: the server ${server.problem()}\n${tail(log)}`)
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) })
      await response.arrayBuffer()
      return Date.now() - started
    } catch (error) {
      last = error.cause?.message ?? error.message
    }
    await sleep(200)
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (last: ${last})\n${tail(log)}`)
}

/** Throws when something already listens on 127.0.0.1:`port`: the benchmark would measure it instead. */
export function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', () => reject(new Error(`port ${port} on 127.0.0.1 is in use: stop what listens there`)))
    probe.once('listening', () => probe.close(resolve))
    probe.listen(port, '127.0.0.1')
  })
}
