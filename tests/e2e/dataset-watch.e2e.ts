import fs from 'node:fs'
import { DEMO_DATASET, startOwnServer, type OwnServer } from './support/own-server'

/**
 * Publish to live on the embedded dataset, against a server of its own (the shared one reads
 * the demo dataset in place, which this must not edit): `next start` on a copy of the demo
 * dataset, edited while it runs. A saved edit shows on the cached article and front page
 * without a restart; a broken file is refused and the last good version stays.
 */

/** A functional limit only: the time an edit takes to show is printed, not asserted. */
const SHOW_TIMEOUT_MS = 10_000

type Doc = { _id: string; _type: string; headline?: string; publishedAt?: string; slug?: { current: string } }

const lines = fs.readFileSync(DEMO_DATASET, 'utf8').split('\n')
/** The newest published article: it leads the front page. */
const articleLine = lines
  .map((line, index) => ({ index, doc: (line.trim() ? JSON.parse(line) : {}) as Doc }))
  .filter(({ doc }) => doc._type === 'article' && !doc._id.startsWith('drafts.'))
  .sort((a, b) => (b.doc.publishedAt ?? '').localeCompare(a.doc.publishedAt ?? ''))[0]
const article = articleLine.doc
const articlePath = `/articles/${article.slug?.current}`

let server: OwnServer | undefined
let dataset = ''

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
  const response = await fetch(server!.origin + pathname, { cache: 'no-store' })
  return { status: response.status, cache: response.headers.get('x-nextjs-cache'), html: await response.text() }
}

async function waitFor(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = SHOW_TIMEOUT_MS) {
  const started = Date.now()
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\n--- server log ---\n${log().slice(-3000)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const log = () => server?.log() ?? ''
const shows = async (pathname: string, text: string) => (await get(pathname)).html.includes(text)

beforeAll(async () => {
  server = await startOwnServer({
    name: 'dataset-watch',
    ports: [3120, 3121, 3122, 3123, 3124, 3125, 3126, 3127, 3128, 3129],
    datasetText: lines.join('\n'),
    // Lets this file run against another build while working on it; the suite uses its own.
    ...(process.env.DATASET_WATCH_DIST_DIR ? { builtDir: process.env.DATASET_WATCH_DIST_DIR } : {}),
  })
  dataset = server.dataset
}, 90_000)

afterAll(() => server?.stop())

describe('editing LOCAL_DATASET while the site runs', () => {
  it('shows a saved edit on the cached article and front page, without a restart', async () => {
    for (const pathname of [articlePath, '/']) {
      // Cached: a page prerendered by a build more than its revalidate time ago answers STALE
      // once, and HIT when regenerated.
      await waitFor(async () => (await get(pathname)).cache === 'HIT', `${pathname} to be cached`)
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
    await waitFor(() => log().includes(`LOCAL_DATASET ${dataset} line ${articleLineNumber} is not valid JSON`), `the refusal naming line ${articleLineNumber}`)
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

  it('after a restart on the file as it was before the edits, serves what the file says, not the pages cached from the edits', async () => {
    expect(await shows(articlePath, 'Recovered edit')).toBe(true)
    await server!.restart(() => fs.writeFileSync(dataset, lines.join('\n')))
    for (const pathname of [articlePath, '/']) {
      const page = await get(pathname)
      expect([pathname, page.status, page.html.includes('Recovered edit'), page.html.includes(article.headline!)]).toEqual([pathname, 200, false, true])
    }
  }, 120_000)
})
