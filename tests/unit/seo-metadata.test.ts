import { buildPageMetadata, feedTypes, generatedShareImage, type SiteInfo } from '@/lib/seo/metadata'
import { routes } from '@/lib/routes'

const SITE: SiteInfo = {
  title: 'Fixture Times',
  description: 'News from the fixture.',
  shareImage: { url: '/images/local/embedded/share-1200x630.jpg?w=1200', width: 1200, height: 630, alt: 'Map' },
}

const RSS = 'application/rss+xml'
const ATOM = 'application/atom+xml'
const JSON_FEED = 'application/feed+json'

type Links = { url: string; title: string }[]
const typesOf = (metadata: ReturnType<typeof buildPageMetadata>) => (metadata.alternates?.types ?? {}) as Record<string, Links>
const urls = (links: Links | undefined) => (links ?? []).map((link) => link.url)

describe('pageMetadata', () => {
  it('always returns the canonical URL and the site feeds together, whatever the page', () => {
    const pages = [
      { path: routes.home() },
      { path: routes.latest(2), title: 'Latest news, page 2' },
      { path: routes.article('markets-rally'), title: 'Markets rally', image: generatedShareImage('markets-rally', 'Markets rally') },
    ]
    for (const page of pages) {
      const metadata = buildPageMetadata(page, SITE)
      expect(metadata.alternates?.canonical).toBe(page.path)
      const types = typesOf(metadata)
      expect(Object.keys(types).sort()).toEqual([ATOM, JSON_FEED, RSS])
      expect(urls(types[RSS])).toEqual([routes.feed('rss')])
      expect(urls(types[ATOM])).toEqual([routes.feed('atom')])
      expect(urls(types[JSON_FEED])).toEqual([routes.feed('json')])
    }
  })

  it('adds the section’s own feeds after the site’s on a section page', () => {
    const scope = { kind: 'section', slug: 'world' } as const
    const metadata = buildPageMetadata({ path: routes.section('world'), title: 'World', feeds: { scope, title: 'World' } }, SITE)
    const types = typesOf(metadata)
    expect(urls(types[RSS])).toEqual([routes.feed('rss'), routes.feed('rss', scope)])
    expect(urls(types[ATOM])).toEqual([routes.feed('atom'), routes.feed('atom', scope)])
    expect(urls(types[JSON_FEED])).toEqual([routes.feed('json'), routes.feed('json', scope)])
    expect(types[RSS][1].title).toBe('World: Fixture Times (RSS)')
  })

  it('adds the person’s own feeds on a person page', () => {
    const scope = { kind: 'person', slug: 'he-yuting' } as const
    const metadata = buildPageMetadata({ path: routes.person('he-yuting'), title: 'He Yuting', feeds: { scope, title: 'He Yuting' } }, SITE)
    expect(urls(typesOf(metadata)[JSON_FEED])).toEqual([routes.feed('json'), routes.feed('json', scope)])
    expect(metadata.alternates?.canonical).toBe('/people/he-yuting')
  })

  it('titles a page with its own title, and leaves the front page to the layout’s default', () => {
    expect(buildPageMetadata({ path: '/latest', title: 'Latest news' }, SITE).title).toBe('Latest news')
    const front = buildPageMetadata({ path: '/' }, SITE)
    expect(front.title).toBeUndefined()
    expect(front.openGraph).toMatchObject({ title: 'Fixture Times', description: 'News from the fixture.', url: '/' })
  })

  it('gives every page a complete Open Graph card with the site’s share image, and a large Twitter card', () => {
    const metadata = buildPageMetadata({ path: '/sections/world', title: 'World', description: 'The world.' }, SITE)
    expect(metadata.openGraph).toMatchObject({
      type: 'website',
      siteName: 'Fixture Times',
      title: 'World',
      description: 'The world.',
      url: '/sections/world',
      images: [SITE.shareImage],
    })
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image', title: 'World', description: 'The world.' })
  })

  it('describes an article for Open Graph, with its hero image when it has one', () => {
    const hero = { url: '/images/local/embedded/hero.jpg?w=1200&h=630', width: 1200, height: 630, alt: 'Harbour' }
    const metadata = buildPageMetadata(
      {
        path: '/articles/markets-rally',
        title: 'Markets rally',
        article: {
          publishedTime: '2026-11-01T09:00+08:00',
          modifiedTime: '2026-11-01T13:30+08:00',
          authors: ['https://news.example.com/people/ada-reporter'],
          section: 'Business',
          tags: ['markets'],
        },
        image: hero,
      },
      SITE,
    )
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      publishedTime: '2026-11-01T09:00+08:00',
      modifiedTime: '2026-11-01T13:30+08:00',
      authors: ['https://news.example.com/people/ada-reporter'],
      section: 'Business',
      tags: ['markets'],
      images: [hero],
    })
  })

  it('points og:image at the generated 1200×630 share card for an article without a hero image', () => {
    const metadata = buildPageMetadata({ path: '/articles/x', title: 'X', image: generatedShareImage('x', 'X') }, SITE)
    expect(metadata.openGraph?.images).toEqual([{ url: '/articles/x/share-card', width: 1200, height: 630, alt: 'X' }])
  })
})

describe('feedTypes', () => {
  it('lists the three formats by their media types, titled for the reader’s feed reader', () => {
    expect(feedTypes('Fixture Times')).toEqual({
      [RSS]: [{ url: routes.feed('rss'), title: 'Fixture Times (RSS)' }],
      [ATOM]: [{ url: routes.feed('atom'), title: 'Fixture Times (Atom)' }],
      [JSON_FEED]: [{ url: routes.feed('json'), title: 'Fixture Times (JSON Feed)' }],
    })
  })
})
