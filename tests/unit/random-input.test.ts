import fc from 'fast-check'
import { createHmac } from 'node:crypto'
import { SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { fixtureDocuments, toNdjson } from '../fixtures/dataset'
import { createLocalSource } from '@/lib/content/sources/local'
import { parseNdjsonDataset } from '@/lib/content/sources/ndjson'
import type { ContentSource } from '@/lib/content/sources/types'
import { redirectTarget } from '@/lib/preview/redirect'
import { createToken, verifyToken } from '@/lib/preview/token'
import { DeliveryMemo, handleRevalidation } from '@/lib/revalidate/handler'
import { highlightSegments, matchPatterns, MAX_QUERY_LENGTH, MAX_TERMS, parseSearchQuery } from '@/lib/search-terms'

/**
 * Properties over random input (fast-check) for each place a stranger's bytes enter: search
 * terms, preview tokens, redirect targets, webhook bodies (signed with the real secret too, so
 * the body's checks are reached), and dataset lines, read through the content functions pages
 * call. tests/e2e/fuzz.e2e.ts sends the same kinds of input to a production server.
 */

let mockSource: ContentSource
jest.mock('@/lib/content/sources', () => ({ contentSource: () => mockSource }))

import { getArticle, getFrontPage, getSiteChrome, listBySection, listLatest, searchArticles } from '@/lib/content'

// PROPERTY_RUNS widens a run (each run draws a new seed; a failure prints the one to replay).
const RUNS = Number(process.env.PROPERTY_RUNS || 300)
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }))

beforeEach(() => {
  jest.spyOn(console, 'warn').mockImplementation(() => {})
  jest.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => jest.restoreAllMocks())

describe('search terms', () => {
  it('any input becomes at most 10 words of letters, digits and marks, within the length limit, and patterns with no operator', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.anything()), (input) => {
        const query = parseSearchQuery(input)
        expect(Array.from(query.text).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
        expect(query.terms.length).toBeLessThanOrEqual(MAX_TERMS)
        for (const term of query.terms) expect(term).toMatch(/^[\p{L}\p{N}\p{M}]+$/u)
        for (const pattern of matchPatterns(query.terms)) expect(pattern).toMatch(/^\*?[\p{L}\p{N}\p{M}]+\*$/u)
      }),
      { numRuns: RUNS * 3 },
    )
  })

  it('highlighting any text for any terms keeps every character, in order', () => {
    fc.assert(
      fc.property(anyText, anyText, (text, typed) => {
        expect(
          highlightSegments(text, parseSearchQuery(typed).terms)
            .map((segment) => segment.text)
            .join(''),
        ).toBe(text)
      }),
      { numRuns: RUNS * 3 },
    )
  })
})

describe('preview tokens', () => {
  const SECRET = 'preview-secret-for-random-input-tests'

  it('no random string is a valid token', () => {
    fc.assert(
      fc.property(anyText, (token) => expect(verifyToken(token, SECRET).ok).toBe(false)),
      { numRuns: RUNS * 3 },
    )
  })

  it('a valid token with any one character changed is refused', () => {
    const { token } = createToken({ kind: 'article', slug: 'harbour-reopens' }, SECRET)
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'ABCxyz019-_.=%'), (at, replacement) => {
        fc.pre(token[at] !== replacement)
        expect(verifyToken(token.slice(0, at) + replacement + token.slice(at + 1), SECRET).ok).toBe(false)
      }),
      { numRuns: RUNS },
    )
  })

  it('a correctly signed payload of any shape is read without throwing, and accepted only as a grant with a real expiry', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 3 }),
        fc.record(
          {
            v: fc.constant(1),
            exp: fc.oneof(fc.integer(), fc.double()),
            kind: fc.constantFrom('article', 'draft-mode', 'draft-session', 'other'),
            slug: fc.anything(),
          },
          { requiredKeys: [] },
        ),
        (junk, shaped) => {
          for (const payload of [junk, shaped]) {
            const body = Buffer.from(JSON.stringify(payload) ?? 'undefined').toString('base64url')
            const signature = createHmac('sha256', SECRET).update(body).digest('base64url')
            const verified = verifyToken(`${body}.${signature}`, SECRET)
            if (verified.ok) expect(Number.isNaN(verified.expiresAt.getTime())).toBe(false)
          }
        },
      ),
      { numRuns: RUNS * 3 },
    )
  })
})

describe('redirect targets', () => {
  it('any target is refused or resolves to a path of this site', () => {
    const origin = 'https://news.example.com'
    const target = fc.oneof(
      anyText,
      fc.webUrl(),
      fc
        .array(fc.constantFrom('/', '\\', '%2F', '%5C', '\t', '%09', '.', '..', 'evil.com', '@', ':', '?', '#'), { maxLength: 12 })
        .map((parts) => parts.join('')),
    )
    fc.assert(
      fc.property(target, (candidate) => {
        const result = redirectTarget(candidate)
        if (!result.ok) return
        expect(result.path.startsWith('/')).toBe(true)
        // As a browser reads a Location header.
        expect(new URL(result.path, origin).origin).toBe(origin)
      }),
      { numRuns: RUNS * 3 },
    )
  })
})

