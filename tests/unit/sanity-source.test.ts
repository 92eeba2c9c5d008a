import { ARTICLE_QUERY } from '@/lib/content/queries'
import { DISCOVERY_REQUEST_TAG, createSanitySource } from '@/lib/content/sources/sanity'
import { FAILING_QUERY, PROJECT_ID, QUERY_PATH, TOKEN, expectPublishedRead, only, useContentLakeStandIn } from './support/content-lake'

/**
 * The Sanity source against the stand-in for the Content Lake's query endpoint
 * (./support/content-lake.ts), which computes every result from the request the client
 * really sent. The source always passes Next fetch options, so get-it uses fetch, and
 * the stand-in's fetch spy sees the URL and init the client chose.
 */
const lake = useContentLakeStandIn()
const { requests, fetchCalls } = lake

/** The two reads of a cached published result that holds documents: discovery, then data. */
const both = <T>(list: T[]): [T, T] => {
  expect(list).toHaveLength(2)
  return [list[0], list[1]]
}

const HEADLINE_QUERY = '*[_type == "article" && slug.current == $slug][0]{ _id, headline }'

describe('published reads', () => {
  it('query the dataset with JSON-encoded params, the published perspective and no token, cached by Next', async () => {
    const result = await createSanitySource(lake.config).fetch(
      HEADLINE_QUERY,
      { slug: 'harbour-reopens' },
      {
        perspective: 'published',
        tags: ['article:harbour-reopens'],
      },
    )

    const [discovery, data] = both(requests)
    for (const request of [discovery, data]) {
      expectPublishedRead(request, HEADLINE_QUERY, 'harbour-reopens')
      expect(request.host).toBe(new URL(lake.apiHost).host) // the configured apiHost, no project subdomain
    }
    // The request tag tells the two apart, in the URL and so in Next's cache key.
    expect(discovery.search.get('tag')).toBe(DISCOVERY_REQUEST_TAG)
    expect(data.search.has('tag')).toBe(false)

    // The published document, not the draft, exactly as the stand-in computed it for the data read.
    expect(result).toEqual({ _id: 'article-harbour', headline: 'Harbour reopens' })
    expect(result).toEqual(data.answered)

    // Next's data cache: revalidated after a minute, invalidated by the tags (the data read by
    // the document's id too); not no-store.
    const [discoveryCall, dataCall] = both(fetchCalls)
    expect(discoveryCall.init.next).toEqual({ revalidate: 60, tags: ['article:harbour-reopens'] })
    expect(dataCall.init.next).toEqual({ revalidate: 60, tags: ['article:harbour-reopens', 'doc:article-harbour'] })
    expect(discoveryCall.init.cache).toBeUndefined()
    expect(dataCall.init.cache).toBeUndefined()
  })

  it('go to the CDN host, and drafts to the API host, on Sanity’s own hosts', async () => {
    // With a custom apiHost the client uses the same URL with or without the CDN, so
    // the CDN is only visible with the default host: <projectId>.apicdn.sanity.io.
    // The fetch spy routes these requests to the stand-in.
    lake.routeSanityHosts = true
    const { apiHost: _custom, ...defaultHosts } = lake.config
    const source = createSanitySource(defaultHosts)

    await source.fetch(HEADLINE_QUERY, { slug: 'harbour-reopens' }, { perspective: 'published', tags: [] })
    await source.fetch(HEADLINE_QUERY, { slug: 'harbour-reopens' }, { perspective: 'drafts', tags: [] })

    // The published read's two requests (discovery, data), then the draft read's one.
    expect(fetchCalls.map((call) => call.url.origin)).toEqual([
      `https://${PROJECT_ID}.apicdn.sanity.io`,
      `https://${PROJECT_ID}.apicdn.sanity.io`,
      `https://${PROJECT_ID}.api.sanity.io`,
    ])
    expect(fetchCalls.every((call) => call.url.pathname === QUERY_PATH)).toBe(true)
    expect(requests.map((request) => request.headers.authorization)).toEqual([undefined, undefined, `Bearer ${TOKEN}`])
    expect(requests.map((request) => request.answered)).toEqual([
      { _id: 'article-harbour', headline: 'Harbour reopens' },
      { _id: 'article-harbour', headline: 'Harbour reopens' },
      { _id: 'article-harbour', headline: 'Harbour reopens (draft edit)' },
    ])
  })

  it('still answer when the query is too long for a URL and is POSTed', async () => {
    const padding = `// ${'x'.repeat(12_000)}\n`
    const query = `${padding}${HEADLINE_QUERY}`
    const result = await createSanitySource(lake.config).fetch(query, { slug: 'harbour-reopens' }, { perspective: 'published', tags: [] })

    const [discovery, data] = both(requests)
    for (const request of [discovery, data]) {
      expect(request.method).toBe('POST')
      expect(JSON.parse(request.body)).toEqual({ query, params: { slug: 'harbour-reopens' } })
      expect(request.search.get('perspective')).toBe('published')
      expect(request.headers.authorization).toBeUndefined()
    }
    expect(discovery.search.get('tag')).toBe(DISCOVERY_REQUEST_TAG)
    expect(data.search.has('tag')).toBe(false)
    expect(result).toEqual({ _id: 'article-harbour', headline: 'Harbour reopens' })
  })

  it('are not cached when asked (search): one request, no-store, no tags', async () => {
    const result = await createSanitySource(lake.config).fetch(
      HEADLINE_QUERY,
      { slug: 'harbour-reopens' },
      {
        perspective: 'published',
        tags: ['article'],
        uncached: true,
      },
    )

    const request = only(requests)
    expect(request.search.get('perspective')).toBe('published')
    expect(request.search.has('tag')).toBe(false)
    expect(result).toEqual({ _id: 'article-harbour', headline: 'Harbour reopens' })
    const { init } = only(fetchCalls)
    expect(init.cache).toBe('no-store')
    expect(init.next).toBeUndefined()
  })
})

