#!/usr/bin/env node
/**
 * The site's benchmarks, with one summary of every figure beside its target:
 *   npm run bench [-- --duration 20 --connections 64 --articles 10000 --skip-build
 *                    --only http,memory,queries,edit,lake,unknown,outage,hostile --static nginx|node]
 * Prints figures; a missed target never fails it. It exits non-zero only when something
 * broke (a build or a server that did not start), after running the other parts.
 */
import fs from 'node:fs'
import os from 'node:os'
import { optionValue } from '../scripts/cli-options.mjs'
import { benchEditToLive } from './edit-step.mjs'
import { benchHostileMix } from './hostile-step.mjs'
import { benchHttp } from './http.mjs'
import { benchLake } from './lake-step.mjs'
import { ms } from './load.mjs'
import { benchMemory } from './memory.mjs'
import { DATA_DIR, ensureBuild } from './next.mjs'
import { HOSTILE_TARGET_MS, QUERY_TARGETS_MS, benchQueries } from './queries-step.mjs'
import { benchRedisOutage } from './redis-outage-step.mjs'
import { benchUnknownAddresses } from './unknown-step.mjs'

const PARTS = ['http', 'memory', 'queries', 'edit', 'lake', 'unknown', 'outage', 'hostile']
const NEXT_PORTS = { http: 3200, memory: 3201, edit: 3202, lake: 3203, unknown: 3204, outage: [3205, 3206], hostile: 3207 }
const REDIS_PORTS = { unknown: 6392, outage: 6393 }
const STATIC_PORT = 8080
const PROXY_CACHE_PORT = 8081

