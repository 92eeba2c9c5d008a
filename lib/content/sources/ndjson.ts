import fs from 'node:fs'
import path from 'node:path'
import { log } from '@/lib/log'

export type SanityDocument = { _id: string; _type: string; [key: string]: unknown }

/** An image file of the local dataset, by the asset id that documents reference. */
export type LocalAsset = { id: string; file: string; filePath: string; width: number; height: number; mimeType: string }

export type LocalDataset = {
  documents: SanityDocument[]
  assets: Map<string, LocalAsset>
}

/** Where the site serves the local dataset's images: the same shape as Sanity's CDN, see lib/image.ts. */
export const LOCAL_PROJECT_ID = 'local'
export const LOCAL_DATASET_NAME = 'embedded'
export const localAssetUrl = (file: string) => `/images/${LOCAL_PROJECT_ID}/${LOCAL_DATASET_NAME}/${file}`

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
  let text: string
  try {
    text = fs.readFileSync(datasetPath, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new DatasetError(`Cannot read the local dataset at ${datasetPath} (${reason}). Set LOCAL_DATASET to an NDJSON file.`)
  }
  return parseNdjsonDataset(text, path.dirname(datasetPath))
}

export function parseNdjsonDataset(text: string, baseDir: string): LocalDataset {
  const documents: SanityDocument[] = []
  const assets = new Map<string, LocalAsset>()
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      log.warn(`LOCAL_DATASET line ${index + 1} is not valid JSON; skipped.`)
      return
    }
    if (!isDocument(value)) {
      log.warn(`LOCAL_DATASET line ${index + 1} is not a document with _id and _type; skipped.`)
      return
    }
    documents.push(linkAssets(value, baseDir, assets) as SanityDocument)
  })
  for (const asset of assets.values()) documents.push(assetDocument(asset))
  return { documents, assets }
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

function registerAsset(spec: string, baseDir: string, assets: Map<string, LocalAsset>): LocalAsset | undefined {
  const match = EXPORTED_IMAGE.exec(spec)
  if (!match) {
    log.warn(`LOCAL_DATASET asset "${spec}" is not an exported image path; the image is left out.`)
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
function assetDocument(asset: LocalAsset): SanityDocument {
  return {
    _id: asset.id,
    _type: 'sanity.imageAsset',
    url: localAssetUrl(asset.file),
    mimeType: asset.mimeType,
    metadata: {
      _type: 'sanity.imageMetadata',
      dimensions: { _type: 'sanity.imageDimensions', width: asset.width, height: asset.height, aspectRatio: asset.width / asset.height },
    },
  }
}
