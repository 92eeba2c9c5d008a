// One wrk run (Debian's wrk, written in C), reduced to the figures load.mjs gives for autocannon.
import os from 'node:os'
import { runGroup } from './processes.mjs'

const TIME_UNITS = { us: 0.001, ms: 1, s: 1000, m: 60_000 }
const BYTE_UNITS = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 }

const milliseconds = (text) => {
  const [, n, unit] = /^([\d.]+)(us|ms|s|m)$/.exec(text)
  return Number(n) * TIME_UNITS[unit]
}

/** Parses wrk's report (run with --latency). */
export function parseWrk(output) {
  const find = (pattern) => pattern.exec(output)
  const percentile = (p) => milliseconds(find(new RegExp(`^\\s+${p}%\\s+(\\S+)\\s*$`, 'm'))[1])
  const [, responses, bytes, byteUnit] = find(/(\d+) requests in [\d.]+\w+, ([\d.]+)(\w+) read/)
  const socketErrors = find(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/)
    ?.slice(1)
    .map(Number) ?? [0, 0, 0, 0]
  return {
    requestsPerSecond: Number(find(/Requests\/sec:\s+([\d.]+)/)[1]),
    p50: percentile(50),
    p99: percentile(99),
    max: milliseconds(find(/Latency\s+\S+\s+\S+\s+(\S+)/)[1]),
    responses: Number(responses),
    non2xx: Number(find(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0),
    errors: socketErrors.reduce((sum, n) => sum + n, 0),
    timeouts: socketErrors[3],
    bytesPerResponse: (Number(bytes) * BYTE_UNITS[byteUnit]) / Number(responses),
  }
}

/** Loads `url` with wrk: `connections` keep-alive connections over one thread per core, for `duration` seconds. */
export async function wrkLoad({ url, connections, duration }) {
  const threads = Math.min(os.cpus().length, connections)
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${duration}s`, '--timeout', '10s', '--latency', url]
  const { code, output } = await runGroup('wrk', args, { env: process.env })
  if (code !== 0) throw new Error(`wrk failed (exit ${code}):\n${output}`)
  try {
    return parseWrk(output)
  } catch (error) {
    throw new Error(`cannot read wrk's report (${error.message}):\n${output}`)
  }
}