function options(argv) {
  const value = (name, fallback) => optionValue(argv, name, fallback)
  const count = (name, fallback) => {
    const n = Number(value(name, fallback))
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a positive whole number`)
    return n
  }
  const only = value('only', PARTS.join(',')).split(',')
  const unknown = only.filter((part) => !PARTS.includes(part))
  if (unknown.length) throw new Error(`--only: unknown part ${unknown.join(', ')} (parts: ${PARTS.join(', ')})`)
  const staticKind = value('static', 'nginx')
  if (!['nginx', 'node'].includes(staticKind)) throw new Error('--static takes nginx or node')
  return {
    duration: count('duration', '20'),
    connections: count('connections', '64'),
    articles: count('articles', '10000'),
    skipBuild: argv.includes('--skip-build'),
    only,
    staticKind,
  }
}

const fixed = (n, digits = 0) => n.toFixed(digits)
const mark = (met) => (met ? 'yes' : 'no')
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ')

/** The article page's two rows for one way of serving it: throughput against the static server's, and latency. */
const articleRows = (label, load, staticLoad, ratio) => [
  [
    `article page req/s, ${label} / static`,
    `${fixed(load.requestsPerSecond)} / ${fixed(staticLoad.requestsPerSecond)} = ${fixed(ratio, 3)}`,
    '≥ 0.08',
    mark(ratio >= 0.08),
  ],
  [`article page p50 / p99, ${label}`, `${ms(load.p50)} / ${ms(load.p99)} ms`, 'p99 ≤ 100 ms', mark(load.p99 <= 100)],
]

function summary(opts, results) {
  const size = opts.articles.toLocaleString('en')
  const rows = []
  const { http, memory, queries, edit, lake, unknown, outage, hostile } = results
  if (http) {
    rows.push(...articleRows(`bare next start (${http.generator})`, http.next, http.static, http.ratio))
    const { floor } = http
    rows.push([
      `bare next start's ceiling: ${floor.path} req/s / static (Next's cost per request, any page)`,
      `${fixed(floor.load.requestsPerSecond)} / ${fixed(http.static.requestsPerSecond)} = ${fixed(floor.ratio, 3)}`,
      '',
      '',
    ])
    const { behindCache } = http
    const label = 'next start behind an nginx cache (the deployment: a cache in front keeps the page for its s-maxage)'
    if (behindCache.load) rows.push(...articleRows(label, behindCache.load, http.static, behindCache.ratio))
    else
      rows.push([
        `article page, ${label}`,
        behindCache.skipped ? `skipped: ${behindCache.skipped}` : `broke: ${behindCache.broke}`,
        '≥ 0.08, p99 ≤ 100 ms',
        '?',
      ])
  }
  if (queries) {
    // A figure read back from the query part's output, beside its target.
    const timed = (label, value, target) => [
      label,
      value === undefined ? 'not found in its output' : `${value} ms`,
      `≤ ${target} ms`,
      value === undefined ? '?' : mark(value <= target),
    ]
    for (const [name, target] of Object.entries(QUERY_TARGETS_MS)) rows.push(timed(`${name} at ${size} (cold median)`, queries.coldMedian[name], target))
    rows.push(timed(`worst of 1,000 hostile searches at ${size} (cold)`, queries.hostileWorst, HOSTILE_TARGET_MS))
  }
  if (memory) {
    rows.push([
      `server RSS under load, ${size} articles (peak / at end)`,
      `${fixed(memory.peak / 1e6)} / ${fixed(memory.final / 1e6)} MB`,
      '≤ 400 MB',
      mark(memory.peak <= 400e6),
    ])
    rows.push([
      `mixed load, ${size} articles`,
      `${fixed(memory.load.requestsPerSecond)} req/s (${memory.load.responses} responses), p99 ${ms(memory.load.p99)} ms`,
      '',
      '',
    ])
  }
  if (edit) {
    rows.push(
      edit.skipped
        ? ['edit-to-live (local)', `skipped: ${edit.skipped}`, '≤ 1 s', '?']
        : ['edit-to-live (local), median / max', `${edit.median} / ${edit.max} ms (${edit.edits} edits)`, '≤ 1000 ms', mark(edit.max <= 1000)],
    )
  }
  if (lake) {
    for (const [label, figures] of Object.entries(lake)) {
      const size = label === 'demo' ? 'the demo dataset' : `${Number(label).toLocaleString('en')} articles`
      rows.push([`local lake, ${size}: a mutation's acknowledgement, median / p95`, `${figures.ack.median} / ${figures.ack.p95} ms`, '', ''])
      rows.push([
        `local lake, ${size}: Studio publish to the public page, median / p95`,
        `${figures.publish.median} / ${figures.publish.p95} ms`,
        '≤ 1000 ms',
        mark(figures.publish.p95 <= 1000),
      ])
      rows.push([`local lake, ${size}: Studio cold load to a listed desk`, `${figures.coldLoadMs} ms`, '', ''])
      rows.push([
        `local lake, ${size}: connections the Studio holds with a document open`,
        `${figures.held}`,
        '≤ 6 (HTTP/1.1 per host)',
        mark(figures.held <= 6),
      ])
      rows.push([`local lake, ${size}: server RSS with two Studio tabs open`, `${fixed(figures.rssTwoTabs / 1e6)} MB`, '', ''])
    }
  }
  if (unknown) {
    for (const [where, f] of Object.entries(unknown)) {
      const label = `10,000 unknown addresses, ${where === 'disk' ? 'files in the disk cache' : 'Redis keys'} before → after; RSS after the first → last quarter`
      if (f.skipped) rows.push([label, `skipped: ${f.skipped}`, '+0 entries, RSS flat', '?'])
      else {
        const figures = `${f.before.entries} → ${f.after.entries}; ${fixed(f.rssByQuarter[0] / 1e6)} → ${fixed(f.rssByQuarter.at(-1) / 1e6)} MB (${f.result.non2xx} of ${f.result.responses} answered 404)`
        const flat = f.rssByQuarter.at(-1) <= f.rssByQuarter[0] * 1.1
        rows.push([label, figures, '+0 entries, RSS flat (within 10 %)', mark(f.after.entries === f.before.entries && flat)])
      }
    }
  }
  if (outage) {
    const label = 'Redis killed and restarted under load, two instances: failed reader requests; shared again after'
    if (outage.skipped) rows.push([label, `skipped: ${outage.skipped}`, '0 failed, within seconds', '?'])
    else {
      const back = outage.sharingAgainAfterS.map((s) => (s === undefined ? 'not within 30 s' : `${fixed(s, 1)} s`)).join(' / ')
      rows.push([
        label,
        `${outage.failed} of ${outage.responses}; ${back}`,
        '0 failed, within seconds',
        mark(outage.failed === 0 && outage.sharingAgainAfterS.every((s) => s !== undefined && s <= 10)),
      ])
    }
  }
  if (hostile) {
    const { readers, alone } = hostile
    const failed = readers.non2xx + readers.errors + readers.timeouts
    rows.push([
      `readers with strangers mixed in (${hostile.readerConnections} + ${hostile.hostileConnections} connections, 60 s): failed reader requests; 5xx to strangers`,
      `${failed} of ${readers.responses}; ${hostile.hostile.serverErrors} of ${hostile.hostile.responses}`,
      '0; 0',
      mark(failed === 0 && hostile.hostile.serverErrors === 0),
    ])
    rows.push([
      "readers' req/s with strangers / alone",
      `${fixed(readers.requestsPerSecond)} / ${fixed(alone.requestsPerSecond)} = ${fixed(readers.requestsPerSecond / alone.requestsPerSecond, 2)}`,
      '',
      '',
    ])
  }
  console.log(
    `\n== Summary (Node ${process.version}, ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 16)}Z, load average now ${loadAverage()})\n`,
  )
  console.log('| figure | measured | target | met |\n|---|---|---|---|')
  for (const row of rows) console.log(`| ${row.join(' | ')} |`)
}

