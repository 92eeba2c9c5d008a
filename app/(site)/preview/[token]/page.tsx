import type { Metadata } from 'next'
import { notFound, unauthorized } from 'next/navigation'
import { ArticleView } from '@/components/article/ArticleView'
import { PreviewBanner } from '@/components/PreviewBanner'
import { PreviewsOff } from '@/components/PreviewsOff'
import { getArticlePreview, getSiteChrome } from '@/lib/content'
import { previewSecret } from '@/lib/preview/secret'
import { verifyToken } from '@/lib/preview/token'
import { routes } from '@/lib/routes'

// A preview is read per request and never cached: it shows a draft, and its link expires.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } }

type Props = { params: Promise<{ token: string }> }

/** A shareable preview link: one draft, for whoever holds a valid, unexpired link. */
export default async function PreviewPage({ params }: Props) {
  const secret = previewSecret()
  if (!secret) return <PreviewsOff />
  const verified = verifyToken(decodeURIComponent((await params).token), secret)
  if (!verified.ok || verified.kind !== 'article') unauthorized()

  const [preview, { settings }] = await Promise.all([getArticlePreview(verified.slug), getSiteChrome()])
  if (!preview) notFound()
  return (
    <>
      <PreviewBanner exitHref={routes.article(verified.slug)} expiresAt={verified.expiresAt} problems={preview.problems} />
      <ArticleView article={preview.article} timeZone={settings.timeZone} siteLanguage={settings.language} />
    </>
  )
}