describe('document tags of published reads', () => {
  const source = () => createSanitySource(lake.config)
  /** A query answering documents with these ids, computed by the stand-in like any other. */
  const documentsQuery = (ids: string[]) => `[${ids.map((id) => `{ "_id": ${JSON.stringify(id)}, "title": "t" }`).join(', ')}]`

  it.each([
    ['null', '*[_type == "article" && slug.current == "no-such-story"][0]{ _id }', null],
    ['a count', 'count(*[_type == "article"])', 1],
    ['a list of slugs', '*[_type == "article"].slug.current', ['harbour-reopens']],
    ['only image assets', '*[_type == "sanity.imageAsset"]{ _id }', [{ _id: 'image-abc123-1600x900-jpg' }]],
  ])('a result without documents (%s) takes one request, tagged by the caller only', async (_, query, expected) => {
    const result = await source().fetch(query, {}, { perspective: 'published', tags: ['article'] })

    expect(result).toEqual(expected)
    const request = only(requests)
    expect(request.search.get('tag')).toBe(DISCOVERY_REQUEST_TAG)
    expect(result).toEqual(request.answered)
    expect(only(fetchCalls).init.next).toEqual({ revalidate: 60, tags: ['article'] })
  })

  it('keep the caller’s tags and as many document tags as fit in Next’s 128', async () => {
    const ids = Array.from({ length: 130 }, (_, index) => `story-${index}`)
    const callerTags = ['article', 'section', 'siteSettings']
    const result = await source().fetch(documentsQuery(ids), {}, { perspective: 'published', tags: callerTags })

    expect(result).toHaveLength(130)
    const [discoveryCall, dataCall] = both(fetchCalls)
    expect(discoveryCall.init.next).toEqual({ revalidate: 60, tags: callerTags })
    const tags = (dataCall.init.next as { tags: string[] }).tags
    expect(tags).toHaveLength(128)
    expect(tags).toEqual([...callerTags, ...ids.slice(0, 125).map((id) => `doc:${id}`)])
  })

  it('leave out a document tag longer than Next’s 256 characters, and list each once', async () => {
    const long = `story-${'x'.repeat(250)}` // "doc:" + 256 characters
    await source().fetch(documentsQuery([long, 'story-1', 'story-1']), {}, { perspective: 'published', tags: ['article'] })

    const [, dataCall] = both(fetchCalls)
    expect(dataCall.init.next).toEqual({ revalidate: 60, tags: ['article', 'doc:story-1'] })
  })
})

