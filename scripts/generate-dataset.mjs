#!/usr/bin/env node
/**
 * Writes a generated dataset in Sanity's export format, with the images it references:
 *   node scripts/generate-dataset.mjs --articles 10000 --out /tmp/ds-10k/dataset.ndjson [--seed 1] [--no-drafts]
 * Deterministic: the same arguments give the same file. The images are copied from
 * sanity/demo/images/ into an `images/` folder beside the output, so LOCAL_DATASET can
 * point at it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { optionValue } from './cli-options.mjs'
import { generateDataset, IMAGE_FILES, toNdjson } from './dataset-generator.mjs'

const args = process.argv.slice(2)
const option = (name, fallback) => optionValue(args, name, fallback)
const articles = Number(option('articles', '1000'))
const seed = Number(option('seed', '1'))
const out = option('out', undefined)
if (!out || !Number.isInteger(articles) || articles < 0 || !Number.isInteger(seed)) {
  console.error('usage: node scripts/generate-dataset.mjs --articles <n> --out <file.ndjson> [--seed <n>] [--no-drafts]')
  process.exit(2)
}

const docs = generateDataset({ articles, seed, drafts: !args.includes('--no-drafts') })
fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true })
fs.writeFileSync(out, toNdjson(docs))

const demoImages = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'sanity', 'demo', 'images')
const imagesDir = path.join(path.dirname(path.resolve(out)), 'images')
fs.mkdirSync(imagesDir, { recursive: true })
for (const file of IMAGE_FILES) fs.copyFileSync(path.join(demoImages, file), path.join(imagesDir, file))

const size = fs.statSync(out).size
console.log(`${out}: ${docs.length} documents (${articles} articles), ${(size / 1e6).toFixed(1)} MB; ${IMAGE_FILES.length} images in ${imagesDir}`)
