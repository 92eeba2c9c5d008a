import 'server-only'
import fs from 'node:fs/promises'
import sharp from 'sharp'
import { IMAGE_WIDTHS } from '@/lib/image'
import type { LocalAsset } from '@/lib/content/sources/ndjson'

/**
 * Renders an image of the embedded dataset the way Sanity's image CDN would for the
 * parameters our URL builder emits: rect (crop), w, h, fit, q and auto=format.
 * Widths snap up to the srcset widths so a crawler cannot make us render thousands.
 */
export type Rendered = { body: Buffer; contentType: string }

const MAX_DIMENSION = Math.max(...IMAGE_WIDTHS)

const snapWidth = (width: number) => IMAGE_WIDTHS.find((w) => w >= width) ?? MAX_DIMENSION

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d{1,5}$/.test(value)) return undefined
  const n = Number(value)
  return n > 0 ? n : undefined
}

function parseRect(value: string | null, asset: LocalAsset) {
  const numbers = value?.split(',').map(Number)
  if (!numbers || numbers.length !== 4 || numbers.some((n) => !Number.isInteger(n) || n < 0)) return undefined
  const [left, top, width, height] = numbers
  if (width === 0 || height === 0 || left + width > asset.width || top + height > asset.height) return undefined
  return { left, top, width, height }
}

export async function renderLocalImage(asset: LocalAsset, params: URLSearchParams, accept: string): Promise<Rendered> {
  const original = await fs.readFile(asset.filePath)
  let pipeline = sharp(original)
  const rect = parseRect(params.get('rect'), asset)
  if (rect) pipeline = pipeline.extract(rect)

  const requestedWidth = positiveInt(params.get('w'))
  const requestedHeight = positiveInt(params.get('h'))
  if (requestedWidth || requestedHeight) {
    const width = requestedWidth ? snapWidth(requestedWidth) : undefined
    // Keep the requested aspect ratio when the width was snapped.
    const height =
      requestedHeight && requestedWidth && width
        ? Math.round((requestedHeight * width) / requestedWidth)
        : requestedHeight && Math.min(requestedHeight, MAX_DIMENSION)
    // A crop to an aspect ratio (both sides given) fills the box, enlarging if it must, as
    // Sanity's CDN does for fit=crop; a width alone never enlarges the original.
    pipeline = pipeline.resize({ width, height, fit: 'cover', withoutEnlargement: !(width && height) })
  }

  const quality = Math.min(100, positiveInt(params.get('q')) ?? 75)
  const wantsWebp = params.get('fm') === 'webp' || (params.get('auto') === 'format' && accept.includes('image/webp'))
  if (wantsWebp) return { body: await pipeline.webp({ quality }).toBuffer(), contentType: 'image/webp' }
  if (asset.mimeType === 'image/png') return { body: await pipeline.png().toBuffer(), contentType: 'image/png' }
  return { body: await pipeline.jpeg({ quality, mozjpeg: true }).toBuffer(), contentType: 'image/jpeg' }
}

/** Exported file name (<sha1>-<w>x<h>.<ext>) → asset id (image-<sha1>-<w>x<h>-<ext>). */
export function assetIdOfFile(file: string): string | undefined {
  const match = /^([0-9a-f]+-\d+x\d+)\.([a-z0-9]+)$/.exec(file)
  return match ? `image-${match[1]}-${match[2]}` : undefined
}