describe('webhook bodies', () => {
  const SECRET = 'webhook-secret-for-random-input-tests'
  const NOW = Date.parse('2026-12-04T12:00:00Z')
  const change = fc.record(
    {
      _id: fc.oneof(fc.string(), fc.constantFrom('article-a', 'drafts.article-a', 'person-a')),
      _type: fc.oneof(fc.string(), fc.constantFrom('article', 'person', 'section', 'settings')),
      operation: fc.oneof(fc.string(), fc.constantFrom('create', 'update', 'delete')),
      slug: fc.oneof(fc.string({ maxLength: 300 }), fc.constant(null), fc.integer()),
      previousSlug: fc.oneof(fc.string(), fc.constant(null)),
      section: fc.oneof(fc.string(), fc.constant(null)),
      people: fc.oneof(fc.array(fc.string(), { maxLength: 60 }), fc.jsonValue()),
      previousPeople: fc.oneof(fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 60 }), fc.jsonValue()),
    },
    { requiredKeys: [] },
  )
  const body = fc.oneof(
    change.map((value) => JSON.stringify(value)),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    anyText,
  )

  it('answers any body, signed or not, with 200 or a 4xx and a message; expires tags only when it answers 200 to a signed one', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (text, sign) => {
        const revalidate = jest.fn()
        // Signed as Sanity signs (base64url HMAC-SHA256 of "<t>.<body>"), the empty body too, which @sanity/webhook's encoder refuses.
        const signature = sign ? createHmac('sha256', SECRET).update(`${NOW}.${text}`).digest('base64url') : 'forged'
        const headers = { 'content-type': 'application/json', [SIGNATURE_HEADER_NAME]: `t=${NOW},v1=${signature}` }
        const response = await handleRevalidation(new Request('https://news.example.com/api/revalidate', { method: 'POST', headers, body: text }), {
          secret: SECRET,
          revalidate,
          findReferencingArticles: async () => ['a-slug'],
          deliveries: new DeliveryMemo(),
          now: NOW,
        })
        expect([200, 400, 401, 413]).toContain(response.status)
        expect(typeof (await response.json()).message === 'string' || response.status === 200).toBe(true)
        if (response.status !== 200 || !sign) expect(revalidate).not.toHaveBeenCalled()
        for (const [tag] of revalidate.mock.calls) expect(tag.length).toBeLessThanOrEqual(256)
      }),
      { numRuns: RUNS },
    )
  }, 120_000)
})

describe('dataset lines', () => {
  const FIXTURE = toNdjson(fixtureDocuments())
  // Lines as a hand edit or a broken export might leave them: documents of the site's types with fields of any shape, other JSON, and text.
  const document = fc
    .record({
      _id: fc.oneof(fc.string(), fc.constantFrom('article-1', 'settings', 'section-world', 'drafts.article-2')),
      _type: fc.constantFrom('article', 'person', 'section', 'settings', 'sanity.imageAsset'),
    })
    .chain((head) =>
      fc
        .dictionary(
          fc.constantFrom(
            'headline',
            'slug',
            'section',
            'bylines',
            'publishedAt',
            'body',
            'heroImage',
            'tags',
            'keyPoints',
            'name',
            'title',
            'standfirst',
            'language',
            'correction',
          ),
          fc.oneof(
            fc.jsonValue({ maxDepth: 3 }),
            fc.constant({ _type: 'slug', current: 'world-story-1' }),
            fc.constant({ _type: 'reference', _ref: 'section-world' }),
          ),
          { maxKeys: 6 },
        )
        .map((fields) => ({ ...fields, ...head })),
    )
  const line = fc.oneof(
    { arbitrary: document.map((doc) => JSON.stringify(doc)), weight: 4 },
    fc.jsonValue().map((value) => JSON.stringify(value)),
    anyText.map((text) => text.replace(/\n/g, ' ')),
  )

  it('any added lines leave the site readable: no content function throws, and the valid articles are still listed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), async (lines) => {
        mockSource = createLocalSource(parseNdjsonDataset(FIXTURE + lines.join('\n') + '\n', '/fixture'))
        const [front, chrome, latest, section, search] = await Promise.all([
          getFrontPage(),
          getSiteChrome(),
          listLatest(),
          listBySection('world'),
          searchArticles('story'),
        ])
        await getArticle('world-story-1')
        expect(chrome.settings.title).toEqual(expect.any(String))
        expect(latest?.items.length).toBeGreaterThan(0)
        expect(front).toBeDefined()
        expect(section).toBeDefined()
        expect(search.total).toBeGreaterThan(0)
      }),
      { numRuns: 150 },
    )
  }, 120_000)
})
