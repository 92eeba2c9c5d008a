import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { getSiteChrome } from '@/lib/content'
import { readConfig } from '@/lib/env'
import { feedTypes, siteInfo } from '@/lib/seo/metadata'
import { ThemeScript } from '@/components/ThemeScript'
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

/**
 * The document: language, fonts, base styles and the reader's stored theme. The reader site's
 * frame is in app/(site)/layout.tsx. The theme script sets data-theme on <html> before React
 * hydrates, so React is told not to warn about that one attribute.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const { settings } = await getSiteChrome()
  return (
    <html lang={settings.language} className={`${serif.variable} ${sans.variable}`} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>{children}</body>
    </html>
  )
}
