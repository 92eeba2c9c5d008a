import { FIXED_IMAGE_WIDTHS, IMAGE_QUALITY, IMAGE_WIDTHS } from '@/lib/image'
import type { LocalAsset } from '@/lib/content/sources/ndjson'

/**
 * What an image URL of the embedded dataset asks for, checked and reduced to the picture to
 * render. Two sets of rules: `site` accepts exactly what lib/image.ts makes (every other URL
 * is a 400), `studio` the wider sizes Sanity Studio asks for, for signed-in editors only. Both
 * never enlarge: a box larger than the original (after its crop) shrinks, keeping its shape,
 * until it fits.
 */
export type Rules = 'site' | 'studio'
export type Rect = { left: number; top: number; width: number; height: number }
export type OutputFormat = 'jpeg' | 'png' | 'webp' | 'gif'
/** The picture to render: the part of the original (rect), its size once resized, and its encoding. */
export type Variant = { rect?: Rect; width: number; height: number; quality: number; format: OutputFormat }
export type Parsed = { variant: Variant } | { original: true } | { error: string }

/** The largest original decoded, as for uploads (lib/lake/assets.ts): a decompression bomb is refused unread. */
export const MAX_SOURCE_PIXELS = 50_000_000
/** A crop box at most 4:1 or 1:4. */
export const MAX_ASPECT = 4
/** The Studio's largest box before its device pixel ratio (its image input asks for 2000). */
const STUDIO_MAX_BOX = 2000
const STUDIO_MAX_DPR = 3

const PARAMETERS: Record<Rules, readonly string[]> = {
  site: ['rect', 'w', 'h', 'fit', 'auto', 'q'],
  studio: ['rect', 'w', 'h', 'fit', 'auto', 'q', 'dpr', 'fm'],
}
const STUDIO_FITS = ['crop', 'clip', 'max']
const FORMATS: Record<string, OutputFormat> = { jpg: 'jpeg', png: 'png', webp: 'webp' }
const ORIGINAL_FORMATS: Record<string, OutputFormat> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' }

class Refused extends Error {}
const refuse = (message: string): never => {
  throw new Refused(message)
}

/** The widths the site's URLs carry for this asset: srcset, the fixed ones, and its own when narrower (lib/image.ts caps widths at it). */
export function siteWidths(asset: Pick<LocalAsset, 'width'>): number[] {
  const widths = new Set<number>([...IMAGE_WIDTHS, ...FIXED_IMAGE_WIDTHS])
  if (asset.width < Math.max(...FIXED_IMAGE_WIDTHS)) widths.add(asset.width)
  return [...widths].sort((a, b) => a - b)
}

export function parseVariant(asset: LocalAsset, params: URLSearchParams, accept: string, rules: Rules): Parsed {
  try {
    checkNames(params, rules)
    if ([...params.keys()].length === 0) return { original: true }
    return { variant: rules === 'site' ? siteVariant(asset, params, accept) : studioVariant(asset, params, accept) }
  } catch (error) {
    if (error instanceof Refused) return { error: error.message }
    throw error
  }
}

function checkNames(params: URLSearchParams, rules: Rules) {
  const seen = new Set<string>()
  for (const name of params.keys()) {
    if (!PARAMETERS[rules].includes(name)) refuse(`Unknown parameter "${name}": this route takes ${PARAMETERS[rules].join(', ')}.`)
    if (seen.has(name)) refuse(`Parameter "${name}" is given more than once.`)
    seen.add(name)
  }
}

function siteVariant(asset: LocalAsset, params: URLSearchParams, accept: string): Variant {
  const rect = parseRect(params.get('rect'), asset)
  const w = wholeNumber(params, 'w') ?? refuse('w is required.')
  const widths = siteWidths(asset)
  if (!widths.includes(w)) refuse(`w must be one of ${widths.join(', ')} for this image; got ${w}.`)
  const h = wholeNumber(params, 'h')
  const fit = params.get('fit')
  if (fit !== null && fit !== 'crop') refuse(`fit must be crop; got "${fit}".`)
  if ((h === undefined) !== (fit === null)) refuse('h and fit=crop come together.')
  if (h !== undefined && (w / h > MAX_ASPECT || h / w > MAX_ASPECT))
    refuse(`w and h must make an aspect ratio between 1:${MAX_ASPECT} and ${MAX_ASPECT}:1; got ${w}×${h}.`)
  checkAuto(params)
  const q = wholeNumber(params, 'q')
  if (q !== undefined && q !== IMAGE_QUALITY) refuse(`q must be ${IMAGE_QUALITY}; got ${q}.`)
  const format = autoFormat(params, accept) ?? originalFormat(asset)
  return { ...fitted(sourceOf(asset, rect), w, h, h !== undefined), ...(rect ? { rect } : {}), quality: IMAGE_QUALITY, format }
}

