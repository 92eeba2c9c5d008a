import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { log } from '@/lib/log'
import { packField } from './packed-field'

export type SanityDocument = { _id: string; _type: string; [key: string]: unknown }

/** An image file of the local dataset, by the asset id that documents reference. */
export type LocalAsset = { id: string; file: string; filePath: string; width: number; height: number; mimeType: string; size?: number }

export type LocalDataset = {
  documents: SanityDocument[]
  assets: Map<string, LocalAsset>
}

/** Where the site serves the local dataset's images: the same shape as Sanity's CDN, see lib/image.ts. */
export const LOCAL_PROJECT_ID = 'local'
export const LOCAL_DATASET_NAME = 'embedded'
/**
 * An asset document's `url`, which only the Studio reads (`${asset.url}?h=800&fit=max`): at the
 * local lake, so the editor's cookie (Path=/api/lake) comes along and the lake renders the
 * Studio's sizes; anyone else is sent on to /images/, which takes only the site's own URLs.
 */
export const localAssetUrl = (file: string) => `/api/lake/images/${LOCAL_PROJECT_ID}/${LOCAL_DATASET_NAME}/${file}`

export class DatasetError extends Error {
  override name = 'DatasetError'
}

// `sanity dataset export` writes images as {"_sanityAsset": "image@file://./images/<sha1>-<w>x<h>.<ext>"}.
const EXPORTED_IMAGE = /^image@file:\/\/\.\/images\/(([0-9a-f]+)-(\d+)x(\d+)\.([a-z0-9]+))$/
const MIME_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' }

/**
 * Reads a dataset in Sanity's export format. A line that is not a JSON document is
 * skipped with a warning naming its line number; an unreadable file is an error
 * that names the path.
 */
export function readNdjsonDataset(datasetPath: string): LocalDataset {
  const bytes = readDatasetFile(datasetPath)
  return parseLines(bytes, lineRanges(bytes), path.dirname(datasetPath))
}

/**
 * LOCAL_DATASET as the server reads it at start-up: leniently (a bad line is skipped with a
 * warning), but a file with no document at all stops the start with an error naming the file
 * and its first bad line, rather than start a site with nothing to serve. (A version saved while
 * the server runs is read strictly instead, and the last good one stays: watch.ts.)
 */
export function readDatasetAtStart(datasetPath: string): ParsedDatasetFile {
  try {
    // Stamped before reading: a save made during the read gets another stamp, and is read in turn.
    const stamp = statOf(datasetPath)
    return parseDatasetFile(readDatasetFile(datasetPath), path.dirname(datasetPath), { requireDocument: true, ...(stamp ? { stamp } : {}) })
  } catch (error) {
    if (!(error instanceof NoDocumentError)) throw error
    throw new DatasetError(
      `LOCAL_DATASET ${datasetPath} ${error.message}. Start-up stopped rather than serve an empty site: set LOCAL_DATASET to an NDJSON file in Sanity's export format.`,
    )
  }
}

/** The file's stamp, or undefined when it cannot be read (readDatasetFile says why). */
function statOf(datasetPath: string): FileStamp | undefined {
  try {
    const { ino, size, mtimeMs } = fs.statSync(datasetPath)
    return { ino, size, mtimeMs }
  } catch {
    return undefined
  }
}

/** The file's bytes; an unreadable file is an error that names the path. */
export function readDatasetFile(datasetPath: string): Buffer {
  try {
    return fs.readFileSync(datasetPath)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new DatasetError(`Cannot read the local dataset at ${datasetPath} (${reason}). Set LOCAL_DATASET to an NDJSON file.`)
  }
}

/** Why a line of the file is not a JSON document. */
type Problem = { problem: string; detail?: string }
type BadLine = Problem & { line: number }
/** A non-blank line: its document with the images it references, or its problem. */
type LineResult = { document: SanityDocument; assets: LocalAsset[] } | Problem
/** A line's bytes in the file (without the newline), and what it holds; no result for a blank line. */
export type ParsedLine = { start: number; end: number; result?: LineResult }

/**
 * A version of the file as parsed, for a watcher: the next version reuses the lines they
 * share. It keeps a digest of the whole file and of each line (`lineDigests[i]` for
 * `lines[i]`) rather than the file's bytes (66 MB at 10,000 articles), which the server
 * would otherwise hold for as long as it runs. `stamp` is the file on disk it was read from
 * or written to: while the file still has that stamp, it is this version, unread.
 */
