import sharp, { type Sharp } from 'sharp'
import type { LocalAsset } from '@/lib/content/sources/ndjson'
import { MAX_SOURCE_PIXELS, type Variant } from './variant'

/** A render that takes longer than this is given up: no request holds a render slot for long. */
const RENDER_TIMEOUT_S = 20

/**
 * Renders a checked variant. sharp reads the file itself (no copy of it in the heap) and
 * refuses, from its header, an original larger than the pixel limit, whatever its name says.
 */
export async function renderVariant(asset: LocalAsset, variant: Variant): Promise<Buffer> {
  let pipeline = sharp(asset.filePath, { limitInputPixels: MAX_SOURCE_PIXELS }).timeout({ seconds: RENDER_TIMEOUT_S })
  if (variant.rect) pipeline = pipeline.extract(variant.rect)
  // The size is final (variant.ts never enlarges): cover only trims a rounding pixel.
  pipeline = pipeline.resize({ width: variant.width, height: variant.height, fit: 'cover' })
  return encode(pipeline, variant).toBuffer()
}

function encode(pipeline: Sharp, { format, quality }: Variant): Sharp {
  if (format === 'webp') return pipeline.webp({ quality })
  if (format === 'png') return pipeline.png()
  if (format === 'gif') return pipeline.gif()
  return pipeline.jpeg({ quality, mozjpeg: true })
}

/** sharp's error for an original over limitInputPixels. */
export const isOverPixelLimit = (error: unknown) => error instanceof Error && /pixel limit/i.test(error.message)
