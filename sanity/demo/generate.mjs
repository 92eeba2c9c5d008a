#!/usr/bin/env node
// Generates the demo dataset for The Meridian Ledger in Sanity's NDJSON export format.
//
//   node sanity/demo/generate.mjs
//
// Writes:
//   sanity/demo/dataset.ndjson                      one document per line, fixed order
//   sanity/demo/images/<sha1>-<w>x<h>.<ext>          locally rendered illustrations
//
// Content lives in ./content/*.mjs; illustrations are built as SVG by ./lib/art.mjs and
// rendered with sharp. Output is deterministic: identical input gives byte-identical files.
// Stale files in images/ that are no longer referenced are deleted.

import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

import { illustration, portrait, logo } from './lib/art.mjs'
import { SITE, SECTIONS, PEOPLE } from './content/meta.mjs'
import seed from './content/seed.mjs'
import world from './content/world.mjs'
import business from './content/business.mjs'
import technology from './content/technology.mjs'
import science from './content/science.mjs'
import culture from './content/culture.mjs'
import sport from './content/sport.mjs'
import { DRAFT_REVISIONS, DRAFT_ONLY } from './content/drafts.mjs'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const IMAGES_DIR = path.join(HERE, 'images')
const OUT_FILE = path.join(HERE, 'dataset.ndjson')
const CREDIT = 'Illustration: The Meridian Ledger'
const MAX_JPEG_BYTES = 120 * 1024

const sha1 = (s) => createHash('sha1').update(s).digest('hex')
const key = (...parts) => sha1(parts.join('|')).slice(0, 12)

// ---------------------------------------------------------------- images

fs.mkdirSync(IMAGES_DIR, { recursive: true })
const referenced = new Set()
const renderCache = new Map()

async function writeImage(buf, width, height, ext) {
  const name = `${sha1(buf)}-${width}x${height}.${ext}`
  const file = path.join(IMAGES_DIR, name)
  if (!fs.existsSync(file) || !fs.readFileSync(file).equals(buf)) fs.writeFileSync(file, buf)
  referenced.add(name)
  return `image@file://./images/${name}`
}

async function jpegFromSvg(svg, width, height) {
  const cacheKey = sha1(svg)
  if (renderCache.has(cacheKey)) return renderCache.get(cacheKey)
  let buf
  for (let q = 72; q >= 40; q -= 6) {
    buf = await sharp(Buffer.from(svg)).jpeg({ quality: q, mozjpeg: true }).toBuffer()
    if (buf.length <= MAX_JPEG_BYTES) break
  }
  const ref = await writeImage(buf, width, height, 'jpg')
  renderCache.set(cacheKey, ref)
  return ref
}

const illustrationAsset = (spec, seedStr, width = 1600, height = 900) =>
  jpegFromSvg(illustration({ kind: spec.kind, palette: spec.palette, seed: spec.seed ?? seedStr, width, height }), width, height)

// ---------------------------------------------------------------- portable text

// Inline markup: **strong**, *em*, [text](href). No nesting.
const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|\[(.+?)\]\(([^)\s]+)\)/g

function isAllowedHref(href) {
  return /^https?:\/\//.test(href) || href.startsWith('mailto:') || (href.startsWith('/') && !href.startsWith('//'))
}

function spansFrom(text, blockKey) {
  const children = []
  const markDefs = []
  const push = (t, marks) => {
    if (!t) return
    children.push({ _type: 'span', _key: `${blockKey}s${children.length}`, text: t, marks })
  }
  let last = 0
  for (const m of text.matchAll(INLINE)) {
    push(text.slice(last, m.index), [])
    if (m[1] !== undefined) push(m[1], ['strong'])
    else if (m[2] !== undefined) push(m[2], ['em'])
    else {
      const href = m[4]
      if (!isAllowedHref(href)) throw new Error(`bad href ${href}`)
      const linkKey = `l${markDefs.length + 1}`
      markDefs.push({ _key: linkKey, _type: 'link', href })
      push(m[3], [linkKey])
    }
    last = m.index + m[0].length
  }
  push(text.slice(last), [])
  if (/\*|\]\(/.test(children.map((c) => c.text).join(''))) throw new Error(`unparsed markup in: ${text.slice(0, 80)}`)
  return { children, markDefs }
}

