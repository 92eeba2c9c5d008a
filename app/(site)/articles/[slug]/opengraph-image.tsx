import { ImageResponse } from 'next/og'
import { ShareCard } from '@/components/ShareCard'
import { getArticle, getSiteChrome, listArticleSlugs } from '@/lib/content'
import { formatDate } from '@/lib/dates'
import { SHARE_IMAGE_SIZE } from '@/lib/seo/metadata'
import { SHARE_CARD_FONT, fontsCover, shareCardFonts } from '@/lib/seo/share-card-fonts'

/**
 * The share image of an article without a hero image: its section, headline, date and
 * the publication's name, drawn at 1200×630 with fonts read from node_modules. The
 * article page sets og:image to its hero image instead when it has one.
 */
export const runtime = 'nodejs'
export const revalidate = 300
export const alt = 'The article’s headline, section and date, with the publication’s name'
export const size = { width: SHARE_IMAGE_SIZE.width, height: SHARE_IMAGE_SIZE.height }
export const contentType = 'image/png'

type Props = { params: Promise<{ slug: string }> }

/** Drawn at build time and regenerated like the pages, so crawlers get a cached PNG. */
export async function generateStaticParams() {
  return (await listArticleSlugs()).map((slug) => ({ slug }))
}

/** Text the bundled fonts cannot draw is left out rather than fetched for. */
const drawable = (text: string | undefined) => (text && fontsCover(text) ? text : undefined)

export default async function Image({ params }: Props) {
  const { slug } = await params
  const [article, { settings }, fonts] = await Promise.all([getArticle(slug), getSiteChrome(), shareCardFonts()])
  if (!article) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  const published = formatDate(article.publishedAt, settings.timeZone, 'en-GB')
  return new ImageResponse(
    (
      <ShareCard
        siteTitle={drawable(settings.title) ?? ''}
        kicker={drawable(article.section?.title)}
        headline={drawable(article.headline)}
        dateLabel={drawable(published.label)}
        fontFamily={SHARE_CARD_FONT}
      />
    ),
    { ...size, fonts },
  )
}
