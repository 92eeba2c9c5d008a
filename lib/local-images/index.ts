import 'server-only'
import fs from 'node:fs'
import { Readable } from 'node:stream'
import { localDataset } from '@/lib/content/sources'
import { LOCAL_DATASET_NAME, LOCAL_PROJECT_ID, type LocalAsset } from '@/lib/content/sources/ndjson'
import { VariantCache, variantCacheDir } from './cache'
import { Busy, RenderQueue } from './queue'
import { isOverPixelLimit, renderVariant } from './render'
import { MAX_SOURCE_PIXELS, parseVariant, variantName, type OutputFormat, type Rules, type Variant } from './variant'

/**
 * Serves the embedded dataset's images at the URL shape of Sanity's image CDN
 * (docs/security.md, "Work per request"): parameters checked (variant.ts), each variant
 * rendered once and kept on disk, at most RENDER_SLOTS renders at a time.
 */
export type { Rules } from './variant'

/** Two cores: two renders use them, and a page request still finds one between them. */
export const RENDER_SLOTS = 2
/** A page's images cold, from a few browsers at once; past that, 503 at once. */
export const RENDER_QUEUE = 32
const RETRY_AFTER_S = 2

const queue = new RenderQueue(RENDER_SLOTS, RENDER_QUEUE)
/** Renders under way by variant name: a burst for one picture renders it once. */
const inFlight = new Map<string, Promise<Buffer>>()
let cache: VariantCache | undefined
const variantCache = () => (cache ??= new VariantCache(variantCacheDir()))

const CONTENT_TYPES: Record<OutputFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' }

const text = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers } })

/** Exported file name (<sha1>-<w>x<h>.<ext>) → asset id (image-<sha1>-<w>x<h>-<ext>). */
export function assetIdOfFile(file: string): string | undefined {
  const match = /^([0-9a-f]+-\d+x\d+)\.([a-z0-9]+)$/.exec(file)
  return match ? `image-${match[1]}-${match[2]}` : undefined
}

/** The asset at /images/<project>/<dataset>/<file>, path being what follows /images/. */
function assetAt(path: string[]): LocalAsset | undefined {
  const [projectId, datasetName, file, ...rest] = path
  if (projectId !== LOCAL_PROJECT_ID || datasetName !== LOCAL_DATASET_NAME || rest.length > 0 || !file) return undefined
  const assetId = assetIdOfFile(file)
  return assetId ? localDataset()?.assets.get(assetId) : undefined
}

/**
 * One image request. `site` rules for the public route; `studio` for a signed-in editor's
 * Studio, through the local lake (lib/lake/router.ts).
 */
export async function serveLocalImage(request: Request, path: string[], rules: Rules): Promise<Response> {
  const asset = assetAt(path)
  if (!asset) return text(404, 'Image not found')
  const parsed = parseVariant(asset, new URL(request.url).searchParams, request.headers.get('accept') ?? '', rules)
  if ('error' in parsed) return text(400, parsed.error)
  // File names are content hashes: a URL's image never changes. The Studio's sizes are for editors only.
  const caching = `${rules === 'site' ? 'public' : 'private'}, max-age=31536000, immutable`
  if ('original' in parsed) return original(asset, caching)
  if (asset.width * asset.height > MAX_SOURCE_PIXELS) return tooLarge()
  try {
    const body = await rendered(asset, parsed.variant)
    return new Response(new Uint8Array(body), { headers: { 'Content-Type': CONTENT_TYPES[parsed.variant.format], 'Cache-Control': caching, Vary: 'Accept' } })
  } catch (error) {
    if (error instanceof Busy) return text(503, 'Too many images are being rendered; try again in a moment.', { 'Retry-After': String(RETRY_AFTER_S) })
    if (isOverPixelLimit(error)) return tooLarge()
    console.error(`[images] cannot render ${asset.file}: ${String(error)}`)
    return text(404, 'Image not available')
  }
}

const tooLarge = () => text(404, `Image not available: the original is larger than ${MAX_SOURCE_PIXELS / 1e6} megapixels.`)

/** No parameters: the file as it is, read as it is sent, with no decoding. */
async function original(asset: LocalAsset, caching: string): Promise<Response> {
  const stat = await fs.promises.stat(asset.filePath).catch(() => undefined)
  if (!stat?.isFile()) return text(404, 'Image not available')
  const body = Readable.toWeb(fs.createReadStream(asset.filePath)) as ReadableStream<Uint8Array>
  return new Response(body, { headers: { 'Content-Type': asset.mimeType, 'Content-Length': String(stat.size), 'Cache-Control': caching } })
}

/** From the disk cache, or rendered in a slot and kept; a cache hit runs no sharp. */
async function rendered(asset: LocalAsset, variant: Variant): Promise<Buffer> {
  const name = variantName(asset, variant)
  const cached = inFlight.get(name) ?? (await variantCache().get(name))
  if (cached) return cached
  // Another request may have started the same render while the cache was read.
  const started = inFlight.get(name)
  if (started) return started
  const pending = queue
    .run(() => renderVariant(asset, variant))
    .then(async (body) => {
      await variantCache().put(name, body)
      return body
    })
    .finally(() => inFlight.delete(name))
  inFlight.set(name, pending)
  return pending
}
