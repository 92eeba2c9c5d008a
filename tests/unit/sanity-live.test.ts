/**
 * @jest-environment-options {"customExportConditions": ["react-server", "node", "node-addons"]}
 */
// Server components resolve next-sanity/live (and @sanity/client, get-it) with the
// `react-server` condition, as Next does for this app (no cacheComponents); under Jest's
// default conditions defineLive throws. In Next, `<SanityLive />`'s client component is
// only a reference on the server; here a named stand-in takes its place.
jest.mock('next-sanity/live/client-components', () => ({ SanityLive: function SanityLiveClient() {} }))
jest.mock('@/app/site-shell', () => ({ SiteShell: function SiteShell() {} }))

import type { ReactElement } from 'react'
import { revalidateSyncTagsAction } from 'next-sanity/live/server-actions'
import { ConfigError, readConfig } from '@/lib/env'
import { ARTICLE_QUERY } from '@/lib/content/queries'
import { createSanityLiveSource } from '@/lib/content/sources/sanity-live'
import { MAX_RETRIES, REQUEST_TIMEOUT_MS } from '@/lib/content/sources/lake-deadline'
import { LakeUnavailableError } from '@/lib/content/sources/lake-outage'
import SiteLayout from '@/app/(site)/layout'
import { LiveUpdates } from '@/app/(site)/live-updates'
import { DATASET, PROJECT_ID, TOKEN, expectPublishedRead, only, syncTagOf, useContentLakeStandIn } from './support/content-lake'

const lake = useContentLakeStandIn()
const HEADLINE_QUERY = '*[_type == "article" && slug.current == $slug][0]{ _id, headline }'
const liveSource = () => createSanityLiveSource({ ...lake.config, live: true })

describe('published reads with SANITY_LIVE', () => {
  it('go through sanityFetch: sync tags first, then the result cached by Next under the page’s and the sync tags', async () => {
    const result = await liveSource().fetch(HEADLINE_QUERY, { slug: 'harbour-reopens' }, { perspective: 'published', tags: ['article:harbour-reopens'] })

    // Two queries, both published, with no token: the first asks for the sync tags,
    // the second is the one Next keeps.
    expect(lake.requests).toHaveLength(2)
    for (const request of lake.requests) expectPublishedRead(request, HEADLINE_QUERY, 'harbour-reopens')
    const [syncTagsCall, resultCall] = lake.fetchCalls
    expect(syncTagsCall.url.searchParams.get('tag')).toBe('next-loader.fetch.fetch-sync-tags')
    expect(syncTagsCall.init.next).toBeUndefined()
    // Kept until a tag is expired: by <SanityLive />'s live events (sanity:…) or by the webhook (article:…).
    expect(resultCall.init.next).toEqual({ revalidate: false, tags: ['article:harbour-reopens', `sanity:${syncTagOf('published')}`] })
    expect(resultCall.init.cache).toBeUndefined()

    // The published document, as the stand-in computed it: what the plain source answers.
    expect(result).toEqual({ _id: 'article-harbour', headline: 'Harbour reopens' })
    expect(result).toEqual(lake.requests[1].answered)
  })

  it('go to the CDN, and drafts to the API host with the token, on Sanity’s own hosts', async () => {
    lake.routeSanityHosts = true
    const { apiHost: _custom, ...defaultHosts } = lake.config
    const source = createSanityLiveSource({ ...defaultHosts, live: true })

    await source.fetch(HEADLINE_QUERY, { slug: 'harbour-reopens' }, { perspective: 'published', tags: [] })
    await source.fetch(HEADLINE_QUERY, { slug: 'harbour-reopens' }, { perspective: 'drafts', tags: [] })

    expect(lake.fetchCalls.map((call) => call.url.origin)).toEqual([
      `https://${PROJECT_ID}.apicdn.sanity.io`,
      `https://${PROJECT_ID}.apicdn.sanity.io`,
      `https://${PROJECT_ID}.api.sanity.io`,
    ])
    // Sanity Live asks the CDN not to serve a stale result, so a live event is followed by fresh content.
    expect(lake.fetchCalls.slice(0, 2).map((call) => call.url.searchParams.get('cacheMode'))).toEqual(['noStale', 'noStale'])
    expect(lake.requests.map((request) => request.headers.authorization)).toEqual([undefined, undefined, `Bearer ${TOKEN}`])
  })

  it('run ARTICLE_QUERY end to end: references, image assets and bylines resolved by the Content Lake', async () => {
    const article = await liveSource().fetch(ARTICLE_QUERY, { slug: 'harbour-reopens' }, { perspective: 'published', tags: ['article:harbour-reopens'] })
    expect(article).toEqual(lake.requests[1].answered)
    expect(article).toMatchObject({
      _id: 'article-harbour',
      slug: 'harbour-reopens',
      section: { _id: 'section-world', slug: 'world' },
      bylines: [
        { _key: 'b1', person: { slug: 'ada-reporter' } },
        { _key: 'b2', person: { slug: 'tom-lens' } },
      ],
    })
  })

  it('give up on a Content Lake that never answers, within two attempts of the request timeout (sanityFetch takes no signal)', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {})
    lake.paused = true
    const started = performance.now()
    await expect(liveSource().fetch(HEADLINE_QUERY, { slug: 'harbour-reopens' }, { perspective: 'published', tags: [] })).rejects.toBeInstanceOf(
      LakeUnavailableError,
    )
    expect(performance.now() - started).toBeLessThan((MAX_RETRIES + 1) * REQUEST_TIMEOUT_MS + 1000)
    quiet.mockRestore()
    // The next test starts outside the outage (lake-outage.ts keeps it per process).
    delete (globalThis as { [key: symbol]: { outage?: unknown } })[Symbol.for('news-portal.content-lake')].outage
  }, 15_000)
})