export type ParsedDatasetFile = { digest: string; lines: ParsedLine[]; lineDigests: string[]; dataset: LocalDataset; stamp?: FileStamp }

/** What tells one write of a file from another without reading it: inode, size and modification time. */
export type FileStamp = Pick<fs.Stats, 'ino' | 'size' | 'mtimeMs'>
export const sameStamp = (a: FileStamp, b: FileStamp) => a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs

/** A digest of bytes, to tell versions and lines apart without keeping them. */
export const digestOf = (bytes: Uint8Array) => crypto.createHash('sha1').update(bytes).digest('base64')

/** A file's lines and their digests, and the file's digest, made of the lines' (so no byte is hashed twice). */
export type FileLayout = { lines: ParsedLine[]; lineDigests: string[]; digest: string }

/**
 * The layout of a file's bytes. `known` holds the digests of lines the caller copied from a
 * version it has (the store rewriting the file): only the other lines are hashed, which at
 * 10,000 articles saves hashing 66 MB in the event loop at each save.
 */
export function layoutOf(bytes: Buffer, known?: readonly (string | undefined)[]): FileLayout {
  const lines = lineRanges(bytes)
  const usable = known?.length === lines.length ? known : undefined
  const lineDigests = lines.map(({ start, end }, index) => usable?.[index] ?? digestOf(bytes.subarray(start, end)))
  return { lines, lineDigests, digest: digestOf(Buffer.from(lineDigests.join('\n'))) }
}

/**
 * A version of the file refused by a strict read: its bad lines, or no document at all
 * (a file caught between being emptied and written).
 */
export class RefusedDatasetError extends DatasetError {
  override name = 'RefusedDatasetError'
  constructor(badLines: BadLine[]) {
    super(badLines.length ? describeBadLines(badLines) : 'has no documents')
  }
}

/** A version with no document at all, read with `requireDocument`: its first bad line, if it has any. */
class NoDocumentError extends DatasetError {
  override name = 'NoDocumentError'
  constructor(bytes: Buffer, lines: ParsedLine[], badLines: BadLine[]) {
    super(badLines.length ? `holds no valid document: ${describeFirstBadLine(bytes, lines, badLines)}` : 'holds no document: it is empty')
  }
}

const SHOWN_BAD_LINES = 5
/** Characters of a bad line quoted in a message: enough to recognise it, not a whole document. */
const EXCERPT_LENGTH = 60

function describeBadLines(badLines: BadLine[]): string {
  const described = badLines.slice(0, SHOWN_BAD_LINES).map(({ line, problem, detail }) => `line ${line} ${problem}${detail ? ` (${detail})` : ''}`)
  const more = badLines.length - SHOWN_BAD_LINES
  return described.join('; ') + (more > 0 ? `; and ${more} more bad line${more === 1 ? '' : 's'}` : '')
}

function describeFirstBadLine(bytes: Buffer, lines: ParsedLine[], [{ line, problem, detail }, ...rest]: BadLine[]): string {
  const more = rest.length ? `; and ${rest.length} more bad line${rest.length === 1 ? '' : 's'}` : ''
  // JSON.parse's message quotes the line as it is: a file of garbage must not send control characters to the terminal.
  return escapeControls(`line ${line} ${problem}${detail ? ` (${detail})` : ''}: ${excerpt(bytes, lines[line - 1])}${more}`)
}

const escapeControls = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

/** The start of a line, quoted as JSON quotes it, cut to EXCERPT_LENGTH characters. */
function excerpt(bytes: Buffer, { start, end }: ParsedLine): string {
  // At most 4 bytes a character: enough bytes for EXCERPT_LENGTH characters, without decoding a long line whole.
  const characters = [...bytes.toString('utf8', start, Math.min(end, start + EXCERPT_LENGTH * 4))]
  const cut = characters.length > EXCERPT_LENGTH || end > start + EXCERPT_LENGTH * 4
  return JSON.stringify(characters.slice(0, EXCERPT_LENGTH).join('')) + (cut ? '…' : '')
}

