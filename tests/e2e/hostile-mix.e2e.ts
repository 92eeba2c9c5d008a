import { hostileMix, readerPaths } from '../../bench/hostile-mix.mjs'
import { DEMO_DATASET } from './support/own-server'
import { baseUrl } from './support/server'

/**
 * 64 connections on the suite's server for HOSTILE_MIX_SECONDS (20 by default; the bench part
 * 'hostile' runs 60): readers cycling through every kind of page while a quarter of the
 * connections send what the site refuses (unknown addresses, broken encodings, oversized
 * searches and pictures, forged tokens, webhooks and mutations). Not one reader request may
 * fail, time out or answer other than 2xx, and no hostile one may answer 5xx. Counts, not
 * speeds: how fast the server answers is the benchmark's business.
 */
const SECONDS = Number(process.env.HOSTILE_MIX_SECONDS || 20)

test(`readers get every page while strangers send hostile requests (64 connections, ${SECONDS} s)`, async () => {
  const paths = readerPaths(DEMO_DATASET)
  // Every reader address answers on its own first, so a failure below is the load's doing.
  for (const path of paths) expect([path, (await fetch(baseUrl() + path)).status]).toEqual([path, 200])
  const { readers, hostile } = await hostileMix({ origin: baseUrl(), paths, connections: 64, seconds: SECONDS })
  console.log(
    `[hostile-mix] readers: ${readers.responses} responses, p99 ${readers.p99} ms; hostile: ${hostile.responses} responses, statuses ${JSON.stringify(hostile.statuses)}`,
  )
  expect(readers.responses).toBeGreaterThan(0)
  expect({ non2xx: readers.non2xx, errors: readers.errors, timeouts: readers.timeouts }).toEqual({ non2xx: 0, errors: 0, timeouts: 0 })
  expect(hostile.responses).toBeGreaterThan(0)
  expect(hostile.serverErrors).toBe(0)
}, 120_000)
