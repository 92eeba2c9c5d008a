import 'server-only'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import unicodeRanges from '@fontsource/newsreader/unicode.json'

/**
 * The share card's fonts: Newsreader (the site's headline face) from @fontsource/newsreader,
 * read from disk. Satori, behind next/og, reads WOFF, TTF and OTF but not WOFF2, and
 * this non-variable package ships WOFF files. Nothing is fetched.
 *
 * Each path is a literal so the build traces the files into the server bundle.
 */
const FILES = {
  400: [
    path.join(process.cwd(), 'node_modules/@fontsource/newsreader/files/newsreader-latin-400-normal.woff'),
    path.join(process.cwd(), 'node_modules/@fontsource/newsreader/files/newsreader-latin-ext-400-normal.woff'),
    path.join(process.cwd(), 'node_modules/@fontsource/newsreader/files/newsreader-vietnamese-400-normal.woff'),
  ],
  600: [
    path.join(process.cwd(), 'node_modules/@fontsource/newsreader/files/newsreader-latin-600-normal.woff'),
    path.join(process.cwd(), 'node_modules/@fontsource/newsreader/files/newsreader-latin-ext-600-normal.woff'),
    path.join(process.cwd(), 'node_modules/@fontsource/newsreader/files/newsreader-vietnamese-600-normal.woff'),
  ],
} as const

export const SHARE_CARD_FONT = 'Newsreader'

export type ShareCardFont = { name: string; data: ArrayBuffer; weight: 400 | 600; style: 'normal' }

let loading: Promise<ShareCardFont[]> | undefined

/** Every subset file at both weights, read once per server process. */
export function shareCardFonts(): Promise<ShareCardFont[]> {
  loading ??= Promise.all(
    (Object.entries(FILES) as [string, readonly string[]][]).flatMap(([weight, files]) =>
      files.map(async (file) => {
        const buffer = await readFile(file)
        const data = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer
        return { name: SHARE_CARD_FONT, data, weight: Number(weight) as 400 | 600, style: 'normal' as const }
      }),
    ),
  ).catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}

/** The code points these files cover, from the package's own unicode-range table. */
export const SHARE_CARD_RANGES: [number, number][] = Object.values(unicodeRanges as Record<string, string>).flatMap((list) =>
  list.split(',').map((range) => {
    const [start, end = start] = range.trim().replace(/^U\+/i, '').split('-')
    return [parseInt(start, 16), parseInt(end, 16)] as [number, number]
  }),
)

/** Whether the bundled fonts draw every character of `text` (so Satori never goes looking for another font online). */
export function fontsCover(text: string, ranges: [number, number][] = SHARE_CARD_RANGES): boolean {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0
    if (!ranges.some(([start, end]) => code >= start && code <= end)) return false
  }
  return true
}
