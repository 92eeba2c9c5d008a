import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import CANARY_SECRETS from './canary.json'
import { closeBrowser, launchBrowser, recordCspViolations } from './support/browser'
import { startOwnServer, type OwnServer } from './support/own-server'

/**
 * Editors at work in the real Studio on the embedded dataset, through the local Content Lake,
 * on a server of their own with a copy of the demo dataset: every change is checked where it
 * lands (the dataset file, in Sanity's export format) and where readers see it (the site).
 * Every request to another host is blocked and counted, and the count must be 0; so must the
 * console errors and the Content-Security-Policy violations, in the Studio and in Presentation's
 * preview of the site.
 */

type Doc = { _id: string; _type: string; headline?: string; keyPoints?: string[]; slug?: { current: string } }

let server: OwnServer | undefined
let browser: Browser | undefined
const outside: string[] = []
const consoleErrors: string[] = []
const cspViolations: string[] = []

beforeAll(async () => {
  ;[server, browser] = await Promise.all([
    startOwnServer({
      name: 'studio-editing',
      ports: [3140, 3141, 3142, 3143, 3144],
      copyImages: true,
      env: { LOCAL_EDITOR_TOKEN: CANARY_SECRETS.LOCAL_EDITOR_TOKEN, PREVIEW_SECRET: CANARY_SECRETS.PREVIEW_SECRET },
    }),
    launchBrowser(),
  ])
}, 120_000)

afterAll(async () => {
  await closeBrowser(browser)
  await server?.stop()
})

afterEach(() => {
  expect(outside).toEqual([])
  expect(cspViolations).toEqual([])
  cspViolations.length = 0
  expect(consoleErrors).toEqual([])
  outside.length = 0
  consoleErrors.length = 0
})

/** A signed-in editor's browser: its own context, as a second tab of another editor would be. */
async function editor(): Promise<{ context: BrowserContext; open: (path: string) => Promise<Page> }> {
  const origin = server!.origin
  const context = await browser!.newContext({ baseURL: origin, viewport: { width: 1400, height: 900 } })
  await recordCspViolations(context, cspViolations)
  await context.route('**/*', (route) => {
    const address = route.request().url()
    if (new URL(address).origin === origin) return route.continue()
    outside.push(address)
    return route.abort('blockedbyclient')
  })
  const signIn = await context.newPage()
  await signIn.goto(`/api/lake/sign-in?token=${CANARY_SECRETS.LOCAL_EDITOR_TOKEN}`)
  await signIn.close()
  const open = async (path: string) => {
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(error.message))
    // Names the address of each failed load, which the console message leaves out.
    page.on('response', (response) => {
      if (response.status() >= 400) consoleErrors.push(`HTTP ${response.status()} ${response.url()}`)
    })
    await page.goto(path)
    return page
  }
  return { context, open }
}

const documentPath = (id: string) => `/studio/structure/article;${id}`
/** An input the editor can type in: the Studio renders them read-only until the document is loaded and listened to. */
const editable = (page: Page, field: string) =>
  page.locator(`[data-testid="field-${field}"] input:not([readonly]), [data-testid="field-${field}"] textarea:not([readonly])`).first()

