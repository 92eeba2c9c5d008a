// @ts-check
// Next's `cacheHandler` (next.config.js points here when REDIS_URL is set as the server starts):
// ISR pages, route handler responses and the fetch cache live in Redis, shared by every instance
// of this build, and nothing is stored for an address that names nothing (known-addresses.mjs).
// Plain JavaScript: `next start` imports it as it is.
import { CacheHandler } from '@fortedigital/nextjs-cache-handler'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import { createClient } from '@redis/client'
import { storingKnownAddressesOnly } from './known-addresses.mjs'
import { describeRedisUrl, redisClientOptions, sharedCacheConfig } from './shared-cache.mjs'

CacheHandler.onCreation(({ buildId }) => {
  // Checked by lib/env.ts at start-up (a redis:// or rediss:// URL); next.config.js only points here when it is set.
  const url = /** @type {string} */ (process.env.REDIS_URL)
  const client = createClient(redisClientOptions(url))
  return sharedCacheConfig({
    client,
    where: describeRedisUrl(url),
    buildId,
    createHandler: (options) => createRedisHandler({ client, ...options }),
  })
})

export default storingKnownAddressesOnly(CacheHandler)
