#!/usr/bin/env node
// The benchmark's fallback static server when nginx is not there: one file, read once,
// served with the headers Next sends for a page (no compression: the load generator asks for none).
//   node bench/static-file-server.mjs <file> <port>
import fs from 'node:fs'
import http from 'node:http'

const [file, port] = process.argv.slice(2)
const body = fs.readFileSync(file)
http
  .createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length })
    response.end(request.method === 'HEAD' ? undefined : body)
  })
  .listen(Number(port), '127.0.0.1')
