// Readers under 64 connections for 60 s with hostile requests mixed in (bench/hostile-mix.mjs),
// on the demo dataset: every reader request must succeed. Beside it, the same readers alone,
// so the figures show what the strangers cost them.
import { hostileMix, readerPaths } from './hostile-mix.mjs'
import { describeLoad, load } from './load.mjs'
import path from 'node:path'
import { DEFAULT_LOCAL_DATASET } from '../lib/default-dataset.mjs'
import { ROOT, startNext } from './next.mjs'

const SECONDS = 60

export async function benchHostileMix({ port, connections }) {
  console.log(`\n== Readers with hostile requests mixed in: ${connections} connections for ${SECONDS} s, a quarter of them hostile, on the demo dataset`)
  const next = await startNext({ name: 'hostile', port })
  try {
    const paths = readerPaths(path.join(ROOT, DEFAULT_LOCAL_DATASET))
    for (const path of paths) {
      const response = await fetch(next.url + path)
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`${path} answered ${response.status} before the load`)
    }
    const mixed = await hostileMix({ origin: next.url, paths, connections, seconds: SECONDS })
    let index = 0
    const alone = await load({
      url: next.url,
      connections: mixed.readerConnections,
      duration: 20,
      requests: [{ setupRequest: (request) => ({ ...request, path: paths[index++ % paths.length] }) }],
      timeout: 30,
    })
    console.log(`readers (${mixed.readerConnections} connections) with strangers: ${describeLoad(mixed.readers)}`)
    console.log(`strangers (${mixed.hostileConnections} connections): ${describeLoad(mixed.hostile)}; statuses ${JSON.stringify(mixed.hostile.statuses)}`)
    console.log(`the same readers alone for 20 s: ${describeLoad(alone)}`)
    return { ...mixed, alone }
  } finally {
    await next.stop()
  }
}
