import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { LocalStore } from '@/lib/content/sources/local-store'
import { openLake } from './support/local-lake'

/**
 * The local Content Lake's contract, through its router as the Studio calls it: editors only,
 * Sanity's error shapes and statuses, the actions the Studio sends, and every acknowledged
 * transaction durable in the journal before the answer, so a new store (a restart after a
 * crash) holds it.
 */

jest.mock('@/lib/revalidate/local-publish', () => ({ expireCachedPagesAfterReload: jest.fn(), expireAfterResponseIfReplaced: jest.fn() }))

const ARTICLE = { _id: 'article-a', _type: 'article', _rev: 'rev-1', headline: 'First', body: [{ _type: 'block', _key: 'b1', children: [] }] }
const { file, original, call, post } = openLake([ARTICLE, { _id: 'section-a', _type: 'section', title: 'World' }])
const actions = (list: unknown[]) => post('v2025-02-19/data/actions/embedded', { actions: list })
const mutate = (mutations: unknown[]) => post('v2025-02-19/data/mutate/embedded?returnIds=true', { mutations })
const query = async (groq: string, perspective = 'raw') =>
  (await (await call(`v2025-02-19/data/query/embedded?query=${encodeURIComponent(groq)}&perspective=${perspective}`)).json()).result

beforeAll(() => jest.spyOn(console, 'log').mockImplementation(() => {}))

describe('editors only', () => {
  it.each([
    ['v2025-02-19/users/me', 'GET'],
    ['v2025-02-19/data/query/embedded?query=*', 'GET'],
    ['v2025-02-19/data/mutate/embedded', 'POST'],
    ['v2025-02-19/data/listen/embedded?query=*', 'GET'],
    ['v2025-02-19/assets/images/embedded', 'POST'],
  ])('answers 401 without the token: %s', async (route, method) => {
    const body = method === 'POST' ? JSON.stringify({ mutations: [{ delete: { id: 'article-a' } }] }) : undefined
    const response = await call(route, { method, body, token: null })
    expect(response.status).toBe(401)
    expect((await response.json()).error.type).toBe('unauthorized')
    const wrong = await call(route, { method, body, token: 'not-the-token' })
    expect(wrong.status).toBe(401)
    expect(fs.readFileSync(file, 'utf8')).toBe(original)
  })

  it('sends the Studio’s image requests to the site’s image route, on the same site', async () => {
    const response = await call('images/local/embedded/abc-1600x900.jpg?rect=0,0,900,900&w=33&h=33&fit=crop', { token: null })
    expect(response.status).toBe(308)
    expect(response.headers.get('location')).toBe('http://localhost:3000/images/local/embedded/abc-1600x900.jpg?rect=0,0,900,900&w=33&h=33&fit=crop')
  })

  it('tells the Studio who is signed in', async () => {
    expect(await (await call('v2025-02-19/users/me')).json()).toMatchObject({ id: 'local-editor', role: 'administrator' })
  })
})

describe('bad input', () => {
  it('answers 400 in Sanity error shape for a malformed mutation or query, changing nothing', async () => {
    for (const response of [
      await post('v2025-02-19/data/mutate/embedded', { mutations: [{ explode: {} }] }),
      await post('v2025-02-19/data/mutate/embedded', { mutations: 'no' }),
      await post('v2025-02-19/data/mutate/embedded', { mutations: [{ create: { _id: 5, _type: 'article' } }] }),
      await call('v2025-02-19/data/mutate/embedded', { method: 'POST', body: '{not json' }),
      await call('v2025-02-19/data/query/embedded?query=*%5B', {}),
      // JSON, but not an object: found by tests/e2e/fuzz.e2e.ts, each was a 500.
      ...(await Promise.all(['null', '[]', '7', '"mutations"'].map((body) => call('v2025-02-19/data/mutate/embedded', { method: 'POST', body })))),
      await call('v2025-02-19/data/query/embedded', { method: 'POST', body: 'null' }),
    ]) {
      expect(response.status).toBe(400)
      expect((await response.json()).error).toEqual({ description: expect.any(String), type: expect.any(String) })
    }
    expect(await query('*[_id == "article-a"][0].headline')).toBe('First')
  })

  it('answers 409 for a stale ifRevisionID and for creating an existing document', async () => {
    const stale = await mutate([{ patch: { id: 'article-a', ifRevisionID: 'not-the-rev', set: { headline: 'Lost' } } }])
    expect(stale.status).toBe(409)
    const existing = await mutate([{ create: { _id: 'article-a', _type: 'article' } }])
    expect(existing.status).toBe(409)
    expect(await query('*[_id == "article-a"][0].headline')).toBe('First')
  })

  it('answers 404 for an unknown dataset and 413 for an upload over the limit', async () => {
    expect((await call('v2025-02-19/data/query/production?query=*')).status).toBe(404)
    const tooLarge = await call('v2025-02-19/assets/images/embedded', { method: 'POST', headers: { 'content-length': String(64 * 1024 * 1024) }, body: 'x' })
    expect(tooLarge.status).toBe(413)
  })
})