describe('draft reads', () => {
  it('use the drafts perspective, the read token and no cache, and show the draft', async () => {
    const result = await createSanitySource(lake.config).fetch(
      HEADLINE_QUERY,
      { slug: 'harbour-reopens' },
      {
        perspective: 'drafts',
        tags: ['article:harbour-reopens'],
      },
    )

    const request = only(requests)
    expect(request.path).toBe(QUERY_PATH)
    expect(request.search.get('query')).toBe(HEADLINE_QUERY)
    expect(request.search.get('$slug')).toBe('"harbour-reopens"')
    expect(request.search.get('perspective')).toBe('drafts')
    expect(request.search.has('tag')).toBe(false)
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`)

    expect(result).toEqual({ _id: 'article-harbour', headline: 'Harbour reopens (draft edit)' })
    expect(result).toEqual(request.answered)

    const { init } = only(fetchCalls)
    expect(init.cache).toBe('no-store')
    expect(init.next).toBeUndefined()
  })

  it('reject without a token, naming SANITY_API_READ_TOKEN, and send nothing', async () => {
    const { token: _token, ...noToken } = lake.config
    await expect(createSanitySource(noToken).fetch(HEADLINE_QUERY, { slug: 'harbour-reopens' }, { perspective: 'drafts', tags: [] })).rejects.toThrow(
      /SANITY_API_READ_TOKEN/,
    )
    expect(requests).toHaveLength(0)
    expect(fetchCalls).toHaveLength(0)
  })
})

describe('errors', () => {
  it('reject as unavailable when the Content Lake answers 500 twice (the first is retried)', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {})
    const fetching = createSanitySource(lake.config).fetch(FAILING_QUERY, {}, { perspective: 'published', tags: [] })
    await expect(fetching).rejects.toMatchObject({ name: 'LakeUnavailableError', reason: 'answered 500' })
    expect(requests.map((request) => request.search.get('query'))).toEqual([FAILING_QUERY, FAILING_QUERY])
    quiet.mockRestore()
  })
})

describe('the site’s queries', () => {
  it('run ARTICLE_QUERY end to end: references, image assets and bylines resolved by the Content Lake', async () => {
    const article = await createSanitySource(lake.config).fetch(
      ARTICLE_QUERY,
      { slug: 'harbour-reopens' },
      {
        perspective: 'published',
        tags: ['article:harbour-reopens'],
      },
    )

    const [discovery, data] = both(requests)
    expect(discovery.search.get('tag')).toBe(DISCOVERY_REQUEST_TAG)
    expect(data.search.get('query')).toBe(ARTICLE_QUERY)
    expect(data.search.get('$slug')).toBe('"harbour-reopens"')
    expect(article).toEqual(data.answered)
    // Tagged by every document the article shows, nested ones too, but not by its image asset.
    const [, dataCall] = both(fetchCalls)
    const tags = (dataCall.init.next as { tags: string[] }).tags
    expect(tags[0]).toBe('article:harbour-reopens')
    expect(tags.slice(1).sort()).toEqual(['doc:article-harbour', 'doc:person-ada', 'doc:person-tom', 'doc:section-world'])
    expect(article).toMatchObject({
      _id: 'article-harbour',
      headline: 'Harbour reopens',
      slug: 'harbour-reopens',
      standfirst: 'Ships return after the storm.',
      keyPoints: ['Cranes back at work'],
      tags: ['ports'],
      publishedAt: '2026-10-01T08:00:00Z',
      section: { _id: 'section-world', title: 'World', slug: 'world' },
      heroImage: {
        alt: 'The harbour at dawn',
        asset: { _id: 'image-abc123-1600x900-jpg', width: 1600, height: 900, lqip: 'data:image/jpeg;base64,AAAA' },
      },
      bylines: [
        { _key: 'b1', role: 'author', person: { _id: 'person-ada', name: 'Ada Reporter', slug: 'ada-reporter', jobTitle: 'Correspondent' } },
        { _key: 'b2', role: 'photographer', person: { _id: 'person-tom', name: 'Tom Lens', slug: 'tom-lens' } },
      ],
      source: { name: 'Wire', url: 'https://example.com/wire' },
      body: [
        { _type: 'block', _key: 'p1' },
        { _type: 'image', _key: 'i1', alt: 'Cranes', asset: { _id: 'image-abc123-1600x900-jpg', width: 1600, height: 900 } },
      ],
    })
  })

  it('answer null for an unknown slug', async () => {
    const article = await createSanitySource(lake.config).fetch(ARTICLE_QUERY, { slug: 'no-such-story' }, { perspective: 'published', tags: [] })
    expect(only(requests).search.get('$slug')).toBe('"no-such-story"')
    expect(article).toBeNull()
  })
})