type ParseOptions = {
  /**
   * Refuse the whole version, with a RefusedDatasetError, for any bad line or no document at
   * all: a reload while the site runs, where a file being written or broken by a tool must
   * not replace a good one. Otherwise (start-up) a bad line is skipped with a warning.
   */
  strict?: boolean
  /**
   * The version served until now: the lines before the first change and after the last are
   * taken from it without parsing them again, so a one-article edit of a large file reparses
   * one line. Its documents are never mutated, so both versions can share them.
   */
  previous?: ParsedDatasetFile
  /** The file's layout (layoutOf), when the caller has it already. */
  layout?: FileLayout
  /** The stamp of the file on disk the bytes are. */
  stamp?: FileStamp
  /**
   * At start-up (readDatasetAtStart): a file with no document at all is an error naming its
   * first bad line, raised before any line is warned about, rather than an empty dataset.
   */
  requireDocument?: boolean
}

export function parseNdjsonDataset(text: string, baseDir: string, { strict }: Pick<ParseOptions, 'strict'> = {}): LocalDataset {
  const bytes = Buffer.from(text, 'utf8')
  return parseLines(bytes, lineRanges(bytes), baseDir, { strict })
}

/** A version of the file, with the digests the next version is compared with (see ParsedDatasetFile). */
export function parseDatasetFile(bytes: Buffer, baseDir: string, { strict, previous, layout, stamp, requireDocument }: ParseOptions = {}): ParsedDatasetFile {
  const { lines, lineDigests, digest } = layout ?? layoutOf(bytes)
  if (previous) reuseSharedLines(lines, lineDigests, previous)
  return { digest, lines, lineDigests, dataset: parseLines(bytes, lines, baseDir, { strict, requireDocument }), ...(stamp ? { stamp } : {}) }
}

/** Parses the lines that have no result yet (all but those reused from a previous version). */
function parseLines(bytes: Buffer, lines: ParsedLine[], baseDir: string, { strict, requireDocument }: ParseOptions = {}): LocalDataset {
  for (const line of lines) {
    if (line.result) continue
    const text = bytes.toString('utf8', line.start, line.end)
    if (text.trim()) line.result = parseLine(text, baseDir)
  }

  const documents: SanityDocument[] = []
  const assets = new Map<string, LocalAsset>()
  const badLines: BadLine[] = []
  lines.forEach(({ result }, index) => {
    if (!result) return
    if ('problem' in result) return void badLines.push({ line: index + 1, ...result })
    documents.push(result.document)
    for (const asset of result.assets) if (!assets.has(asset.id)) assets.set(asset.id, asset)
  })
  if (strict && (badLines.length || !documents.length)) throw new RefusedDatasetError(badLines)
  if (requireDocument && !documents.length) throw new NoDocumentError(bytes, lines, badLines)
  for (const { line, problem } of badLines) log.warn(`LOCAL_DATASET line ${line} ${problem}; skipped.`)
  return datasetOf(documents, assets)
}

/** A dataset of the file's documents, with the sanity.imageAsset document of each image. */
export function datasetOf(documents: SanityDocument[], assets: Map<string, LocalAsset>): LocalDataset {
  return { documents: [...documents, ...[...assets.values()].map(assetDocument)], assets }
}

/** Where each line is, as `text.split('\n')` would cut it (a 0x0A byte is always a newline in UTF-8). */
function lineRanges(bytes: Buffer): ParsedLine[] {
  const lines: ParsedLine[] = []
  for (let start = 0; start <= bytes.length;) {
    const newline = bytes.indexOf(0x0a, start)
    const end = newline < 0 ? bytes.length : newline
    lines.push({ start, end })
    start = end + 1
  }
  return lines
}

/**
 * Takes the results of the lines at the start (head) and at the end (tail) that are those of
 * the previous version (same digest); the lines between are the ones to parse.
 */
function reuseSharedLines(lines: ParsedLine[], lineDigests: string[], previous: ParsedDatasetFile) {
  const before = previous.lines
  const reuse = (at: number, oldAt: number) => {
    const same = lineDigests[at] === previous.lineDigests[oldAt]
    if (same) lines[at].result = before[oldAt].result
    return same
  }
  const most = Math.min(lines.length, before.length)
  let head = 0
  while (head < most && reuse(head, head)) head++
  let tail = 0
  while (tail < most - head && reuse(lines.length - 1 - tail, before.length - 1 - tail)) tail++
}