async function toPortableText(docId, items) {
  const blocks = []
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    const _key = key(docId, 'body', i)
    if (item && typeof item === 'object' && item.img) {
      blocks.push({
        _type: 'image',
        _key,
        _sanityAsset: await illustrationAsset(item.img, `${docId}-inline-${item.alt}`),
        alt: item.alt,
        caption: item.caption,
      })
      continue
    }
    let style = 'normal'
    let text
    if (item && typeof item === 'object' && 'raw' in item) {
      text = item.raw
      blocks.push({ _type: 'block', _key, style, markDefs: [], children: [{ _type: 'span', _key: `${_key}s0`, text, marks: [] }] })
      continue
    }
    text = item
    const marker = [
      ['## ', 'h2'],
      ['### ', 'h3'],
      ['> ', 'blockquote'],
    ].find(([prefix]) => text.startsWith(prefix))
    if (marker) {
      style = marker[1]
      text = text.slice(marker[0].length)
    }
    const { children, markDefs } = spansFrom(text, _key)
    blocks.push({ _type: 'block', _key, style, markDefs, children })
  }
  return blocks
}

// ---------------------------------------------------------------- documents

function addMinutes(iso, minutes) {
  return new Date(Date.parse(iso) + minutes * 60000).toISOString().replace('.000Z', 'Z')
}

function finish(doc) {
  // _rev: deterministic short hash of the document content.
  const { _rev, ...rest } = doc
  return { ...rest, _rev: sha1(JSON.stringify(rest)).slice(0, 22) }
}

function ordered(doc) {
  // Put system fields first, keep the rest in insertion order.
  const { _id, _type, _createdAt, _updatedAt, _rev, ...rest } = doc
  return { _id, _type, _createdAt, _updatedAt, _rev, ...rest }
}

const sectionIds = new Set(SECTIONS.map((s) => `section-${s.slug}`))
const personIds = new Set(PEOPLE.map((p) => `person-${p.slug}`))

async function buildArticle(spec, { id, editedAt } = {}) {
  const docId = id ?? spec.id ?? `article-${spec.slug}`
  const sectionRef = `section-${spec.section}`
  if (!sectionIds.has(sectionRef)) throw new Error(`${docId}: unknown section ${spec.section}`)
  const createdOffset = 60 + (parseInt(sha1(docId.replace(/^drafts\./, '')).slice(0, 4), 16) % 900) // 1h – 16h before publishing
  const doc = {
    _id: docId,
    _type: 'article',
    _createdAt: addMinutes(spec.publishedAt, -createdOffset),
    // A correction is an edit: the last one, if later than the update, is the document's last change.
    _updatedAt: editedAt ?? [spec.updatedAt, ...(spec.corrections ?? []).map((c) => c.date)].filter(Boolean).sort().pop() ?? addMinutes(spec.publishedAt, 2),
    _rev: '',
    headline: spec.headline,
    slug: { _type: 'slug', current: spec.slug },
  }
  if (spec.standfirst) doc.standfirst = spec.standfirst
  if (spec.keyPoints) doc.keyPoints = spec.keyPoints
  doc.body = await toPortableText(docId.replace(/^drafts\./, ''), spec.body)
  if (spec.hero) {
    doc.heroImage = {
      _type: 'image',
      _sanityAsset: await illustrationAsset(spec.hero, `hero-${spec.slug}`),
      alt: spec.hero.alt,
      caption: spec.hero.caption,
      credit: spec.hero.credit ?? CREDIT,
      hotspot: { _type: 'sanity.imageHotspot', x: 0.5, y: 0.5, height: 1, width: 1 },
    }
  }
  doc.section = { _type: 'reference', _ref: sectionRef }
  doc.tags = spec.tags
  doc.bylines = spec.bylines.map(([person, role], i) => {
    if (!personIds.has(`person-${person}`)) throw new Error(`${docId}: unknown person ${person}`)
    return { _key: `b${i + 1}`, _type: 'byline', person: { _type: 'reference', _ref: `person-${person}` }, role }
  })
  if (spec.source) doc.source = { _type: 'source', ...spec.source }
  doc.publishedAt = spec.publishedAt
  if (spec.updatedAt) doc.updatedAt = spec.updatedAt
  if (spec.corrections) doc.corrections = spec.corrections.map((c, i) => ({ _key: `correction${i + 1}`, _type: 'correction', date: c.date, text: c.text }))
  if (spec.readingTimeOverride) doc.readingTimeOverride = spec.readingTimeOverride
  doc.language = spec.language ?? 'en'
  return ordered(finish(doc))
}