function studioVariant(asset: LocalAsset, params: URLSearchParams, accept: string): Variant {
  const rect = parseRect(params.get('rect'), asset)
  const [w, h] = (['w', 'h'] as const).map((name) => {
    const value = wholeNumber(params, name)
    if (value !== undefined && value > STUDIO_MAX_BOX) refuse(`${name} must be at most ${STUDIO_MAX_BOX}; got ${value}.`)
    return value
  })
  const fit = params.get('fit')
  if (fit !== null && !STUDIO_FITS.includes(fit)) refuse(`fit must be one of ${STUDIO_FITS.join(', ')}; got "${fit}".`)
  const dpr = parseDpr(params.get('dpr'))
  checkAuto(params)
  const q = wholeNumber(params, 'q') ?? IMAGE_QUALITY
  if (q > 100) refuse(`q must be at most 100; got ${q}.`)
  const fm = params.get('fm')
  if (fm !== null && !FORMATS[fm]) refuse(`fm must be one of ${Object.keys(FORMATS).join(', ')}; got "${fm}".`)
  const format = (fm === null ? undefined : FORMATS[fm]) ?? autoFormat(params, accept) ?? originalFormat(asset)
  // Neither side given: the original's size, up to the largest box the Studio asks for.
  const [boxWidth, boxHeight] = w === undefined && h === undefined ? [STUDIO_MAX_BOX, STUDIO_MAX_BOX] : [w, h]
  const scaled = (side: number | undefined) => (side === undefined ? undefined : Math.round(side * dpr))
  const box = fitted(sourceOf(asset, rect), scaled(boxWidth), scaled(boxHeight), fit === 'crop' && w !== undefined && h !== undefined)
  return { ...box, ...(rect ? { rect } : {}), quality: q, format }
}

const sourceOf = (asset: LocalAsset, rect: Rect | undefined) => ({ width: rect?.width ?? asset.width, height: rect?.height ?? asset.height })

/**
 * The rendered size. A crop fills the box w×h; otherwise the source keeps its shape within the
 * given sides. Either way nothing is enlarged: a box larger than the source shrinks to fit it.
 */
function fitted(source: { width: number; height: number }, w: number | undefined, h: number | undefined, crop: boolean) {
  if (crop && w && h) {
    const scale = Math.min(1, source.width / w, source.height / h)
    return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) }
  }
  const scale = Math.min(1, w ? w / source.width : 1, h ? h / source.height : 1)
  return { width: Math.max(1, Math.round(source.width * scale)), height: Math.max(1, Math.round(source.height * scale)) }
}

function wholeNumber(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name)
  if (value === null) return undefined
  if (!/^[1-9]\d{0,4}$/.test(value)) refuse(`${name} must be a whole number of pixels from 1 to 99999; got "${value}".`)
  return Number(value)
}

/** rect=left,top,width,height, in whole pixels of the original, inside it (the URL builder's crop). */
function parseRect(value: string | null, asset: LocalAsset): Rect | undefined {
  if (value === null) return undefined
  const numbers = /^\d{1,5},\d{1,5},\d{1,5},\d{1,5}$/.test(value) ? value.split(',').map(Number) : []
  const [left, top, width, height] = numbers
  const inside = numbers.length === 4 && width > 0 && height > 0 && left + width <= asset.width && top + height <= asset.height
  if (!inside) refuse(`rect must be left,top,width,height in whole pixels inside the ${asset.width}×${asset.height} image; got "${value}".`)
  // The whole image is no crop: one variant, not two.
  return width === asset.width && height === asset.height ? undefined : { left, top, width, height }
}

function parseDpr(value: string | null): number {
  if (value === null) return 1
  const dpr = /^\d(\.\d{1,2})?$/.test(value) ? Number(value) : NaN
  if (!(dpr >= 1 && dpr <= STUDIO_MAX_DPR)) refuse(`dpr must be a number from 1 to ${STUDIO_MAX_DPR}; got "${value}".`)
  return dpr
}

function checkAuto(params: URLSearchParams) {
  const auto = params.get('auto')
  if (auto !== null && auto !== 'format') refuse(`auto must be format; got "${auto}".`)
}

/** auto=format: WebP to a browser that says it takes it, else the original's format. */
const autoFormat = (params: URLSearchParams, accept: string): OutputFormat | undefined =>
  params.get('auto') === 'format' && accept.includes('image/webp') ? 'webp' : undefined

/** Without auto=format the original's format is kept: feed enclosures state it in advance (imageFile in lib/image.ts). */
const originalFormat = (asset: LocalAsset): OutputFormat => ORIGINAL_FORMATS[asset.mimeType] ?? 'jpeg'

/** A file name for the variant, unique to what is rendered: two URLs that render the same picture share it. */
export function variantName(asset: LocalAsset, { rect, width, height, quality, format }: Variant): string {
  const crop = rect ? `${rect.left}_${rect.top}_${rect.width}_${rect.height}` : 'full'
  const lossy = format === 'jpeg' || format === 'webp'
  return `${asset.id}.${crop}.${width}x${height}${lossy ? `.q${quality}` : ''}.${format}`
}
