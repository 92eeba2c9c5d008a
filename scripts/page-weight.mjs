#!/usr/bin/env node
// Prints what pages of a running site weigh: HTML, and the JavaScript they load, gzipped.
//   node scripts/page-weight.mjs [base URL] [path ...]
// Default: http://localhost:3000 and the front, a section, the seed article and a person page.
import { gzipSync } from 'node:zlib'

const [base = 'http://localhost:3000', ...paths] = process.argv.slice(2)
const pages = paths.length ? paths : ['/', '/sections/world', '/articles/one-belt-one-road-creates-opportunities-for-central-asia', '/people/he-yuting']

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

async function get(url) {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return Buffer.from(await response.arrayBuffer())
}

console.log(`page weight at ${base} (gzip level 9, as a CDN would serve it)`)
console.log(['page', 'html', 'html gz', 'scripts', 'js', 'js gz'].join('\t'))
for (const path of pages) {
  const html = await get(new URL(path, base))
  const sources = [...html.toString('utf8').matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1])
  const scripts = await Promise.all([...new Set(sources)].map((src) => get(new URL(src, base))))
  const js = scripts.reduce((sum, body) => sum + body.length, 0)
  const jsGz = scripts.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0)
  console.log([path, kb(html.length), kb(gzipSync(html, { level: 9 }).length), scripts.length, kb(js), kb(jsGz)].join('\t'))
}
