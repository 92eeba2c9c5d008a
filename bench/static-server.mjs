// Serves one saved HTML file for the comparison: nginx from Debian's packages (installed with
// apt-get when missing and possible), else bench/static-file-server.mjs on node:http.
// Its nginx set-up also runs the cache of bench/proxy-cache.mjs.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ensureDebianTool } from './apt.mjs'
import { assertPortFree, startGroup, waitForHttp } from './processes.mjs'

// Like with like: no access log (Next logs no requests), no gzip, keep-alive connections kept
// as long as Node keeps them. `http` and `server` hold the directives of one use.
const nginxConfig = ({ dir, port, http, server }) => `daemon off;
worker_processes auto;
pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp;
  proxy_temp_path ${dir}/tmp;
  fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp;
  scgi_temp_path ${dir}/tmp;
  sendfile on;
  tcp_nopush on;
  gzip off;
  keepalive_requests 1000000;
${http}
  server {
    listen 127.0.0.1:${port};
${server}
  }
}
`

// The same content type as Next's.
const staticFiles = (dir) => ({
  http: '  types { text/html html; }\n  charset utf-8;',
  server: `    root ${dir}/root;`,
})

export const nginxVersion = () => spawnSync('nginx', ['-v'], { encoding: 'utf8' }).stderr.trim().replace('nginx version: ', '')

/** Starts nginx on 127.0.0.1:`port` with `http` and `server` directives; its configuration, temp files and `log` in `dir`. */
export function startNginx({ dir, port, http, server, log }) {
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true })
  const config = path.join(dir, 'nginx.conf')
  fs.writeFileSync(config, nginxConfig({ dir, port, http, server }))
  return startGroup('nginx', ['-p', dir, '-c', config, '-e', path.join(dir, 'error.log')], { env: process.env, log })
}

/** Waits until the just started `server` answers at `url`; stops it when it does not. */
export async function untilServing(url, server, log) {
  try {
    await waitForHttp(url, server, { timeoutMs: 10_000, log })
  } catch (error) {
    await server.stop()
    throw error
  }
}

/** Serves `html` at `<url>/article.html` on `port`. `kind`: 'nginx' (falls back to node when it cannot be had) or 'node'. */
export async function startStaticServer({ html, port, dir, kind }) {
  await assertPortFree(port)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(path.join(dir, 'root'), { recursive: true })
  const file = path.join(dir, 'root', 'article.html')
  fs.writeFileSync(file, html)
  const log = path.join(dir, 'server.log')

  const useNginx = kind === 'nginx' && ensureDebianTool('nginx')
  let server, description
  if (useNginx) {
    server = startNginx({ dir, port, ...staticFiles(dir), log })
    description = `${nginxVersion()}, worker_processes auto, sendfile, no gzip, no access log`
  } else {
    const script = path.join(import.meta.dirname, 'static-file-server.mjs')
    server = startGroup(process.execPath, [script, file, String(port)], { env: process.env, log })
    description = `node:http ${process.version} (bench/static-file-server.mjs, the file held in memory)${kind === 'nginx' ? ': nginx could not be had' : ''}`
  }
  const url = `http://127.0.0.1:${port}/article.html`
  await untilServing(url, server, log)
  return { url, description, stop: () => server.stop() }
}
