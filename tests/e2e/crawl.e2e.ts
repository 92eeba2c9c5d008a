// Crawls the whole demo site from the front page, following every internal <a href>, and
// checks that every page answers 200. Plain fetch and a regular expression over the HTML,
// not the browser: this is about links, not rendering.
import { baseUrl } from './support/server'

const MAX_PAGES = 2000
const CONCURRENCY = 4
/** Not pages of the reader site: the Studio and the API routes. */
const SKIPPED = [/^\/studio(\/|$)/, /^\/api(\/|$)/]

type Failure = { url: string; status: number | string; from: string }

const decodeEntities = (value: string) =>
  value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')

/** The href of every <a> in an HTML document (attributes in either quote style). */
function hrefsIn(html: string): string[] {
  const hrefs: string[] = []
  for (const tag of html.matchAll(/<a\s[^>]*>/gi)) {
    const href = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag[0])
    if (href) hrefs.push(decodeEntities(href[1] ?? href[2] ?? href[3]))
  }
  return hrefs
}

/** The path and query of an internal link worth following, or undefined. */
function internal(href: string, from: string, origin: string): string | undefined {
  let target: URL
  try {
    target = new URL(href, from)
  } catch {
    return undefined
  }
  if (target.origin !== origin) return undefined
  if (SKIPPED.some((pattern) => pattern.test(target.pathname))) return undefined
  return target.pathname + target.search
}

test('every internal link on the demo site leads to a page that answers 200', async () => {
  const origin = new URL(baseUrl()).origin
  const referrer = new Map<string, string>([['/', '(start)']])
  const queue = ['/']
  const failures: Failure[] = []
  let visited = 0

  async function visit(path: string): Promise<void> {
    const from = referrer.get(path) ?? '?'
    let res: Response
    try {
      res = await fetch(origin + path, { redirect: 'manual', signal: AbortSignal.timeout(30_000) })
    } catch (e) {
      failures.push({ url: path, status: e instanceof Error ? e.message : String(e), from })
      return
    }
    if (res.status !== 200) {
      await res.arrayBuffer()
      failures.push({ url: path, status: res.status, from })
      return
    }
    if (!(res.headers.get('content-type') ?? '').includes('text/html')) {
      await res.arrayBuffer()
      return
    }
    for (const href of hrefsIn(await res.text())) {
      const next = internal(href, origin + path, origin)
      if (next && !referrer.has(next)) {
        referrer.set(next, path)
        queue.push(next)
      }
    }
  }

  while (queue.length > 0 && visited < MAX_PAGES) {
    const batch = queue.splice(0, Math.min(CONCURRENCY, MAX_PAGES - visited))
    visited += batch.length
    await Promise.all(batch.map(visit))
  }

  const report = failures.map((f) => `${f.url} answered ${f.status} (linked from ${f.from})`).join('\n')
  if (failures.length > 0) throw new Error(`${failures.length} broken internal link(s):\n${report}`)
  // The crawl really covered the site: every published article, section, person and topic.
  const paths = [...referrer.keys()]
  expect(paths.filter((p) => /^\/articles\/[^/]+$/.test(p)).length).toBeGreaterThanOrEqual(48)
  expect(paths.filter((p) => /^\/sections\/[^/]+$/.test(p)).length).toBeGreaterThanOrEqual(6)
  expect(paths.filter((p) => /^\/people\/[^/]+$/.test(p)).length).toBeGreaterThan(0)
  expect(paths.filter((p) => /^\/tags\/[^/]+$/.test(p)).length).toBeGreaterThan(0)
  expect(queue).toEqual([]) // finished within MAX_PAGES
}, 600_000)

test('the favicon, the icons and the web app manifest that pages name all answer, with their types', async () => {
  const html = await (await fetch(new URL('/', baseUrl()))).text()
  const linked = (rel: string) => new RegExp(`<link rel="${rel}" href="([^"]+)"`).exec(html)?.[1]
  const expected: [string | undefined, RegExp][] = [
    ['/favicon.ico', /^image\/x-icon$/],
    [linked('icon'), /^image\/(svg\+xml|x-icon)/],
    [linked('apple-touch-icon'), /^image\/png$/],
    [linked('manifest'), /^application\/manifest\+json/],
  ]
  for (const [href, type] of expected) {
    expect(href).toBeDefined()
    const response = await fetch(new URL(href!, baseUrl()))
    expect({ href, status: response.status, type: response.headers.get('content-type') }).toEqual({ href, status: 200, type: expect.stringMatching(type) })
  }
  const manifest = await (await fetch(new URL(linked('manifest')!, baseUrl()))).json()
  expect(manifest).toMatchObject({ name: expect.any(String), start_url: '/', icons: expect.any(Array) })
  expect(manifest.name).not.toBe('')
  for (const icon of manifest.icons)
    expect({ src: icon.src, status: (await fetch(new URL(icon.src, baseUrl()))).status }).toEqual({ src: icon.src, status: 200 })
})
