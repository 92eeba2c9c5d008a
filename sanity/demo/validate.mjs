#!/usr/bin/env node
// Sanity checks for sanity/demo/dataset.ndjson and sanity/demo/images/.
//   node sanity/demo/validate.mjs
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const lines = fs.readFileSync(path.join(HERE, 'dataset.ndjson'), 'utf8').split('\n')
const errors = []
const err = (m) => errors.push(m)

if (lines.pop() !== '') err('file must end with a newline')
const docs = lines
  .map((l, i) => {
    try {
      return JSON.parse(l)
    } catch (e) {
      err(`line ${i + 1}: ${e.message}`)
      return null
    }
  })
  .filter(Boolean)

const ids = new Set()
for (const d of docs) {
  if (ids.has(d._id)) err(`duplicate _id ${d._id}`)
  ids.add(d._id)
  for (const f of ['_id', '_type', '_createdAt', '_updatedAt', '_rev']) if (!d[f]) err(`${d._id}: missing ${f}`)
  for (const f of ['_createdAt', '_updatedAt', 'publishedAt', 'updatedAt'])
    if (d[f] !== undefined && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(d[f])) err(`${d._id}: bad ${f} ${d[f]}`)
  if (d._updatedAt < d._createdAt) err(`${d._id}: _updatedAt before _createdAt`)
}
const published = new Set([...ids].filter((i) => !i.startsWith('drafts.')))

// Walk every value: references, keys, assets, links.
const assets = new Set()
function walk(v, where, docId) {
  if (Array.isArray(v)) {
    const keys = new Set()
    for (const [i, item] of v.entries()) {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        if (!item._key) err(`${docId}: ${where}[${i}] missing _key`)
        else if (keys.has(item._key)) err(`${docId}: ${where} duplicate _key ${item._key}`)
        keys.add(item._key)
      }
      walk(item, `${where}[${i}]`, docId)
    }
  } else if (v && typeof v === 'object') {
    if (v._type === 'reference' && !published.has(v._ref)) err(`${docId}: ${where} unresolved ref ${v._ref}`)
    if (v._type === 'image') {
      if ('asset' in v) err(`${docId}: ${where} image has asset key`)
      const m = /^image@file:\/\/\.\/images\/([0-9a-f]{40})-(\d+)x(\d+)\.(jpg|png)$/.exec(v._sanityAsset ?? '')
      if (!m) err(`${docId}: ${where} bad _sanityAsset ${v._sanityAsset}`)
      else assets.add(m[0].slice('image@file://./'.length))
      if (!v.alt) err(`${docId}: ${where} image without alt`)
    }
    if (v._type === 'link' && !/^(https?:\/\/|mailto:|\/(?!\/))/.test(v.href)) err(`${docId}: bad href ${v.href}`)
    for (const [k, val] of Object.entries(v)) walk(val, `${where}.${k}`, docId)
  }
}
for (const d of docs) walk(d, '', d._id)

// Images
let totalBytes = 0
for (const rel of assets) {
  const file = path.join(HERE, rel)
  if (!fs.existsSync(file)) {
    err(`missing image ${rel}`)
    continue
  }
  const buf = fs.readFileSync(file)
  totalBytes += buf.length
  const [, hash, w, h, ext] = /([0-9a-f]{40})-(\d+)x(\d+)\.(\w+)$/.exec(rel)
  if (createHash('sha1').update(buf).digest('hex') !== hash) err(`${rel}: sha1 mismatch`)
  const meta = await sharp(buf).metadata()
  if (meta.width !== +w || meta.height !== +h) err(`${rel}: dimensions ${meta.width}x${meta.height}`)
  if ((ext === 'jpg') !== (meta.format === 'jpeg')) err(`${rel}: format ${meta.format}`)
  if (ext === 'jpg' && buf.length > 120 * 1024) err(`${rel}: ${buf.length} bytes`)
}
const onDisk = fs.readdirSync(path.join(HERE, 'images'))
for (const f of onDisk) if (!assets.has(`images/${f}`)) err(`unreferenced image images/${f}`)
if (totalBytes > 5 * 1024 * 1024) err(`images total ${totalBytes} bytes`)

