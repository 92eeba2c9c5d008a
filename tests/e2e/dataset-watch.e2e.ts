import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { killGroup } from './support/global-setup'
import { DIST_DIR } from './support/server'

/**
 * Publish to live on the embedded dataset, against a server of its own (the shared one reads
 * the demo dataset in place, which this must not edit): `next start` on a copy of the demo
 * dataset, edited while it runs. A saved edit shows on the cached article and front page
 * without a restart; a broken file is refused and the last good version stays.
 */

const ROOT = path.resolve(__dirname, '..', '..')
const PORTS = [3120, 3121, 3122, 3123, 3124, 3125, 3126, 3127, 3128, 3129]
const HOST = '127.0.0.1'
/** A functional limit only: the time an edit takes to show is printed, not asserted. */
const SHOW_TIMEOUT_MS = 10_000
/** Lets this file run against another build while working on it; the suite uses its own. */
const builtDir = process.env.DATASET_WATCH_DIST_DIR || DIST_DIR
/**
 * The server's own view of that build: Next writes each page it regenerates into
 * `<distDir>/server/app`, and the edited pages must not land in the shared build, where
 * the other browser tests (and later runs) would be served them. So `server/app` is copied
 * (38 MB) and everything else, which the server only reads, is linked.
 */
const distDir = '.next-e2e-dataset-watch'

type Doc = { _id: string; _type: string; headline?: string; publishedAt?: string; slug?: { current: string } }

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dataset-watch-e2e-'))
const dataset = path.join(dir, 'dataset.ndjson')
const serverLog = path.join(dir, 'server.log')
const lines = fs.readFileSync(path.join(ROOT, 'sanity', 'demo', 'dataset.ndjson'), 'utf8').split('\n')
/** The newest published article: it leads the front page. */
const articleLine = lines
  .map((line, index) => ({ index, doc: (line.trim() ? JSON.parse(line) : {}) as Doc }))
  .filter(({ doc }) => doc._type === 'article' && !doc._id.startsWith('drafts.'))
  .sort((a, b) => (b.doc.publishedAt ?? '').localeCompare(a.doc.publishedAt ?? ''))[0]
const article = articleLine.doc
const articlePath = `/articles/${article.slug?.current}`

let origin = ''
let pid: number | undefined

/** The demo dataset with the article's headline replaced, saved as editors do: a temporary file renamed over it. */
function saveWithHeadline(headline: string, cut?: (text: string) => string) {
  const edited = [...lines]
  edited[articleLine.index] = JSON.stringify({ ...article, headline })
  const text = edited.join('\n')
  const temporary = `${dataset}.${Date.now()}.tmp`
  fs.writeFileSync(temporary, cut ? cut(text) : text)
  fs.renameSync(temporary, dataset)
}

async function get(pathname: string) {
  const response = await fetch(origin + pathname, { cache: 'no-store' })
  return { status: response.status, cache: response.headers.get('x-nextjs-cache'), html: await response.text() }
}

async function waitFor(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = SHOW_TIMEOUT_MS) {
  const started = Date.now()
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\n--- server log ---\n${log().slice(-3000)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const log = () => (fs.existsSync(serverLog) ? fs.readFileSync(serverLog, 'utf8') : '')
const shows = async (pathname: string, text: string) => (await get(pathname)).html.includes(text)

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, HOST, () => probe.close(() => resolve(true)))
  })
}

async function freePort(): Promise<number> {
  for (const port of PORTS) if (await portIsFree(port)) return port
  throw new Error(`No free port among ${PORTS.join(', ')} on ${HOST}`)
}

function mirrorBuild(from: string, to: string) {
  fs.rmSync(to, { recursive: true, force: true })
  fs.mkdirSync(path.join(to, 'server'), { recursive: true })
  fs.mkdirSync(path.join(to, 'cache'))
  const link = (dir: string, name: string) => fs.symlinkSync(path.join(from, dir, name), path.join(to, dir, name))
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.isFile()) fs.copyFileSync(path.join(from, entry.name), path.join(to, entry.name))
    else if (entry.name !== 'server' && entry.name !== 'cache') link('', entry.name)
  }
  for (const name of fs.readdirSync(path.join(from, 'server'))) {
    if (name === 'app') fs.cpSync(path.join(from, 'server', 'app'), path.join(to, 'server', 'app'), { recursive: true })
    else link('server', name)
  }
}

