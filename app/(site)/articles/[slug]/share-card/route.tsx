import { ImageResponse } from 'next/og'
import { ShareCard } from '@/components/ShareCard'
import { getArticle, getSiteChrome, listArticleSlugs } from '@/lib/content'
import { formatDate } from '@/lib/dates'
import { SHARE_IMAGE_SIZE } from '@/lib/seo/metadata'
import { SHARE_CARD_FONT, fontsCover, shareCardFonts } from '@/lib/seo/share-card-fonts'

/**
 * The share image of an article without a hero image (routes.articleShareImage): its
 * section, headline, date and the publication's name, drawn at 1200×630 with fonts read
 * from node_modules. A route handler rather than an opengraph-image file, so its URL is
 * fixed: JSON-LD and og:image name it, and Next hashes metadata-file URLs in route groups.
 */
export const runtime = 'nodejs'
export const revalidate = 300
const size = { width: SHARE_IMAGE_SIZE.width, height: SHARE_IMAGE_SIZE.height }

type Props = { params: Promise<{ slug: string }> }

/** Drawn at build time and regenerated like the pages, so crawlers get a cached PNG. */
export async function generateStaticParams() {
  return (await listArticleSlugs()).map((slug) => ({ slug }))
}

/** Text the bundled fonts cannot draw is left out rather than fetched for. */
const drawable = (text: string | undefined) => (text && fontsCover(text) ? text : undefined)

export async function GET(_request: Request, { params }: Props) {
  const { slug } = await params
  const [article, { settings }, fonts] = await Promise.all([getArticle(slug), getSiteChrome(), shareCardFonts()])
  if (!article) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  const published = formatDate(article.publishedAt, settings.timeZone, 'en-GB')
  return new ImageResponse(
    <ShareCard
      siteTitle={drawable(settings.title) ?? ''}
      kicker={drawable(article.section?.title)}
      headline={drawable(article.headline)}
      dateLabel={drawable(published.label)}
      fontFamily={SHARE_CARD_FONT}
    />,
    { ...size, fonts },
  )
}
