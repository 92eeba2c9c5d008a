import { serveLocalImage } from '@/lib/local-images'

/** Serves the embedded dataset's images at the URL shape of Sanity's image CDN, for the URLs the site makes (lib/local-images). */
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return serveLocalImage(request, (await params).path, 'site')
}