function datasetDocuments(): Map<string, Doc> {
  const docs = new Map<string, Doc>()
  for (const line of fs.readFileSync(server!.dataset, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const doc = JSON.parse(line) as Doc
    docs.set(doc._id, doc)
  }
  return docs
}

/** Polls until `check` holds; functional waits only, nothing here is a timing assertion. */
async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\n--- server log ---\n${server!.log().slice(-2000)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** An editor opens an article and types a new headline; returns once the draft is in the dataset file. */
async function draftHeadline(id: string, headline: string) {
  const { context, open } = await editor()
  const page = await open(documentPath(id))
  await editable(page, 'headline').waitFor({ timeout: 60_000 })
  await editable(page, 'headline').fill(headline)
  await eventually('the draft in the dataset file', () => datasetDocuments().get(`drafts.${id}`)?.headline === headline)
  return { context, page }
}

const readerPage = async (path: string) => {
  const response = await fetch(server!.origin + path, { cache: 'no-store' })
  return { status: response.status, html: await response.text() }
}

describe('editing in the Studio on the embedded dataset', () => {
  it('saves an edit as a draft in the dataset file, publishing shows it on the public page, and the history panel restores the earlier version', async () => {
    const id = 'article-deep-sea-mining-sediment-plumes'
    const { context, page } = await draftHeadline(id, 'Sediment plumes travel farther than models predicted')
    expect(datasetDocuments().get(id)?.headline).toBe('Deep-sea mining test shows sediment plumes travel farther than predicted')
    // A draft is for editors: the public page still shows the published headline.
    expect((await readerPage('/articles/deep-sea-mining-sediment-plumes')).html).not.toContain('models predicted')

    await page.locator('[data-testid="action-publish"]').click()
    await eventually('the published document in the dataset file', () => {
      const docs = datasetDocuments()
      return !docs.has(`drafts.${id}`) && docs.get(id)?.headline === 'Sediment plumes travel farther than models predicted'
    })
    await eventually('the public page to show the new headline', async () =>
      (await readerPage('/articles/deep-sea-mining-sediment-plumes')).html.includes('Sediment plumes travel farther than models predicted'),
    )

    // The history panel lists the publish; picking the version that came with the dataset and
    // reverting to it makes a draft of it, and publishing that brings the old headline back.
    const original = 'Deep-sea mining test shows sediment plumes travel farther than predicted'
    await page.locator('[data-testid="pane-footer-document-status"]').click()
    await page.getByRole('tab', { name: 'History' }).click()
    const revisions = page.locator('[data-testid="timeline-item-button"]')
    await revisions.nth(1).waitFor()
    await revisions.last().click()
    await eventually('the old revision in the form', async () => (await page.locator('[data-testid="field-headline"] input').first().inputValue()) === original)
    await page.locator('[data-testid="action-reverttorevision"]').click()
    await page.locator('[data-testid="confirm-popover-confirm-button"]').click()
    await eventually('the restored draft in the dataset file', () => datasetDocuments().get(`drafts.${id}`)?.headline === original)
    await page.locator('[data-testid="action-publish"]').click()
    await eventually('the restored headline published', () => datasetDocuments().get(id)?.headline === original && !datasetDocuments().has(`drafts.${id}`))
    await eventually('the public page to show the restored headline', async () =>
      (await readerPage('/articles/deep-sea-mining-sediment-plumes')).html.includes(original),
    )
    await context.close()
  })

  it('shows each editor the other’s change live, in two browsers on the same article, and loses neither edit', async () => {
    const id = 'article-container-rates-slide-before-peak'
    const [first, second] = [await editor(), await editor()]
    const [mine, theirs] = [await first.open(documentPath(id)), await second.open(documentPath(id))]
    await Promise.all([editable(mine, 'headline').waitFor({ timeout: 60_000 }), editable(theirs, 'headline').waitFor({ timeout: 60_000 })])

    await editable(mine, 'headline').fill('Freight rates slide as new ships arrive')
    await eventually(
      'the other browser to show the new headline',
      async () => (await editable(theirs, 'headline').inputValue()) === 'Freight rates slide as new ships arrive',
    )
    await editable(theirs, 'standfirst').fill('Shipping lines face a glut of capacity.')
    await eventually(
      'the first browser to show the new standfirst',
      async () => (await editable(mine, 'standfirst').inputValue()) === 'Shipping lines face a glut of capacity.',
    )

    await eventually('both edits in the draft in the dataset file', () => {
      const draft = datasetDocuments().get(`drafts.${id}`) as (Doc & { standfirst?: string }) | undefined
      return draft?.headline === 'Freight rates slide as new ships arrive' && draft.standfirst === 'Shipping lines face a glut of capacity.'
    })
    await Promise.all([first.context.close(), second.context.close()])
  })

  it('creates an article with key points, a picture, a quote, a section and a byline; published, it is on the front and section pages, the feed and the sitemap', async () => {
    const headline = 'Harbour cranes go electric in a first test for the port'
    const slug = 'harbour-cranes-go-electric-in-a-first-test-for-the-port'
    const picture = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'studio-upload-')), 'cranes.jpg')
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2a6f97' } })
      .jpeg()
      .toFile(picture)
    const imagesBefore = fs.readdirSync(path.join(path.dirname(server!.dataset), 'images')).length

    const { context, open } = await editor()
    const page = await open('/studio/intent/create/template=article;type=article/')
    await editable(page, 'headline').waitFor({ timeout: 60_000 })
    await editable(page, 'headline').fill(headline)
    await page.locator('[data-testid="field-slug"] button:has-text("Generate")').click()
    await editable(page, 'standfirst').fill('The first of twelve cranes now runs on grid power.')
    await page.locator('[data-testid="field-keyPoints"] button:has-text("Add item")').click()
    await page.keyboard.type('Twelve cranes will switch by 2028')
    await page.locator('input[data-testid="file-button-input"]').first().setInputFiles(picture)
    await editable(page, 'heroImage.alt').fill('A crane against a blue sky')
    await page.locator('[data-testid="field-body"] [contenteditable="true"]').first().click()
    await page.keyboard.type('The port authority switched its first crane on Monday.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('We will not go back to diesel.')
    await page.locator('[data-testid="field-body"] button:has-text("Paragraph")').first().click()
    await page.locator('[data-ui="MenuItem"]:has-text("Quote")').first().click()
    // Every field on one form; a click that only closes the style menu's popover is tried again.
    await eventually('the form to show all fields', async () => {
      await page.locator('[data-testid="group-tab-all-fields"]').click()
      return page.locator('[data-testid="field-bylines"]').isVisible()
    })
    /** Types into a reference field and picks the match from its own list of options (in its popover: the desk's lists have options too). */
    const choose = async (scope: string, typed: string, option: string) => {
      const input = page.locator(`${scope} [data-testid="reference-input"] input[data-testid="autocomplete"]`).first()
      await input.fill(typed)
      await page.locator('[data-ui="Popover"] [role="option"]').filter({ hasText: option }).first().click()
    }
    await choose('', 'Business', 'Business')
    await page.locator('[data-testid="field-bylines"] button:has-text("Add item")').click()
    await choose('[role="dialog"]', 'Sophie', 'Sophie Laurent')
    await page.keyboard.press('Escape')

    type Created = Doc & {
      keyPoints?: string[]
      heroImage?: { _sanityAsset?: string; alt?: string }
      body?: { style?: string }[]
      section?: { _ref: string }
      bylines?: { person: { _ref: string } }[]
    }
    // Every edit saved in the draft first: a publish sends the draft as the lake holds it.
    await eventually('the whole draft in the dataset file', () =>
      [...datasetDocuments().values()].some(
        (doc) => doc._id.startsWith('drafts.') && doc.headline === headline && Boolean((doc as Created).bylines?.[0]?.person),
      ),
    )
    await page.locator('[data-testid="action-publish"]').click({ timeout: 30_000 })
    let created: Created | undefined
    await eventually('the published article in the dataset file', () => {
      created = [...datasetDocuments().values()].find((doc) => doc.headline === headline && !doc._id.startsWith('drafts.')) as Created | undefined
      return Boolean(created?.bylines?.length)
    })
    expect(created).toMatchObject({
      slug: { current: slug },
      keyPoints: ['Twelve cranes will switch by 2028'],
      heroImage: { alt: 'A crane against a blue sky', _sanityAsset: expect.stringMatching(/^image@file:\/\/\.\/images\/[0-9a-f]{40}-1600x900\.jpg$/) },
      section: { _ref: 'section-business' },
      bylines: [{ person: { _ref: 'person-sophie-laurent' } }],
    })
    expect(created!.body!.map((block) => block.style)).toEqual(['normal', 'blockquote'])
    // The upload is a file in the dataset's images folder, as an export names it.
    expect(fs.readdirSync(path.join(path.dirname(server!.dataset), 'images'))).toHaveLength(imagesBefore + 1)

    for (const readerPath of [`/articles/${slug}`, '/', '/sections/business', '/feeds/rss.xml', '/sitemaps/articles-1.xml']) {
      await eventually(`${readerPath} to list the new article`, async () =>
        (await readerPage(readerPath)).html.includes(readerPath === '/sitemaps/articles-1.xml' ? `/articles/${slug}` : headline),
      )
    }
    await context.close()
  })

  it('adds a correction to a published article; published, it is above the story, on /corrections and in its feed, and the dateline says Updated', async () => {
    const id = 'article-andes-lithium-town-water-dispute'
    const articlePath = '/articles/andes-lithium-town-water-dispute'
    const text = 'An earlier version of this article gave the wrong altitude for the town.'
    // Cached before the change: what publishing has to expire.
    for (const readerPath of [articlePath, '/corrections', '/corrections/rss.xml']) expect((await readerPage(readerPath)).html).not.toContain(text)

    const { context, open } = await editor()
    const page = await open(documentPath(id))
    await editable(page, 'headline').waitFor({ timeout: 60_000 })
    await eventually('the form to show all fields', async () => {
      await page.locator('[data-testid="group-tab-all-fields"]').click()
      return page.locator('[data-testid="field-corrections"]').isVisible()
    })
    // The correction's time starts at now; the editor says what was put right.
    await page.locator('[data-testid="field-corrections"] button:has-text("Add item")').click()
    await page.locator('[role="dialog"] textarea').first().fill(text)
    await page.keyboard.press('Escape')
    type Corrected = Doc & { corrections?: { _type: string; date?: string; text?: string }[] }
    await eventually('the correction in the draft', () => (datasetDocuments().get(`drafts.${id}`) as Corrected | undefined)?.corrections?.[0]?.text === text)
    await page.locator('[data-testid="action-publish"]').click({ timeout: 30_000 })
    await eventually(
      'the published correction in the dataset file',
      () => (datasetDocuments().get(id) as Corrected | undefined)?.corrections?.[0]?.text === text,
    )
    const [correction] = (datasetDocuments().get(id) as Corrected).corrections!
    expect(correction).toMatchObject({ _type: 'correction', date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })

    for (const readerPath of [articlePath, '/corrections', '/corrections/rss.xml']) {
      await eventually(`${readerPath} to show the correction`, async () => (await readerPage(readerPath)).html.includes(text))
    }
    expect((await readerPage(articlePath)).html).toMatch(/Updated <time/)
    await context.close()
  })

  it('shares a draft through the Studio’s "Share preview link", offline: the link shows the draft, the public page does not', async () => {
    const id = 'article-silk-road-textiles-exhibition'
    const { context, page } = await draftHeadline(id, 'A draft for one reader’s eyes')

    await page.locator('[data-testid="action-menu-button"]').click()
    await page.locator('[data-testid="action-Sharepreview link"]').click()
    const shown = page.locator('[role="dialog"] code')
    await shown.waitFor({ timeout: 30_000 })
    const link = new URL(await shown.innerText())
    expect(link.pathname).toMatch(/^\/preview\/[^/]+$/)
    const preview = await readerPage(link.pathname)
    expect(preview.status).toBe(200)
    expect(preview.html).toContain('A draft for one reader’s eyes')
    expect((await readerPage('/articles/silk-road-textiles-exhibition')).html).not.toContain('A draft for one reader’s eyes')
    // The Studio's secret lived in memory only.
    expect(fs.readFileSync(`${server!.dataset}.journal`, 'utf8')).not.toContain('sanity.previewUrlSecret')
    expect(fs.readFileSync(server!.dataset, 'utf8')).not.toContain('sanity.previewUrlSecret')

    // Without a secret the Studio made, no link.
    const forged = await fetch(`${server!.origin}/api/preview-link?slug=silk-road-textiles-exhibition&sanity-preview-secret=forged`, { method: 'POST' })
    expect(forged.status).toBe(401)
    await context.close()
  })

  it('opens an article in Presentation in draft mode, offline: the draft shows, a click on a key point focuses its field, and typing shows in the preview without a reload', async () => {
    const id = 'article-open-source-maintainers-fund'
    const { context, page } = await draftHeadline(id, 'A draft seen in Presentation')

    await page.goto('/studio/presentation?preview=%2Farticles%2Fopen-source-maintainers-fund')
    const preview = page.frameLocator('iframe').first()
    await preview.getByText('A draft seen in Presentation').first().waitFor({ timeout: 60_000 })
    await preview.getByText('Preview: showing drafts').first().waitFor()
    // Readers still see the published article, with no editing attributes.
    const published = (await readerPage('/articles/open-source-maintainers-fund')).html
    expect(published).not.toContain('A draft seen in Presentation')
    expect(published).not.toContain('data-sanity')

    // Click-to-edit: the key point's overlay opens the article with that very field focused.
    const secondPoint = 'Grants will target widely used libraries maintained by one or two people'
    await preview.locator('li[data-sanity]', { hasText: secondPoint }).click()
    await eventually('the key point’s field to have the focus', () =>
      page.evaluate((text) => {
        const focused = document.activeElement as HTMLInputElement | null
        return !!focused?.closest('[data-testid="field-keyPoints"]') && focused.value === text
      }, secondPoint),
    )

    // What the editor types reaches the preview, in the same document (no reload).
    const frame = page.frames().find((candidate) => candidate.url().includes('/articles/open-source-maintainers-fund'))!
    await frame.evaluate(() => Object.assign(window, { loadedOnce: true }))
    await page.locator('[data-testid="field-keyPoints"] input:not([readonly])').nth(1).fill('A key point typed in Presentation')
    await eventually('the typed key point in the draft', () => datasetDocuments().get(`drafts.${id}`)?.keyPoints?.[1] === 'A key point typed in Presentation')
    await preview.getByText('A key point typed in Presentation').first().waitFor({ timeout: 20_000 })
    expect(await frame.evaluate(() => (window as { loadedOnce?: boolean }).loadedOnce)).toBe(true)
    // The stream that refreshes the preview is for pages in draft mode only.
    expect((await fetch(`${server!.origin}/api/draft-mode/changes`)).status).toBe(401)

    const forged = await fetch(`${server!.origin}/api/draft-mode/enable?sanity-preview-secret=forged&sanity-preview-pathname=/`, { redirect: 'manual' })
    expect(forged.status).toBe(401)
    expect(forged.headers.get('set-cookie')).toBeNull()
    await context.close()
  })

  it('discards a draft, duplicates, unpublishes and deletes, each seen in the dataset and on the reader site', async () => {
    const id = 'article-mekong-drought-rice-planting'
    const articlePath = '/articles/mekong-drought-rice-planting'
    const { context, open } = await editor()
    const page = await open(documentPath(id))
    const action = async (name: string) => {
      await page.locator('[data-testid="action-menu-button"]').click()
      await page.locator(`[data-testid="action-${name}"]`).click()
    }
    const confirm = () => page.locator('[role="dialog"] [data-testid="confirm-button"]').click()
    await editable(page, 'headline').waitFor({ timeout: 60_000 })

    // Discard: the draft goes, the published article stays as it was.
    await editable(page, 'headline').fill('A headline no one will read')
    await eventually('the draft in the dataset file', () => datasetDocuments().has(`drafts.${id}`))
    await action('Discardchanges')
    await confirm()
    await eventually('the draft to be discarded', () => !datasetDocuments().has(`drafts.${id}`))
    expect(datasetDocuments().has(id)).toBe(true)

    // Duplicate: a new draft with the same headline, under an id of its own.
    const before = new Set(datasetDocuments().keys())
    const headline = datasetDocuments().get(id)!.headline
    await action('Duplicate')
    await eventually('the duplicate in the dataset file', () =>
      [...datasetDocuments().values()].some((doc) => !before.has(doc._id) && doc._id.startsWith('drafts.') && doc.headline === headline),
    )

    // Unpublish, then delete, the original.
    await page.goto(documentPath(id))
    await page.locator('[data-testid="document-header-Published-chip"]').click()
    await page.locator('[data-testid="action-unpublish"]').click()
    await confirm()
    await eventually('the article to be unpublished', () => !datasetDocuments().has(id) && datasetDocuments().has(`drafts.${id}`))
    await eventually('the public page to be gone', async () => (await readerPage(articlePath)).status === 404)

    await page.goto(documentPath(id))
    await editable(page, 'headline').waitFor({ timeout: 60_000 })
    await action('Delete')
    await confirm()
    await eventually('the article to be deleted', () => !datasetDocuments().has(id) && !datasetDocuments().has(`drafts.${id}`))
    await context.close()
  })
})
