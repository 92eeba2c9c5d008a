import type { Metadata } from 'next'
import { VisualEditing } from 'next-sanity/visual-editing'
import { draftMode } from 'next/headers'
import type { ReactNode } from 'react'
import { Masthead } from '@/components/Masthead'
import { PreviewBanner } from '@/components/PreviewBanner'
import { SiteFooter } from '@/components/SiteFooter'
import { SkipLink } from '@/components/SkipLink'
import { getSiteChrome } from '@/lib/content'
import { readConfig } from '@/lib/env'
import { feedTypes, siteInfo } from '@/lib/seo/metadata'
import { serif, sans } from './fonts'
import './globals.css'

/**
 * Defaults for every page. Pages build their own with pageMetadata() (lib/seo/metadata.ts),
 * which repeats the feed links beside the canonical URL: Next merges metadata shallowly.
 */
export async function generateMetadata(): Promise<Metadata> {
  const site = await siteInfo()
  return {
    metadataBase: new URL(readConfig().siteUrl),
    title: { default: site.title, template: `%s · ${site.title}` },
    description: site.description,
    robots: { index: true, follow: true, 'max-image-preview': 'large' },
    alternates: { types: feedTypes(site.title) },
    openGraph: { type: 'website', siteName: site.title, images: site.shareImage ? [site.shareImage] : [] },
    twitter: { card: 'summary_large_image' },
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ settings, sections }, { isEnabled: drafts }] = await Promise.all([getSiteChrome(), draftMode()])
  return (
    <html lang={settings.language} className={`${serif.variable} ${sans.variable}`}>
      <body>
        <SkipLink />
        {drafts ? <PreviewBanner exitHref="/api/draft-mode/disable" /> : null}
        <Masthead title={settings.title} description={settings.description} sections={sections} />
        <main id="main" tabIndex={-1} className="page">
          {children}
        </main>
        <SiteFooter title={settings.title} sections={sections} />
        {drafts && readConfig().source.mode === 'sanity' ? <VisualEditing /> : null}
      </body>
    </html>
  )
}
