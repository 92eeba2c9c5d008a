import type { Metadata } from 'next'
import { NextStudio } from 'next-sanity/studio/client-component'
import { metadata as studioMetadata, viewport as studioViewport } from 'next-sanity/studio'
import config from '@/sanity.config'

// The Studio is one static page; it loads everything else in the browser.
export const dynamic = 'force-static'

export const metadata: Metadata = { ...studioMetadata, title: 'Studio', robots: { index: false, follow: false } }
export const viewport = studioViewport

export default function StudioPage() {
  return <NextStudio config={config} />
}