beforeAll(async () => {
  mirrorBuild(path.join(ROOT, builtDir), path.join(ROOT, distDir))
  fs.writeFileSync(dataset, lines.join('\n'))
  fs.symlinkSync(path.join(ROOT, 'sanity', 'demo', 'images'), path.join(dir, 'images'))
  const port = await freePort()
  origin = `http://${HOST}:${port}`
  const out = fs.openSync(serverLog, 'w')
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1', LOCAL_DATASET: dataset }
  for (const name of ['NEXT_PUBLIC_SANITY_PROJECT_ID', 'NEXT_PUBLIC_SANITY_DATASET', 'LOCAL_DATASET_WATCH', 'PORT']) delete env[name]
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', HOST], {
    cwd: ROOT,
    detached: true, // its own process group, killed whole in afterAll
    stdio: ['ignore', out, out],
    env,
  })
  fs.closeSync(out)
  pid = child.pid
  await waitFor(async () => (await get('/').catch(() => ({ status: 0 }))).status === 200, `${origin}/ to answer`, 60_000)
}, 90_000)

afterAll(async () => {
  if (pid !== undefined) {
    killGroup(pid, 'SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 500))
    killGroup(pid, 'SIGKILL')
  }
  fs.rmSync(dir, { recursive: true, force: true })
  fs.rmSync(path.join(ROOT, distDir), { recursive: true, force: true })
})

describe('editing LOCAL_DATASET while the site runs', () => {
  it('shows a saved edit on the cached article and front page, without a restart', async () => {
    for (const pathname of [articlePath, '/']) {
      await get(pathname)
      const cached = await get(pathname)
      expect(cached).toMatchObject({ status: 200, cache: 'HIT' })
      expect(cached.html).toContain(article.headline)
    }

    const headline = `Watched edit ${Date.now().toString(36)}`
    saveWithHeadline(headline)
    const saved = Date.now()
    await waitFor(() => shows(articlePath, headline), 'the article page to show the edit')
    const articleMs = Date.now() - saved
    await waitFor(() => shows('/', headline), 'the front page to show the edit')
    console.log(`[dataset-watch] edit to live: article page ${articleMs} ms, front page ${Date.now() - saved} ms after the save`)
    expect((await get(articlePath)).html).not.toContain(article.headline)
    expect(log()).toContain(`Reloaded LOCAL_DATASET ${dataset}: `)
  })

  it('keeps serving the last good version when the file is half-written or garbage, and says which line', async () => {
    const good = (await get(articlePath)).html.match(/Watched edit \w+/)?.[0]
    expect(good).toBeDefined()

    // Cut in the middle of the article's line: the lines after it are missing too.
    saveWithHeadline('Half-written edit', (text) => text.slice(0, text.indexOf('Half-written edit') + 5))
    const articleLineNumber = articleLine.index + 1
    await waitFor(
      () => log().includes(`LOCAL_DATASET ${dataset} line ${articleLineNumber} is not valid JSON`),
      `the refusal naming line ${articleLineNumber}`,
    )
    expect(log()).toMatch(new RegExp(`line ${articleLineNumber} is not valid JSON \\(.+\\): keeping the last good version \\(\\d+ documents`))

    fs.writeFileSync(dataset, '\u0000\u00ff garbage\n{"not": "a document"}\n')
    await waitFor(() => log().includes('line 1 is not valid JSON'), 'the refusal of the garbage')

    for (const pathname of [articlePath, '/']) {
      const page = await get(pathname)
      expect(page.status).toBe(200)
      expect(page.html).toContain(good)
      expect(page.html).not.toContain('Half-written')
    }
  })

  it('recovers on the next good save', async () => {
    const headline = `Recovered edit ${Date.now().toString(36)}`
    saveWithHeadline(headline)
    await waitFor(() => shows(articlePath, headline), 'the article page to show the good save')
    await waitFor(() => shows('/', headline), 'the front page to show the good save')
  })
})