// Content rules
const byType = (t) => docs.filter((d) => d._type === t)
const articles = byType('article')
const pub = articles.filter((a) => !a._id.startsWith('drafts.'))
const drafts = articles.filter((a) => a._id.startsWith('drafts.'))
const slugs = new Set()
const dates = new Set()
const usedPeople = new Set()
const sectionCounts = {}
for (const a of articles) {
  if (!a.headline || a.headline.length > 120) err(`${a._id}: headline length ${a.headline?.length}`)
  if (a.keyPoints && (a.keyPoints.length > 5 || a.keyPoints.some((k) => typeof k !== 'string' || k.length > 200))) err(`${a._id}: keyPoints invalid`)
  if (!['en', 'zh-Hans'].includes(a.language)) err(`${a._id}: language ${a.language}`)
  for (const b of a.bylines ?? []) {
    if (!['author', 'editor', 'photographer', 'translator', 'contributor'].includes(b.role)) err(`${a._id}: role ${b.role}`)
    usedPeople.add(b.person._ref)
  }
  if (a.updatedAt && a.updatedAt <= a.publishedAt) err(`${a._id}: updatedAt not after publishedAt`)
  for (const c of a.corrections ?? []) {
    if (c._type !== 'correction' || !c._key) err(`${a._id}: correction without _type or _key`)
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(c.date ?? '') || c.date <= a.publishedAt) err(`${a._id}: correction date ${c.date}`)
    if (!c.text?.trim() || c.text.length > 600) err(`${a._id}: correction text length ${c.text?.length}`)
    if (c.date > a._updatedAt) err(`${a._id}: correction after _updatedAt`)
  }
  const paras = a.body.filter((b) => b._type === 'block' && b.style !== 'h2' && b.style !== 'h3').length
  if (a._id !== 'article-one-belt-one-road-central-asia' && (paras < 4 || paras > 12)) err(`${a._id}: ${paras} paragraphs`)
}
for (const a of pub) {
  if (slugs.has(a.slug.current)) err(`duplicate slug ${a.slug.current}`)
  slugs.add(a.slug.current)
  if (dates.has(a.publishedAt)) err(`duplicate publishedAt ${a.publishedAt}`)
  dates.add(a.publishedAt)
  if (a._id !== 'article-one-belt-one-road-central-asia' && (a.publishedAt < '2026-09-01' || a.publishedAt > '2026-11-29'))
    err(`${a._id}: publishedAt out of range`)
  const s = a.section._ref
  sectionCounts[s] = (sectionCounts[s] ?? 0) + 1
}
for (const s of byType('section')) if ((sectionCounts[s._id] ?? 0) < 5) err(`${s._id}: only ${sectionCounts[s._id]} articles`)
if ((sectionCounts['section-world'] ?? 0) < 22) err('World needs at least 22 published articles')
for (const p of byType('person')) if (!usedPeople.has(p._id)) err(`${p._id} has no bylines`)
const he = docs.find((d) => d._id === 'person-he-yuting')
if (!he || he.name !== 'He Yuting' || he.jobTitle !== 'Editor') err('person-he-yuting missing or wrong')
if (pub.filter((a) => a.heroImage).length < 30) err('fewer than 30 hero images')
if (!pub.some((a) => a.language === 'zh-Hans')) err('no zh-Hans article')
// The corrections page, its feed and the article notice need one corrected article without an editor's update time.
if (!pub.some((a) => a.corrections?.length && !a.updatedAt)) err('no corrected article without updatedAt')
if (byType('section').length < 6) err('fewer than 6 sections')
if (byType('person').length < 10) err('fewer than 10 people')
const revised = drafts.filter((d) => published.has(d._id.slice(7)))
if (revised.length < 3) err('fewer than 3 drafts of published articles')
for (const d of revised) {
  const p = docs.find((x) => x._id === d._id.slice(7))
  if (p.headline === d.headline) err(`${d._id}: headline unchanged`)
  if (JSON.stringify(p.body) === JSON.stringify(d.body)) err(`${d._id}: body unchanged`)
  if (JSON.stringify(p.keyPoints) === JSON.stringify(d.keyPoints)) err(`${d._id}: keyPoints unchanged`)
  if (p.slug.current !== d.slug.current) err(`${d._id}: slug differs from published`)
}
const onlyDrafts = drafts.filter((d) => !published.has(d._id.slice(7)))
if (onlyDrafts.length !== 1 || onlyDrafts[0]._id !== 'drafts.article-embargoed-budget-leak') err('draft-only article wrong')

// Seed article must match the source text when it is available.
// The seed lives in the workspace's shared folder, beside the repository.
const seedFile = path.join(HERE, '..', '..', '..', 'shared', 'seeds', '000_71c2c0a38d36d25c.txt')
if (!fs.existsSync(seedFile)) console.log('seed source not found beside the repository: seed comparison skipped')
else {
  const a = docs.find((d) => d._id === 'article-one-belt-one-road-central-asia')
  const src = fs.readFileSync(seedFile, 'utf8')
  const srcLines = src.split('\n')
  if (a.headline !== srcLines[0]) err('seed headline mismatch')
  const kp = srcLines.filter((l) => l.startsWith('  \u2022 ')).map((l) => l.slice(4))
  if (JSON.stringify(kp) !== JSON.stringify(a.keyPoints)) err('seed keyPoints mismatch')
  const paras = srcLines.slice(srcLines.indexOf('11 Minutes') + 1).filter((l) => l.trim())
  paras[paras.length - 1] = paras[paras.length - 1].replace(/ Editor\/He Yuting$/, '')
  const body = a.body.map((b) => b.children.map((c) => c.text).join(''))
  if (JSON.stringify(body) !== JSON.stringify(paras)) err('seed body mismatch')
  if (a.body.some((b) => b.style !== 'normal')) err('seed body has non-normal blocks')
  if (a.standfirst || a.heroImage) err('seed should have no standfirst/hero')
}

const counts = {}
for (const d of docs) {
  const t = d._id.startsWith('drafts.') ? `${d._type} (draft)` : d._type
  counts[t] = (counts[t] ?? 0) + 1
}
console.log('documents:', counts)
console.log('published per section:', sectionCounts)
console.log(`hero images: ${pub.filter((a) => a.heroImage).length}; images: ${assets.size} files, ${(totalBytes / 1024).toFixed(0)} KB`)
// Drafts that are invalid on purpose (content/drafts.mjs): the preview must show them with a warning.
const INVALID_ON_PURPOSE = ['drafts.article-battery-recycling-plant-opens']
for (const id of INVALID_ON_PURPOSE) {
  const own = errors.filter((e) => e.startsWith(`${id}:`))
  if (own.length === 0) errors.push(`${id}: expected to be invalid on purpose, but it validates`)
  else console.log(`invalid on purpose: ${own.join('; ')}`)
}
const unexpected = errors.filter((e) => !INVALID_ON_PURPOSE.some((id) => e.startsWith(`${id}:`)))
errors.length = 0
errors.push(...unexpected)
if (errors.length) {
  console.error(`${errors.length} problem(s):\n- ${errors.join('\n- ')}`)
  process.exit(1)
}
console.log('OK')