/**
 * Fields kept compressed until read (packed-field.ts): the Portable Text body, the bulk of an
 * article, read only to show one or to index the archive for search.
 */
const PACKED_FIELDS = ['body']

function parseLine(text: string, baseDir: string): LineResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { problem: 'is not valid JSON', detail: (error as Error).message }
  }
  if (!isDocument(value)) return { problem: 'is not a document with _id and _type' }
  const assets = new Map<string, LocalAsset>()
  const document = packDocument(linkAssets(value, baseDir, assets) as SanityDocument)
  return { document, assets: [...assets.values()] }
}

/** Packs a document's bulky fields in place (packed-field.ts), as every document of a dataset is; returns it. */
export function packDocument(document: SanityDocument): SanityDocument {
  for (const field of PACKED_FIELDS) packField(document, field)
  return document
}

/**
 * A document as a line of the export format: references to the dataset's own images become
 * `_sanityAsset` paths again, so the file stays what `sanity dataset export` writes.
 */
export function exportLine(document: SanityDocument, assets: Map<string, LocalAsset>): string {
  return JSON.stringify(document, (key, value) => {
    const ref = (value as { asset?: { _ref?: unknown } } | null)?.asset?._ref
    if (key === '' || typeof ref !== 'string' || !assets.has(ref)) return value
    const { asset: _asset, ...rest } = value as Record<string, unknown>
    return { ...rest, _sanityAsset: `image@file://./images/${assets.get(ref)!.file}` }
  })
}

/** The asset of an image file in the dataset's images folder, named as an export names it; undefined for other names. */
export function assetOfImageFile(file: string, baseDir: string): LocalAsset | undefined {
  return registerAsset(`image@file://./images/${file}`, baseDir, new Map(), { quiet: true })
}

function isDocument(value: unknown): value is SanityDocument {
  const doc = value as SanityDocument
  return typeof doc === 'object' && doc !== null && typeof doc._id === 'string' && typeof doc._type === 'string'
}

/** Turns exported image fields back into asset references, as an import into Sanity would. */
function linkAssets(value: unknown, baseDir: string, assets: Map<string, LocalAsset>): unknown {
  if (Array.isArray(value)) return value.map((item) => linkAssets(item, baseDir, assets))
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) {
    if (key === '_sanityAsset' && typeof child === 'string') {
      const asset = registerAsset(child, baseDir, assets)
      if (asset) out.asset = { _type: 'reference', _ref: asset.id }
      continue
    }
    out[key] = linkAssets(child, baseDir, assets)
  }
  return out
}

function registerAsset(spec: string, baseDir: string, assets: Map<string, LocalAsset>, { quiet = false } = {}): LocalAsset | undefined {
  const match = EXPORTED_IMAGE.exec(spec)
  if (!match) {
    if (!quiet) log.warn(`LOCAL_DATASET asset "${spec}" is not an exported image path; the image is left out.`)
    return undefined
  }
  const [, file, hash, width, height, extension] = match
  const id = `image-${hash}-${width}x${height}-${extension}`
  const asset = assets.get(id) ?? {
    id,
    file,
    filePath: path.join(baseDir, 'images', file),
    width: Number(width),
    height: Number(height),
    mimeType: MIME_TYPES[extension] ?? 'application/octet-stream',
  }
  assets.set(id, asset)
  return asset
}

/** The sanity.imageAsset document Sanity would hold for the file, so queries can dereference `asset->`. */
export function assetDocument(asset: LocalAsset): SanityDocument {
  return {
    _id: asset.id,
    _type: 'sanity.imageAsset',
    assetId: asset.id.split('-')[1],
    extension: asset.id.split('-').at(-1),
    originalFilename: asset.file,
    size: asset.size,
    path: `images/${LOCAL_PROJECT_ID}/${LOCAL_DATASET_NAME}/${asset.file}`,
    url: localAssetUrl(asset.file),
    mimeType: asset.mimeType,
    metadata: {
      _type: 'sanity.imageMetadata',
      dimensions: { _type: 'sanity.imageDimensions', width: asset.width, height: asset.height, aspectRatio: asset.width / asset.height },
    },
  }
}
