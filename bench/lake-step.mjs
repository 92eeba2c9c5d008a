// The local Content Lake, as editors use it (docs/local-content-lake.md): on a copy of the demo
// dataset and of a generated one, `next start` with an editor token, and
//   - a mutation's acknowledgement (the Studio's edit action, sequential: median, p95);
//   - publish to the public page showing it (an edit and a publish, then the page polled);
//   - the Studio in Chromium: cold load to a listed desk, the connections it holds to the site
//     with a document open, and the server's RSS with two Studio tabs open.
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { generate } from './memory.mjs'
import { DATA_DIR, ROOT, startNext } from './next.mjs'
import { groupRss, sleep } from './processes.mjs'

const TOKEN = 'bench-editor-token-bench-editor-token-0123'
const ACKS = 100
const PUBLISHES = 5
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}
const round = (value) => Math.round(value * 10) / 10

/** A copy of a dataset, with its images beside it, for the server to write to. */
function copyOf(dataset, name) {
  const dir = path.join(DATA_DIR, `lake-${name}`)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  fs.copyFileSync(dataset, path.join(dir, 'dataset.ndjson'))
  const images = path.join(path.dirname(dataset), 'images')
  if (fs.existsSync(images)) fs.symlinkSync(images, path.join(dir, 'images'))
  return path.join(dir, 'dataset.ndjson')
}

function firstArticle(dataset) {
  for (const line of fs.readFileSync(dataset, 'utf8').split('\n')) {
    if (!line.includes('"article"')) continue
    const doc = JSON.parse(line)
    if (doc._type === 'article' && !doc._id.startsWith('drafts.') && doc.slug?.current) return doc
  }
  throw new Error(`No published article in ${dataset}`)
}

async function act(url, actions) {
  const response = await fetch(`${url}/api/lake/v2025-02-19/data/actions/embedded`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ actions }),
  })
  if (!response.ok) throw new Error(`actions answered ${response.status}: ${await response.text()}`)
}

const edit = (article, headline) => ({
  actionType: 'sanity.action.document.edit',
  draftId: `drafts.${article._id}`,
  publishedId: article._id,
  patch: { set: { headline } },
})

async function acknowledgements(url, article) {
  const times = []
  for (let i = 0; i < ACKS; i++) {
    const started = performance.now()
    await act(url, [edit(article, `${article.headline} (${i})`)])
    times.push(performance.now() - started)
  }
  return { median: round(quantile(times, 0.5)), p95: round(quantile(times, 0.95)) }
}

async function publishToPage(url, article) {
  const times = []
  for (let i = 0; i < PUBLISHES; i++) {
    const headline = `Published from the bench ${Date.now()}`
    const started = performance.now()
    await act(url, [edit(article, headline)])
    await act(url, [{ actionType: 'sanity.action.document.publish', draftId: `drafts.${article._id}`, publishedId: article._id }])
    for (;;) {
      const html = await (await fetch(`${url}/articles/${article.slug.current}`, { cache: 'no-store' })).text()
      if (html.includes(headline)) break
      if (performance.now() - started > 30_000) throw new Error('a published edit did not show within 30 s')
      await sleep(10)
    }
    times.push(performance.now() - started)
    await sleep(500)
  }
  return { median: round(quantile(times, 0.5)), p95: round(quantile(times, 0.95)) }
}

/** The Studio in Chromium: time to a listed desk, connections held with a document open, RSS with two tabs. */
async function studio(url, article, pgid) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    await context.route('**/*', (route) => (new URL(route.request().url()).origin === url ? route.continue() : route.abort()))
    const signIn = await context.newPage()
    await signIn.goto(`${url}/api/lake/sign-in?token=${TOKEN}`)
    await signIn.close()

    const page = await context.newPage()
    const open = new Set()
    page.on('request', (request) => open.add(request))
    page.on('requestfinished', (request) => open.delete(request))
    page.on('requestfailed', (request) => open.delete(request))
    const started = performance.now()
    await page.goto(`${url}/studio/structure/article`)
    await page.locator('a[href*="/studio/structure/article;"]').first().waitFor({ timeout: 120_000 })
    const coldLoadMs = Math.round(performance.now() - started)

    await page.goto(`${url}/studio/structure/article;${article._id}`)
    await page.locator('[data-testid="field-headline"] input:not([readonly])').first().waitFor({ timeout: 120_000 })
    await sleep(3000)
    const held = [...open].filter((request) => new URL(request.url()).origin === url).length

    const second = await context.newPage()
    await second.goto(`${url}/studio/structure/article;${article._id}`)
    await second.locator('[data-testid="field-headline"] input:not([readonly])').first().waitFor({ timeout: 120_000 })
    await sleep(3000)
    return { coldLoadMs, held, rssTwoTabs: groupRss(pgid) }
  } finally {
    await browser.close()
  }
}

export async function benchLake({ port, articles }) {
  console.log('\n== Local Content Lake (editors)')
  const generated = await generate(articles)
  const results = {}
  for (const [label, source] of [
    ['demo', path.join(ROOT, 'sanity', 'demo', 'dataset.ndjson')],
    [`${articles}`, generated],
  ]) {
    const dataset = copyOf(source, label)
    const article = firstArticle(dataset)
    const next = await startNext({ name: `lake-${label}`, port, dataset, env: { LOCAL_EDITOR_TOKEN: TOKEN } })
    try {
      const ack = await acknowledgements(next.url, article)
      const publish = await publishToPage(next.url, article)
      const browser = await studio(next.url, article, next.pgid)
      results[label] = { ack, publish, ...browser }
      console.log(
        `${label}: ack median ${ack.median} ms, p95 ${ack.p95} ms; publish to page median ${publish.median} ms, p95 ${publish.p95} ms; ` +
          `Studio cold load ${browser.coldLoadMs} ms, ${browser.held} connection(s) held with a document open, RSS with two tabs ${(browser.rssTwoTabs / 1e6).toFixed(0)} MB`,
      )
    } finally {
      await next.stop()
    }
  }
  return results
}