async function main() {
  const docs = []
  const BASE_TIME = '2026-08-20T02:00:00Z'

  // Site settings
  const logoBuf = await sharp(Buffer.from(logo())).png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer()
  const logoRef = await writeImage(logoBuf, 600, 120, 'png')
  const shareRef = await illustrationAsset({ kind: 'map', palette: 'ink' }, 'site-share-image', 1200, 630)
  docs.push(
    ordered(
      finish({
        _id: 'siteSettings',
        _type: 'siteSettings',
        _createdAt: BASE_TIME,
        _updatedAt: '2026-11-28T01:00:00Z',
        title: SITE.title,
        description: SITE.description,
        language: SITE.language,
        timeZone: SITE.timeZone,
        logo: { _type: 'image', _sanityAsset: logoRef, alt: SITE.logoAlt },
        shareImage: { _type: 'image', _sanityAsset: shareRef, alt: SITE.shareImageAlt },
      }),
    ),
  )

  // Sections
  SECTIONS.forEach((s, i) => {
    docs.push(
      ordered(
        finish({
          _id: `section-${s.slug}`,
          _type: 'section',
          _createdAt: addMinutes(BASE_TIME, i * 5),
          _updatedAt: addMinutes(BASE_TIME, i * 5 + 1),
          title: s.title,
          slug: { _type: 'slug', current: s.slug },
          description: s.description,
          order: i + 1,
        }),
      ),
    )
  })

  // People
  for (const [i, p] of PEOPLE.entries()) {
    const doc = {
      _id: `person-${p.slug}`,
      _type: 'person',
      _createdAt: addMinutes(BASE_TIME, 60 + i * 7),
      _updatedAt: addMinutes(BASE_TIME, 60 + i * 7 + 3),
      name: p.name,
      slug: { _type: 'slug', current: p.slug },
      jobTitle: p.jobTitle,
      bio: p.bio,
    }
    if (p.portrait) {
      const ref = await jpegFromSvg(portrait({ palette: p.portrait, seed: p.slug }), 600, 600)
      doc.portrait = { _type: 'image', _sanityAsset: ref, alt: `Abstract silhouette portrait illustration for ${p.name}` }
    }
    doc.links = p.links.map(([label, url], j) => ({ _key: `link${j + 1}`, _type: 'profileLink', label, url }))
    docs.push(ordered(finish(doc)))
  }

  // Published articles, newest first
  const specs = [seed, ...world, ...business, ...technology, ...science, ...culture, ...sport]
  specs.sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0))
  const bySlug = new Map()
  for (const spec of specs) {
    if (bySlug.has(spec.slug)) throw new Error(`duplicate slug ${spec.slug}`)
    bySlug.set(spec.slug, spec)
    docs.push(await buildArticle(spec))
  }

  // Drafts of published articles
  for (const rev of DRAFT_REVISIONS) {
    const base = bySlug.get(rev.of)
    if (!base) throw new Error(`draft of unknown article ${rev.of}`)
    const body = rev.body ?? [...(rev.prependBody ?? []), ...base.body, ...(rev.appendBody ?? [])]
    const merged = { ...base, ...rev.changes, body }
    const pubId = base.id ?? `article-${base.slug}`
    const draft = await buildArticle(merged, { id: `drafts.${pubId}`, editedAt: rev.editedAt })
    rev.invalid?.(draft)
    docs.push(draft)
  }

  // Draft-only article (never published)
  for (const spec of DRAFT_ONLY) {
    docs.push(await buildArticle(spec, { id: `drafts.article-${spec.slug}`, editedAt: spec.editedAt }))
  }

  fs.writeFileSync(OUT_FILE, docs.map((d) => JSON.stringify(d)).join('\n') + '\n')

  // Remove stale images
  let removed = 0
  for (const f of fs.readdirSync(IMAGES_DIR)) {
    if (!referenced.has(f)) {
      fs.unlinkSync(path.join(IMAGES_DIR, f))
      removed++
    }
  }

  const counts = {}
  for (const d of docs) {
    const t = d._id.startsWith('drafts.') ? `${d._type} (draft)` : d._type
    counts[t] = (counts[t] ?? 0) + 1
  }
  const totalBytes = [...referenced].reduce((n, f) => n + fs.statSync(path.join(IMAGES_DIR, f)).size, 0)
  console.log(`wrote ${path.relative(process.cwd(), OUT_FILE)}: ${docs.length} documents`, counts)
  console.log(`images: ${referenced.size} files, ${(totalBytes / 1024).toFixed(0)} KB total, ${removed} stale removed`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
