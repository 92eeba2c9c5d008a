// The deployment the site's headers are written for: a shared cache in front of `next start`.
// nginx stands in for the CDN and, like one, takes each response's lifetime from the
// Cache-Control that Next sends: no proxy_cache_valid forces one. nginx (1.22 included) reads
// `s-maxage` before `max-age`, and `stale-while-revalidate`; without proxy_cache_valid it stores
// no response whose headers give it no lifetime, so a HIT shows that the page's own was honoured.
import fs from 'node:fs'
import path from 'node:path'
import { ensureDebianTool } from './apt.mjs'
import { assertPortFree } from './processes.mjs'
import { nginxVersion, startNginx, untilServing } from './static-server.mjs'

const cacheDirectives = (dir, upstreamHost) => ({
  http: `  proxy_cache_path ${dir}/cache keys_zone=pages:10m;
  # Idle connections close before Node's 5 s keep-alive timeout would close them under nginx.
  upstream next { server ${upstreamHost}; keepalive 16; keepalive_timeout 4s; }`,
  server: `    location / {
      proxy_pass http://next;
      # Keep-alive connections to Next, as a CDN keeps them to its origin.
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_cache pages;
      # When s-maxage has run out, one background request refreshes the page and every reader
      # gets the stale copy meanwhile, as the page's stale-while-revalidate allows.
      proxy_cache_background_update on;
      # A page not yet stored goes to Next once, not once per waiting connection.
      proxy_cache_lock on;
      # With tcp_nopush (which the static server has), every response from the cache waited about
      # 40 ms (a delayed ACK's length) on 2 cores with nginx 1.22.1: 2,000 req/s, p50 44 ms.
      # Without it: 17,000-19,000 req/s.
      tcp_nopush off;
      add_header X-Cache-Status $upstream_cache_status;
    }`,
})

/** Starts the cache on 127.0.0.1:`port` in front of the `next start` at `upstream` (its URL); null when nginx cannot be had. */
export async function startProxyCache({ upstream, port, dir }) {
  if (!ensureDebianTool('nginx')) return null
  await assertPortFree(port)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  const log = path.join(dir, 'server.log')
  const server = startNginx({ dir, port, ...cacheDirectives(dir, new URL(upstream).host), log })
  const url = `http://127.0.0.1:${port}`
  // robots.txt: ready without touching the page, so its first request through the cache is the warm-up's.
  await untilServing(`${url}/robots.txt`, server, log)
  return {
    url,
    description: `${nginxVersion()} proxy_cache, lifetime from the page's Cache-Control (no proxy_cache_valid), background update, cache lock, keep-alive to next start, no gzip, no access log`,
    stop: () => server.stop(),
  }
}
