// Two instances sharing Next's cache in Redis, both under load, and Redis killed in the middle and
// started again: how many reader requests failed, and how soon each instance shared the cache again.
import fs from 'node:fs'
import { SEED_ARTICLE } from './http.mjs'
import { describeLoad, load } from './load.mjs'
import { startNext } from './next.mjs'
import { sleep } from './processes.mjs'
import { startRedis } from './redis.mjs'

const PAGES = ['/', SEED_ARTICLE, '/sections/world', '/latest', '/feeds/rss.xml', '/sitemap.xml']
const CONNECTIONS = 8
const BACK = 'Redis cache reachable again'

async function secondsUntilLogged(file, text, since, timeoutMs = 30_000) {
  while (Date.now() - since < timeoutMs) {
    if (fs.readFileSync(file, 'utf8').includes(text)) return (Date.now() - since) / 1000
    await sleep(100)
  }
  return undefined
}

export async function benchRedisOutage({ ports, redisPort, duration }) {
  console.log(
    `\n== Redis killed under load: two instances sharing it, ${CONNECTIONS} connections each, ${duration} s; Redis killed after a quarter and started again at the half`,
  )
  let redis = await startRedis(redisPort, 'outage')
  if (!redis) return { skipped: 'redis-server is not installed (apt-get install redis-server)' }
  const env = { REDIS_URL: `redis://127.0.0.1:${redisPort}` }
  const instances = await Promise.all(ports.map((port, i) => startNext({ name: `outage-${'ab'[i]}`, port, env })))
  try {
    const requests = PAGES.map((path) => ({ method: 'GET', path }))
    for (const instance of instances) for (const path of PAGES) await (await fetch(instance.url + path)).arrayBuffer()
    const loads = instances.map((instance) => load({ url: instance.url, connections: CONNECTIONS, duration, requests }))
    await sleep(duration * 250)
    process.kill(-redis.pgid, 'SIGKILL')
    await redis.stop()
    await sleep(duration * 250)
    redis = await startRedis(redisPort, 'outage')
    const restarted = Date.now()
    const sharingAgainAfterS = await Promise.all(instances.map((instance) => secondsUntilLogged(instance.log, BACK, restarted)))
    const results = await Promise.all(loads)
    results.forEach((result, i) => console.log(`instance ${'ab'[i]}: ${describeLoad(result)}`))
    console.log(
      `sharing the cache again after Redis restarted: ${sharingAgainAfterS.map((s) => (s === undefined ? 'not within 30 s' : `${s.toFixed(1)} s`)).join(', ')}`,
    )
    const failed = results.reduce((sum, result) => sum + result.non2xx + result.errors, 0)
    const responses = results.reduce((sum, result) => sum + result.responses, 0)
    return { failed, responses, sharingAgainAfterS }
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()))
    await redis?.stop()
  }
}
