import type { MetadataRoute } from 'next'
import { getSiteChrome } from '@/lib/content'

export const revalidate = 300

/** The web app manifest: the site's name and colours, and its icons (app/icon.svg, app/apple-icon.png). */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const { settings } = await getSiteChrome({ perspective: 'published' })
  return {
    name: settings.title,
    short_name: settings.title,
    description: settings.description,
    start_url: '/',
    display: 'browser',
    background_color: '#ffffff',
    theme_color: '#a3122a',
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/apple-icon.png', sizes: '180x180', type: 'image/png' },
    ],
  }
}