async function main() {
  const opts = options(process.argv.slice(2))
  fs.mkdirSync(DATA_DIR, { recursive: true })
  const broken = []
  const results = {}
  const attempt = async (part, run) => {
    if (!opts.only.includes(part)) return
    // Anything else running on the machine skews the figures: say how busy it was.
    console.log(`\n(load average ${loadAverage()} before the ${part} part)`)
    try {
      results[part] = await run()
    } catch (error) {
      broken.push(part)
      console.error(`\n${part}: broke: ${error.message}`)
    }
  }

  const needsServer = opts.only.some((part) => part !== 'queries')
  let built = !needsServer
  if (needsServer) {
    try {
      await ensureBuild({ reuse: opts.skipBuild })
      built = true
    } catch (error) {
      broken.push('build')
      console.error(error.message)
    }
  }
  const { duration, connections, articles, staticKind } = opts
  if (built) {
    await attempt('http', () => benchHttp({ port: NEXT_PORTS.http, staticPort: STATIC_PORT, proxyPort: PROXY_CACHE_PORT, connections, duration, staticKind }))
    if (results.http?.behindCache.broke) broken.push('http (next start behind a cache)')
    await attempt('memory', () => benchMemory({ port: NEXT_PORTS.memory, articles, connections, duration }))
  }
  await attempt('queries', () => benchQueries({ articles }))
  if (built) await attempt('edit', () => benchEditToLive({ port: NEXT_PORTS.edit, runs: 5 }))
  if (built) await attempt('lake', () => benchLake({ port: NEXT_PORTS.lake, articles }))
  if (built) await attempt('unknown', () => benchUnknownAddresses({ port: NEXT_PORTS.unknown, redisPort: REDIS_PORTS.unknown }))
  if (built) await attempt('outage', () => benchRedisOutage({ ports: NEXT_PORTS.outage, redisPort: REDIS_PORTS.outage, duration }))
  if (built) await attempt('hostile', () => benchHostileMix({ port: NEXT_PORTS.hostile, connections }))

  summary(opts, results)
  if (broken.length) {
    console.error(`\nBroke: ${broken.join(', ')} (see above).`)
    process.exitCode = 1
  }
}

main().catch((error) => {
  console.error(error.message)
  process.exitCode = 1
})