describe('reads that must not be cached, with SANITY_LIVE', () => {
  it('drafts: one query with the drafts perspective and the read token, outside Next’s cache', async () => {
    const result = await liveSource().fetch(HEADLINE_QUERY, { slug: 'harbour-reopens' }, { perspective: 'drafts', tags: ['article:harbour-reopens'] })

    const request = only(lake.requests)
    expect(request.search.get('perspective')).toBe('drafts')
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`)
    const { init } = only(lake.fetchCalls)
    expect(init.cache).toBe('no-store')
    expect(init.next).toBeUndefined()
    expect(result).toEqual({ _id: 'article-harbour', headline: 'Harbour reopens (draft edit)' })
  })

  it('searches: one published query with no token, outside Next’s cache', async () => {
    await liveSource().fetch(HEADLINE_QUERY, { slug: 'harbour-reopens' }, { perspective: 'published', tags: ['article'], uncached: true })

    const request = only(lake.requests)
    expect(request.search.get('perspective')).toBe('published')
    expect(request.headers.authorization).toBeUndefined()
    const { init } = only(lake.fetchCalls)
    expect(init.cache).toBe('no-store')
    expect(init.next).toBeUndefined()
  })
})

// --- Configuration, the content layer and the layout, through the environment ---------

const savedEnv = process.env
afterEach(() => {
  process.env = savedEnv
})
const useEnv = (vars: Record<string, string>) => {
  process.env = { ...savedEnv, ...vars }
}
const sanityEnv = () => ({
  NEXT_PUBLIC_SANITY_PROJECT_ID: PROJECT_ID,
  NEXT_PUBLIC_SANITY_DATASET: DATASET,
  SANITY_API_HOST: lake.apiHost,
  SANITY_API_READ_TOKEN: TOKEN,
})

describe('SANITY_LIVE in the environment', () => {
  it('turns Sanity Live on for a Sanity project, and is off unless it is exactly "true"', () => {
    const live = (value?: string) => {
      const { source } = readConfig({ ...sanityEnv(), ...(value === undefined ? {} : { SANITY_LIVE: value }) })
      return source.mode === 'sanity' && source.live
    }
    expect(live('true')).toBe(true)
    expect([live(), live(''), live('false')]).toEqual([false, false, false])
  })

  it('is rejected without a Sanity project, naming what to set', () => {
    expect(() => readConfig({ SANITY_LIVE: 'true' })).toThrow(ConfigError)
    expect(() => readConfig({ SANITY_LIVE: 'true' })).toThrow(/SANITY_LIVE=true needs a Sanity project: set NEXT_PUBLIC_SANITY_PROJECT_ID/)
    // Off without a project is no error: the site reads the embedded dataset.
    expect(readConfig({ SANITY_LIVE: 'false' }).source.mode).toBe('local')
  })

  it('rejects another value, naming the variable', () => {
    expect(() => readConfig({ ...sanityEnv(), SANITY_LIVE: 'yes' })).toThrow(/SANITY_LIVE: use true to turn on Sanity Live/)
  })

  it('makes the content layer read through Sanity Live, with the same validated result', async () => {
    const readHarbour = async (vars: Record<string, string>) => {
      useEnv(vars)
      lake.requests.length = 0
      let article: unknown
      // A fresh content layer: the configured source is chosen once per process.
      await jest.isolateModulesAsync(async () => {
        const { getArticle } = await import('@/lib/content')
        article = await getArticle('harbour-reopens', { perspective: 'published' })
      })
      return { article, tags: lake.requests.map((request) => request.search.get('tag')) }
    }

    const live = await readHarbour({ ...sanityEnv(), SANITY_LIVE: 'true' })
    const plain = await readHarbour(sanityEnv())

    expect(live.tags).toEqual(['next-loader.fetch.fetch-sync-tags', 'next-loader.fetch'])
    expect(plain.tags).toEqual(['document-ids', null])
    expect(live.article).toMatchObject({ headline: 'Harbour reopens', section: { slug: 'world' }, readingTimeMinutes: 1 })
    expect(live.article).toEqual(plain.article)
  })
})

describe('the reader site’s layout', () => {
  it('always holds <LiveUpdates />, which decides', () => {
    const layout = SiteLayout({ children: 'page' }) as ReactElement<{ children: ReactElement[] }>
    expect(layout.props.children.map((child) => child.type)).toContain(LiveUpdates)
  })

  it('renders nothing live without SANITY_LIVE, on Sanity or on the embedded dataset', () => {
    useEnv(sanityEnv())
    expect(LiveUpdates()).toBeNull()
    useEnv({ SANITY_LIVE: 'false' })
    expect(LiveUpdates()).toBeNull()
  })

  it('renders <SanityLive /> with SANITY_LIVE, and gives the browser the project but no token', async () => {
    useEnv({ ...sanityEnv(), SANITY_LIVE: 'true' })
    const live = LiveUpdates() as ReactElement
    expect(live).not.toBeNull()

    // defineLive's server component renders the client listener: what reaches the browser.
    const render = live.type as (props: unknown) => Promise<ReactElement<Record<string, unknown>>>
    const client = await render(live.props)
    expect((client.type as { name: string }).name).toBe('SanityLiveClient')
    expect(client.props.config).toMatchObject({ projectId: PROJECT_ID, dataset: DATASET, apiHost: lake.apiHost, token: undefined })
    expect(client.props.includeDrafts).toBeUndefined()
    // Published changes expire the sanity:<syncTag> tags on the server.
    expect(client.props.action).toBe(revalidateSyncTagsAction)
    expect(JSON.stringify(client.props)).not.toContain(TOKEN)
  })
})
