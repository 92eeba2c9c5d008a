import { createImageUrlBuilder } from '@sanity/image-url'
import { LOCAL_DATASET_NAME, LOCAL_PROJECT_ID } from '@/lib/content/sources/ndjson'
import type { Image } from '@/lib/content'
import { readConfig } from '@/lib/env'

/** Widths offered in srcset. */
export const IMAGE_WIDTHS = [320, 480, 640, 800, 1024, 1280, 1600, 2000] as const
/**
 * Widths asked for outside srcset: 1200 for share images, structured data and feed enclosures,
 * 600 for portraits and the logo in structured data. The embedded dataset's image route renders
 * these widths and the srcset's, and no other (lib/local-images).
 */
export const FIXED_IMAGE_WIDTHS = [600, 1200] as const
/** The quality of every image URL the site makes. */
export const IMAGE_QUALITY = 75

/**
 * One URL builder for both sources. With a Sanity project, images come from its CDN;
 * on the embedded dataset the site answers the same URL shape itself (app/images).
 */
function builder() {
  const { source } = readConfig()
  return source.mode === 'sanity'
    ? createImageUrlBuilder({ projectId: source.projectId, dataset: source.dataset })
    : createImageUrlBuilder({ projectId: LOCAL_PROJECT_ID, dataset: LOCAL_DATASET_NAME, baseUrl: '/' })
}

export type ImageSource = Pick<Image, 'asset' | 'hotspot' | 'crop'>

const toBuilderSource = (image: ImageSource) => ({
  asset: { _ref: image.asset._id },
  ...(image.hotspot ? { hotspot: image.hotspot } : {}),
  ...(image.crop ? { crop: image.crop } : {}),
})

/** A URL for one width, cropped to the aspect ratio (width / height) when given, around the hotspot. */
export function imageUrl(image: ImageSource, width: number, aspectRatio?: number): string {
  let url = builder().image(toBuilderSource(image)).width(width).auto('format').quality(IMAGE_QUALITY)
  if (aspectRatio) url = url.height(Math.round(width / aspectRatio)).fit('crop')
  return url.url()
}

/** src, srcset and intrinsic size for an <img>, at widths up to the original's. */
export function responsiveImage(image: ImageSource, { aspectRatio, maxWidth = 1600 }: { aspectRatio?: number; maxWidth?: number } = {}) {
  const ratio = aspectRatio ?? image.asset.width / image.asset.height
  const widths = IMAGE_WIDTHS.filter((w) => w <= Math.min(maxWidth, image.asset.width))
  const candidates = widths.length > 0 ? widths : [Math.min(maxWidth, image.asset.width)]
  const largest = candidates[candidates.length - 1]
  const urls = candidates.map((w) => imageUrl(image, w, aspectRatio))
  return {
    src: urls[urls.length - 1],
    srcSet: urls.map((url, i) => `${url} ${candidates[i]}w`).join(', '),
    width: largest,
    height: Math.round(largest / ratio),
  }
}

const MIME_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' }

/**
 * A URL that keeps the original's file format (no auto=format), with its MIME type, for
 * places that must state the type in advance: feed enclosures. Undefined for a format
 * that is not a known raster image (an SVG, say).
 */
export function imageFile(image: ImageSource, width: number): { url: string; type: string } | undefined {
  const type = MIME_TYPES[image.asset._id.split('-').pop()?.toLowerCase() ?? '']
  if (!type) return undefined
  const url = builder().image(toBuilderSource(image)).width(Math.min(width, image.asset.width)).quality(IMAGE_QUALITY).url()
  return { url, type }
}
