import { localDataset } from '@/lib/content/sources'
import { LOCAL_DATASET_NAME, LOCAL_PROJECT_ID } from '@/lib/content/sources/ndjson'
import { assetIdOfFile, renderLocalImage } from '@/lib/local-images'

/** Serves the embedded dataset's images at the URL shape of Sanity's image CDN. */
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params
  const dataset = localDataset()
  const [projectId, datasetName, file, ...rest] = path
  const assetId = file && assetIdOfFile(file)
  const asset = assetId && dataset?.assets.get(assetId)
  if (!asset || projectId !== LOCAL_PROJECT_ID || datasetName !== LOCAL_DATASET_NAME || rest.length > 0) {
    return new Response('Image not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })
  }
  try {
    const { searchParams } = new URL(request.url)
    const { body, contentType } = await renderLocalImage(asset, searchParams, request.headers.get('accept') ?? '')
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': contentType,
        // File names are content hashes: a URL's image never changes.
        'Cache-Control': 'public, max-age=31536000, immutable',
        Vary: 'Accept',
      },
    })
  } catch (error) {
    console.error(`[images] cannot render ${file}: ${String(error)}`)
    return new Response('Image not available', { status: 404, headers: { 'Content-Type': 'text/plain' } })
  }
}