describe('the Studio’s actions', () => {
  it('edits into a draft made from the published document, then publishes it', async () => {
    const edit = await actions([
      { actionType: 'sanity.action.document.edit', draftId: 'drafts.article-a', publishedId: 'article-a', patch: { set: { headline: 'Second' } } },
    ])
    expect(edit.status).toBe(200)
    expect(await query('*[_id == "drafts.article-a"][0]{headline, "blocks": count(body)}')).toEqual({ headline: 'Second', blocks: 1 })
    expect(await query('*[_id == "article-a"][0].headline', 'published')).toBe('First')
    expect(await query('*[_id == "article-a"][0].headline', 'drafts')).toBe('Second')

    const { transactionId } = await (
      await actions([{ actionType: 'sanity.action.document.publish', draftId: 'drafts.article-a', publishedId: 'article-a' }])
    ).json()
    expect(await query('*[_id in ["article-a", "drafts.article-a"]]{_id, headline, _rev}')).toEqual([
      { _id: 'article-a', headline: 'Second', _rev: transactionId },
    ])
  })

  it('discards a draft as a version, and creates one from its published document', async () => {
    expect(
      (await actions([{ actionType: 'sanity.action.document.version.create', publishedId: 'article-a', baseId: 'article-a', versionId: 'drafts.article-a' }]))
        .status,
    ).toBe(200)
    expect(await query('*[_id == "drafts.article-a"][0].headline')).toBe('Second')
    expect((await actions([{ actionType: 'sanity.action.document.version.discard', versionId: 'drafts.article-a' }])).status).toBe(200)
    expect(await query('*[_id in ["article-a", "drafts.article-a"]]._id')).toEqual(['article-a'])
    // A published document is not a version: discarding it is refused, and it stays.
    expect((await actions([{ actionType: 'sanity.action.document.version.discard', versionId: 'article-a' }])).status).toBe(400)
    expect(
      (
        await actions([
          { actionType: 'sanity.action.document.version.create', publishedId: 'article-a', document: { _id: 'versions.r1.article-a', _type: 'article' } },
        ])
      ).status,
    ).toBe(400)
    expect(await query('*[_id match "*article-a"]._id')).toEqual(['article-a'])
  })

  it('applies a transaction whole or not at all', async () => {
    const response = await mutate([
      { createOrReplace: { _id: 'article-b', _type: 'article', headline: 'B' } },
      { patch: { id: 'article-missing', set: { headline: 'x' } } },
    ])
    expect(response.status).toBe(409)
    expect(await query('*[_id == "article-b"]')).toEqual([])
  })

  it('keeps the history, with a first revision for a document that came with the file', async () => {
    const log = await (await call('v2025-02-19/data/history/embedded/transactions/article-a?excludeContent=true')).text()
    const transactions = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(transactions[0]).toMatchObject({ id: 'rev-1' })
    expect(transactions.length).toBeGreaterThanOrEqual(2)
    const first = await (await call('v2025-02-19/data/history/embedded/documents/article-a?revision=rev-1')).json()
    expect(first.documents[0].headline).toBe('First')
  })

  it('lists the document’s events, newest first, for the history panel: publishes, drafts made and discarded', async () => {
    const response = await (await call('v2025-02-19/data/history/embedded/events/documents/article-a?limit=100')).json()
    const events = response.events['article-a'] as { type: string; revisionId?: string; versionRevisionId?: string; creationEvent?: { type: string } }[]
    expect(events.map((event) => event.type)).toEqual([
      'deleteDocumentVersion',
      'createDocumentVersion',
      'publishDocumentVersion',
      'createDocumentVersion',
      'publishDocumentVersion',
    ])
    const [discard, , publish, , original] = events
    // A publish names the published revision (what "restore" reads back) and the draft's last one, with the event that made the draft.
    const published = await (await call(`v2025-02-19/data/history/embedded/documents/article-a?revision=${publish.revisionId}`)).json()
    expect(published.documents[0].headline).toBe('Second')
    expect(publish).toMatchObject({ versionId: 'drafts.article-a', versionRevisionId: expect.any(String), creationEvent: { type: 'createDocumentVersion' } })
    expect(discard.creationEvent).toMatchObject({ type: 'createDocumentVersion' })
    expect(original).toMatchObject({ revisionId: 'rev-1' })
    // A draft made after the publish starts from the published revision, which the panel shows for it.
    expect(events[1]).toMatchObject({ revisionId: publish.revisionId })
    // The draft "at" the first publish, which had no draft before it, is the version published then.
    const draftAtFirst = await (await call('v2025-02-19/data/history/embedded/documents/drafts.article-a?revision=rev-1')).json()
    expect(draftAtFirst.documents[0]).toMatchObject({ _id: 'drafts.article-a', headline: 'First' })
    // Pages: two at a time, then the rest.
    const first = await (await call('v2025-02-19/data/history/embedded/events/documents/article-a?limit=2')).json()
    expect(first.events['article-a']).toHaveLength(2)
    const rest = await (await call(`v2025-02-19/data/history/embedded/events/documents/article-a?limit=100&nextCursor=${first.nextCursor}`)).json()
    expect(rest.events['article-a']).toHaveLength(3)
    expect(rest.nextCursor).toBe('')
  })
})

