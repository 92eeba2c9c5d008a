import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { Masthead } from '@/components/Masthead'
import { SiteFooter } from '@/components/SiteFooter'
import { SkipLink } from '@/components/SkipLink'
import { getSiteChrome } from '@/lib/content'
import { readConfig } from '@/lib/env'
import { serif, sans } from './fonts'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const { settings } = await getSiteChrome()
  return {
    metadataBase: new URL(readConfig().siteUrl),
    title: { default: settings.title, template: `%s · ${settings.title}` },
    description: settings.description,
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { settings, sections } = await getSiteChrome()
  return (
    <html lang={settings.language} className={`${serif.variable} ${sans.variable}`}>
      <body>
        <SkipLink />
        <Masthead title={settings.title} description={settings.description} sections={sections} />
        <main id="main" tabIndex={-1} className="page">
          {children}
        </main>
        <SiteFooter title={settings.title} sections={sections} />
      </body>
    </html>
  )
}
