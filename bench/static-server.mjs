// Serves one saved HTML file for the comparison: nginx from Debian's packages (installed with
// apt-get when missing and possible), else bench/static-file-server.mjs on node:http.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ensureDebianTool } from './apt.mjs'
import { assertPortFree, startGroup, waitForHttp } from './processes.mjs'

// Like with like: no access log (Next logs no requests), no gzip, keep-alive connections kept
// as long as Node keeps them, and the same content type as Next's.
const nginxConfig = (dir, port) => `daemon off;
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
  types { text/html html; }
  charset utf-8;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/root;
  }
}
`

/** Serves `html` at `<url>/article.html` on `port`. `kind`: 'nginx' (falls back to node when it cannot be had) or 'node'. */
export async function startStaticServer({ html, port, dir, kind }) {
  await assertPortFree(port)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(path.join(dir, 'root'), { recursive: true })
  fs.mkdirSync(path.join(dir, 'tmp'))
  const file = path.join(dir, 'root', 'article.html')
  fs.writeFileSync(file, html)
  const log = path.join(dir, 'server.log')

  const useNginx = kind === 'nginx' && ensureDebianTool('nginx')
  let server, description
  if (useNginx) {
    fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(dir, port))
    server = startGroup('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], { env: process.env, log })
    const version = spawnSync('nginx', ['-v'], { encoding: 'utf8' }).stderr.trim().replace('nginx version: ', '')
    description = `${version}, worker_processes auto, sendfile, no gzip, no access log`
  } else {
    const script = path.join(import.meta.dirname, 'static-file-server.mjs')
    server = startGroup(process.execPath, [script, file, String(port)], { env: process.env, log })
    description = `node:http ${process.version} (bench/static-file-server.mjs, the file held in memory)${kind === 'nginx' ? ': nginx could not be had' : ''}`
  }
  const url = `http://127.0.0.1:${port}/article.html`
  try {
    await waitForHttp(url, server, { timeoutMs: 10_000, log })
  } catch (error) {
    await server.stop()
    throw error
  }
  return { url, description, stop: () => server.stop() }
}