describe('images', () => {
  it('keeps an uploaded image as a document the Studio’s reference check finds', async () => {
    const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#336699' } })
      .png()
      .toBuffer()
    const upload = await call('v2025-02-19/assets/images/embedded', { method: 'POST', body: new Uint8Array(png), headers: { 'content-type': 'image/png' } })
    expect(upload.status).toBe(200)
    const { document } = await upload.json()
    expect(document).toMatchObject({ _type: 'sanity.imageAsset', metadata: { dimensions: { width: 4, height: 3 } } })
    const found = await (await call(`v2025-02-19/data/doc/embedded/${document._id},image-missing-1x1-png?excludeContent=true`)).json()
    expect(found.documents.map((doc: { _id: string }) => doc._id)).toEqual([document._id])
    expect(found.omitted).toEqual([{ id: 'image-missing-1x1-png', reason: 'existence' }])
  })

  it('renders the Studio’s own sizes for the editor, never enlarged; the site’s route refuses them', async () => {
    process.env.NEXT_DIST_DIR = path.join(path.dirname(file), 'dist')
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
      .png()
      .toBuffer()
    const { document } = await (
      await call('v2025-02-19/assets/images/embedded', { method: 'POST', body: new Uint8Array(png), headers: { 'content-type': 'image/png' } })
    ).json()
    // The Studio asks for `${asset.url}?h=800&fit=max`: the url is at the lake, so the editor's cookie comes along.
    expect(document.url).toBe(`/api/lake/images/local/embedded/${document.originalFilename}`)
    const studioImage = `images/local/embedded/${document.originalFilename}`
    for (const [query, size] of [
      ['h=800&fit=max', [40, 30]],
      ['w=16&h=16&fit=crop&dpr=2', [30, 30]],
      ['w=20&dpr=1.5&auto=format', [30, 23]],
    ] as const) {
      const response = await call(`${studioImage}?${query}`)
      expect([query, response.status, response.headers.get('cache-control')]).toEqual([query, 200, 'private, max-age=31536000, immutable'])
      const { width, height } = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
      expect([query, width, height]).toEqual([query, ...size])
    }
    expect((await call(`${studioImage}?w=16&h=16&fit=crop&dpr=4`)).status).toBe(400)
    expect((await call(`${studioImage}?h=800&fit=max`, { token: null })).status).toBe(308)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { GET } = require('@/app/images/[...path]/route') as typeof import('@/app/images/[...path]/route')
    const site = await GET(new Request(`http://localhost:3000/${studioImage}?h=800&fit=max`), {
      params: Promise.resolve({ path: studioImage.split('/').slice(1) }),
    })
    expect(site.status).toBe(400)
  })
})

describe('preview secrets', () => {
  it('keeps the Studio’s preview secrets in memory only: never in the journal or the dataset file', async () => {
    const secret = 'a-preview-secret-never-written-0123456789'
    const response = await mutate([
      { createOrReplace: { _id: 'drafts.secret-1', _type: 'sanity.previewUrlSecret', secret, studioUrl: 'http://localhost:3000/studio' } },
      { createOrReplace: { _id: 'section-b', _type: 'section', title: 'Written with the secret' } },
    ])
    expect(response.status).toBe(200)
    expect(await query('*[_type == "sanity.previewUrlSecret"][0].secret')).toBe(secret)
    // The store rewrites the file within 2 s of a commit.
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    expect(fs.readFileSync(file, 'utf8')).toContain('Written with the secret')
    expect(fs.readFileSync(`${file}.journal`, 'utf8')).not.toContain(secret)
    expect(fs.readFileSync(file, 'utf8')).not.toContain(secret)
  })
})

describe('durability', () => {
  it('holds every acknowledged transaction after a restart, and a line cut short by a crash is dropped', async () => {
    const ack = await mutate([{ createOrReplace: { _id: 'article-c', _type: 'article', headline: 'Acknowledged' } }])
    expect(ack.status).toBe(200)
    // A crash in the middle of the next append: half a line, never acknowledged.
    fs.appendFileSync(`${file}.journal`, '{"t":"tx","id":"half')
    const restarted = new LocalStore(file, { onVersion: () => {} })
    expect(restarted.get('article-c')?.headline).toBe('Acknowledged')
    expect(restarted.get('article-a')?.headline).toBe('Second')
    expect(fs.readFileSync(`${file}.journal`, 'utf8').endsWith('\n')).toBe(true)
  })

  it('rewrites the dataset file in the export format with every change', async () => {
    const restarted = new LocalStore(file, { onVersion: () => {} })
    await restarted.commit('test', (draft) => draft.put({ _id: 'article-d', _type: 'article', headline: 'Flushed' }))
    await restarted.flush()
    const docs = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(docs.map((doc) => doc._id).sort()).toEqual(['article-a', 'article-c', 'article-d', 'section-a', 'section-b'])
    expect(docs.find((doc) => doc._id === 'article-a').body).toHaveLength(1)
  })
})
