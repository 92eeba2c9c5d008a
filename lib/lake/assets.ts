import sharp, { type Metadata } from 'sharp'
import type { LocalStore } from '@/lib/content/sources/local-store'
import { assetDocument } from '@/lib/content/sources/ndjson'
import { MAX_SOURCE_PIXELS } from '@/lib/local-images/variant'
import { badRequest } from './errors'
import { readBody } from './request-body'

/** The largest image an editor may upload, in bytes and in pixels (a decompression bomb is refused unread). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024
// No larger than the image route decodes, so every upload can be shown.
const MAX_UPLOAD_PIXELS = MAX_SOURCE_PIXELS
/** The formats the reader site's image route renders, by sharp's name, with the extension the file gets. */
const EXTENSIONS: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif' }

/**
 * POST /assets/images/<dataset>: the raw bytes of an image become a file in the dataset's
 * images folder, named as `sanity dataset export` names it, and the asset document is answered.
 */
export async function uploadImage(store: LocalStore, request: Request) {
  const bytes = await readBody(request, MAX_UPLOAD_BYTES)
  if (!bytes.length) throw badRequest('The upload is empty.')
  let metadata: Metadata
  try {
    metadata = await sharp(bytes, { limitInputPixels: MAX_UPLOAD_PIXELS }).metadata()
  } catch (error) {
    throw badRequest(`The upload is not an image this site can show (${(error as Error).message}).`)
  }
  const extension = metadata.format && EXTENSIONS[metadata.format]
  if (!extension || !metadata.width || !metadata.height) throw badRequest(`Upload a JPEG, PNG, WebP or GIF image (this is ${metadata.format ?? 'unknown'}).`)
  if (metadata.width * metadata.height > MAX_UPLOAD_PIXELS) throw badRequest(`The image is larger than ${MAX_UPLOAD_PIXELS / 1e6} megapixels.`)
  const asset = await store.addImage(bytes, { width: metadata.width, height: metadata.height, extension })
  return assetDocument(asset)
}
