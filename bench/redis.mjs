// redis-server for the benchmark's parts that share Next's cache in Redis, and the commands they send it.
import net from 'node:net'
import path from 'node:path'
import { ensureDebianTool } from './apt.mjs'
import { DATA_DIR, ROOT } from './next.mjs'
import { assertPortFree, sleep, startGroup } from './processes.mjs'

function redisCommand(port, command) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${command}\r\n`))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString().trim())
    })
    socket.once('error', reject)
  })
}
export const keysInRedis = async (port) => Number((await redisCommand(port, 'DBSIZE')).slice(1))

/** redis-server on 127.0.0.1:`port`, without persistence; undefined when it is not installed and cannot be. */
export async function startRedis(port, name) {
  if (!ensureDebianTool('redis-server')) return undefined
  await assertPortFree(port)
  const redis = startGroup('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    cwd: ROOT,
    env: process.env,
    log: path.join(DATA_DIR, `redis-${name}.log`),
  })
  for (let i = 0; i < 50; i++) {
    if ((await redisCommand(port, 'PING').catch(() => '')) === '+PONG') return redis
    await sleep(100)
  }
  await redis.stop()
  throw new Error('redis-server did not answer PING')
}
