import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import type sharp from 'sharp'
import type { Sharp } from 'sharp'
import { GET } from '@/app/images/[...path]/route'
import type { Article } from '@/lib/content'
import { readNdjsonDataset, type LocalAsset, type LocalDataset } from '@/lib/content/sources/ndjson'
import { imageFile, responsiveImage, type ImageSource } from '@/lib/image'
import { RENDER_QUEUE, RENDER_SLOTS, assetIdOfFile } from '@/lib/local-images'
import { VariantCache } from '@/lib/local-images/cache'
import { parseVariant } from '@/lib/local-images/variant'
import { shareImageOf } from '@/lib/seo/metadata'
import { articleImages, profilePageJsonLd, publisherOf } from '@/lib/seo/structured-data'
import { FEED_IMAGE_WIDTH } from '@/lib/syndication/feed'

/**
 * The embedded dataset's image route bounds its work (docs/security.md, "Work per request"):
 * only the URLs the site makes, never an enlargement, a pixel limit on originals, two renders at
 * a time with a bounded queue, and each variant rendered once and kept on disk. sharp is the
 * real one, counted: every toBuffer() is a render, and a test can hold renders at a gate.
 */

const mockSharp = { renders: 0, running: 0, peak: 0, gate: Promise.resolve() }
jest.mock('sharp', () => {
  const actual = jest.requireActual('sharp')
  const counted = (...args: unknown[]) => {
    const pipeline = actual(...args) as Sharp
    const toBuffer = pipeline.toBuffer.bind(pipeline) as () => Promise<Buffer>
    pipeline.toBuffer = (async () => {
      mockSharp.renders++
      mockSharp.running++
      mockSharp.peak = Math.max(mockSharp.peak, mockSharp.running)
      try {
        await mockSharp.gate
        return await toBuffer()
      } finally {
        mockSharp.running--
      }
    }) as Sharp['toBuffer']
    return pipeline
  }
  return Object.assign(counted, actual)
})
const mockDataset: { current?: LocalDataset } = {}
jest.mock('@/lib/content/sources', () => ({ ...jest.requireActual('@/lib/content/sources'), localDataset: () => mockDataset.current }))

const realSharp = jest.requireActual<typeof sharp>('sharp')
const DEMO = path.join(process.cwd(), 'sanity/demo/dataset.ndjson')
const WEBP = 'image/avif,image/webp,image/*,*/*;q=0.8'
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'local-images-'))
const demo = readNdjsonDataset(DEMO)

beforeAll(() => {
  process.env.NEXT_DIST_DIR = path.join(work, 'dist')
  mockDataset.current = { documents: demo.documents, assets: new Map(demo.assets) }
})
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

function get(url: string, accept = WEBP) {
  const { pathname } = new URL(url, 'http://localhost')
  const params = Promise.resolve({ path: pathname.split('/').slice(2).map(decodeURIComponent) })
  return GET(new Request(new URL(url, 'http://localhost'), { headers: { accept } }), { params })
}

const sizeOf = async (response: Response) => {
  const { width, height, format } = await realSharp(Buffer.from(await response.arrayBuffer())).metadata()
  return { width, height, format }
}

const assetBySize = (size: string) => [...demo.assets.values()].find((asset) => asset.file.endsWith(`-${size}.jpg`))!
const HERO = assetBySize('1600x900')
const PORTRAIT = assetBySize('600x600')
const heroUrl = (query: string) => `/images/local/embedded/${HERO.file}?${query}`

/** Each image of the demo dataset as the site's content queries hand it to lib/image.ts (asset, hotspot, crop). */
function demoImages(): ImageSource[] {
  const images: ImageSource[] = []
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk)
    if (typeof value !== 'object' || value === null) return
    const { _sanityAsset: spec, hotspot, crop } = value as { _sanityAsset?: string; hotspot?: ImageSource['hotspot']; crop?: ImageSource['crop'] }
    const asset = typeof spec === 'string' && demo.assets.get(assetIdOfFile(spec.split('/').pop()!) ?? '')
    if (asset) images.push({ asset: { _id: asset.id, width: asset.width, height: asset.height }, ...(hotspot ? { hotspot } : {}), ...(crop ? { crop } : {}) })
    Object.values(value).forEach(walk)
  }
  for (const line of fs.readFileSync(DEMO, 'utf8').split('\n')) if (line.trim()) walk(JSON.parse(line))
  return images
}

/** The same image cropped in the Studio, so the URLs carry a rect. */
const cropped = (image: ImageSource): ImageSource => ({ ...image, crop: { top: 0.1, bottom: 0.05, left: 0.2, right: 0.03 } })

/**
 * Every image URL the site makes for an image, through the functions that make them: srcsets at
 * the components' aspect ratios (none for body images, 16:9 for cards, 1:1 for portraits), the
 * structured data's hero images, portrait and logo, the share image and the feed enclosure.
 */
function siteUrls(image: ImageSource): string[] {
  const srcsets = [undefined, 16 / 9, 1].flatMap((aspectRatio) =>
    responsiveImage(image, { aspectRatio })
      .srcSet.split(', ')
      .map((entry) => entry.split(' ')[0]),
  )
  const asImage = image as Article['heroImage'] & object
  const settings = { title: 'News', language: 'en', timeZone: 'UTC', logo: asImage }
  const person = { _id: 'p', name: 'P', slug: 'p', links: [], portrait: asImage } as unknown as Parameters<typeof profilePageJsonLd>[0]
  const mainEntity = profilePageJsonLd(person, { siteUrl: '' }).mainEntity as { image: string }
  return [
    ...srcsets,
    ...articleImages({ slug: 'a', heroImage: asImage } as Article, ''),
    mainEntity.image,
    (publisherOf({ siteUrl: '', settings } as Parameters<typeof publisherOf>[0]) as { logo: { url: string } }).logo.url,
    shareImageOf(asImage).url,
    ...(imageFile(image, FEED_IMAGE_WIDTH) ? [imageFile(image, FEED_IMAGE_WIDTH)!.url] : []),
  ]
}

describe('the URLs the site makes', () => {
  const images = demoImages()
  const urls = [...new Set(images.flatMap((image) => [...siteUrls(image), ...siteUrls(cropped(image))]))]

  it('are many, of every kind: widths of srcset and beyond, crops to aspect ratios, rects, both formats', () => {
    expect(images.length).toBeGreaterThan(60)
    const params = urls.map((url) => new URL(url, 'http://localhost').searchParams)
    expect(new Set(params.map((p) => p.get('w')))).toEqual(new Set(['320', '480', '600', '640', '800', '1024', '1200', '1280', '1600']))
    expect(params.some((p) => p.has('h') && p.get('fit') === 'crop')).toBe(true)
    expect(params.some((p) => p.has('rect'))).toBe(true)
    expect(params.some((p) => !p.has('auto'))).toBe(true)
  })

  it('are every one accepted by the route’s rules', () => {
    const refused = urls.flatMap((url) => {
      const { pathname, searchParams } = new URL(url, 'http://localhost')
      const asset = demo.assets.get(assetIdOfFile(pathname.split('/').pop()!)!)!
      return [WEBP, 'image/jpeg']
        .map((accept) => parseVariant(asset, searchParams, accept, 'site'))
        .flatMap((parsed) => ('error' in parsed ? [`${url}: ${parsed.error}`] : []))
    })
    expect(refused).toEqual([])
  })

  it('answer 200 with a picture no larger than the original, for an image of each size and a crop', async () => {
    const sample = ['1600x900', '600x600', '1200x630', '600x120'].map((size) => images.find((image) => image.asset._id.includes(`-${size}-`))!)
    for (const image of [...sample, cropped(sample[0])]) {
      for (const url of new Set(siteUrls(image))) {
        const response = await get(url)
        expect([url, response.status]).toEqual([url, 200])
        const { width, height } = await sizeOf(response)
        expect(width).toBeLessThanOrEqual(image.asset.width)
        expect(height).toBeLessThanOrEqual(image.asset.height)
      }
    }
  }, 60_000)
})

describe('enlargement', () => {
  it('never happens: a crop box larger than the original shrinks, keeping its shape, until it fits', async () => {
    const response = await get(heroUrl('w=2000&h=3000&fit=crop&auto=format&q=75'))
    expect(response.status).toBe(200)
    expect(await sizeOf(response)).toEqual({ width: 600, height: 900, format: 'webp' })
  })

  it('never happens for a width alone, nor for a width inside the crop', async () => {
    expect(await sizeOf(await get(`/images/local/embedded/${PORTRAIT.file}?w=2000&q=75`))).toEqual({ width: 600, height: 600, format: 'jpeg' })
    expect(await sizeOf(await get(heroUrl('rect=100,100,800,450&w=1600')))).toEqual({ width: 800, height: 450, format: 'jpeg' })
  })
})

describe('parameters', () => {
  it.each([
    ['w=4000&h=6000&fit=crop', /^w must be one of 320, 480, 600, 640, 800, 1024, 1200, 1280, 1600, 2000 for this image; got 4000\.$/],
    ['w=321', /^w must be one of /],
    ['w=2000&h=99999&fit=crop', /^w and h must make an aspect ratio between 1:4 and 4:1; got 2000×99999\.$/],
    ['w=320&h=1281&fit=crop', /aspect ratio between 1:4 and 4:1/],
    ['w=2000&h=499&fit=crop', /aspect ratio between 1:4 and 4:1/],
    ['h=900&fit=crop', /^w is required\.$/],
    ['w=800&h=450', /^h and fit=crop come together\.$/],
    ['w=800&fit=crop', /^h and fit=crop come together\.$/],
    ['w=800&h=450&fit=max', /^fit must be crop; got "max"\.$/],
    ['w=800&q=100', /^q must be 75; got 100\.$/],
    ['w=800&auto=compress', /^auto must be format/],
    ['w=800&dpr=2', /^Unknown parameter "dpr": this route takes rect, w, h, fit, auto, q\.$/],
    ['w=800&foo=1', /^Unknown parameter "foo"/],
    ['w=800&w=320', /^Parameter "w" is given more than once\.$/],
    ['w=800.5', /^w must be a whole number of pixels/],
    ['w=0800', /^w must be a whole number of pixels/],
    ['w=800&rect=0,0,1601,900', /^rect must be left,top,width,height in whole pixels inside the 1600×900 image/],
    ['w=800&rect=0,0,0,900', /^rect must be/],
    ['w=800&rect=1,2,3', /^rect must be/],
  ])('%s answers 400 saying what is wrong, in plain text', async (query, message) => {
    const response = await get(heroUrl(query))
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await response.text()).toMatch(message)
  })

  it('accept the image’s own width when it is narrower than the fixed widths, as lib/image.ts caps widths at it', () => {
    const narrow: LocalAsset = { ...HERO, id: 'image-ab-250x100-jpg', width: 250, height: 100 }
    expect(parseVariant(narrow, new URLSearchParams('w=250&q=75'), '', 'site')).toMatchObject({ variant: { width: 250, height: 100 } })
    expect(parseVariant(HERO, new URLSearchParams('w=1500'), '', 'site')).toEqual({ error: expect.stringMatching(/^w must be one of/) })
  })

  it('answer 404 for a file that is not an image of the dataset', async () => {
    expect((await get('/images/local/embedded/0000-10x10.jpg?w=320')).status).toBe(404)
    expect((await get(`/images/other/embedded/${HERO.file}?w=320`)).status).toBe(404)
  })
})

describe('caching', () => {
  it('sends each variant with a year’s immutable caching, varying by Accept', async () => {
    const response = await get(heroUrl('w=480&auto=format&q=75'))
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(response.headers.get('vary')).toBe('Accept')
    expect(response.headers.get('content-type')).toBe('image/webp')
    expect((await get(heroUrl('w=480&auto=format&q=75'), 'image/jpeg')).headers.get('content-type')).toBe('image/jpeg')
  })

  it('renders a variant once: later requests, and a new process, read it from the dist dir’s cache without sharp', async () => {
    const url = heroUrl('w=1024&h=600&fit=crop&auto=format&q=75')
    const before = mockSharp.renders
    const first = Buffer.from(await (await get(url)).arrayBuffer())
    expect(mockSharp.renders).toBe(before + 1)
    expect(fs.readdirSync(path.join(work, 'dist/cache/local-images')).filter((name) => name.includes('.1024x600.'))).toHaveLength(1)
    expect(Buffer.from(await (await get(url)).arrayBuffer()).equals(first)).toBe(true)
    // A restart: fresh modules, the same folder.
    let fresh: typeof GET | undefined
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      fresh = (require('@/app/images/[...path]/route') as { GET: typeof GET }).GET
    })
    const again = await fresh!(new Request(new URL(url, 'http://localhost'), { headers: { accept: WEBP } }), {
      params: Promise.resolve({ path: ['local', 'embedded', HERO.file] }),
    })
    expect(Buffer.from(await again.arrayBuffer()).equals(first)).toBe(true)
    expect(mockSharp.renders).toBe(before + 1)
  })

  it('renders a burst of requests for one new variant once', async () => {
    const before = mockSharp.renders
    const responses = await Promise.all(Array.from({ length: 8 }, () => get(heroUrl('w=640&h=500&fit=crop'))))
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200))
    expect(mockSharp.renders).toBe(before + 1)
  })

  it('serves the original, with no parameters, as it is on disk and without sharp', async () => {
    const before = mockSharp.renders
    const response = await get(`/images/local/embedded/${HERO.file}`)
    expect(response.status).toBe(200)
    expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(HERO.filePath))).toBe(true)
    expect(mockSharp.renders).toBe(before)
  })
})

describe('the disk cache', () => {
  const dir = () => fs.mkdtempSync(path.join(work, 'cache-'))
  const files = (folder: string) => fs.readdirSync(folder).sort()

  it('keeps at most its number of files, removing the oldest, and leaves no temporary file', async () => {
    const folder = dir()
    const cache = new VariantCache(folder, { files: 3, bytes: 1e9 })
    for (const name of ['a', 'b', 'c', 'd']) await cache.put(name, Buffer.from(name))
    expect(files(folder)).toEqual(['b', 'c', 'd'])
    // A hit counts as use: b outlives c.
    expect((await cache.get('b'))?.toString()).toBe('b')
    await cache.put('e', Buffer.from('e'))
    expect(files(folder)).toEqual(['b', 'd', 'e'])
  })

  it('keeps at most its number of bytes, counting what an earlier process left, and clears stale temporary files', async () => {
    const folder = dir()
    fs.writeFileSync(path.join(folder, 'old'), Buffer.alloc(600))
    fs.utimesSync(path.join(folder, 'old'), new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000))
    fs.writeFileSync(path.join(folder, 'old.1.abcd.tmp'), 'half')
    fs.utimesSync(path.join(folder, 'old.1.abcd.tmp'), new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000))
    const cache = new VariantCache(folder, { files: 100, bytes: 1000 })
    await cache.put('new', Buffer.alloc(600))
    expect(files(folder)).toEqual(['new'])
  })
})

describe('originals too large to decode', () => {
  /** A valid PNG of 8000×8000 blank pixels (64 megapixels), a few kilobytes of file: a decompression bomb. */
  function bomb(): Buffer {
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type), data])
      const framed = Buffer.alloc(body.length + 8)
      framed.writeUInt32BE(data.length, 0)
      body.copy(framed, 4)
      framed.writeUInt32BE(zlib.crc32(body), body.length + 4)
      return framed
    }
    const header = Buffer.alloc(13)
    header.writeUInt32BE(8000, 0)
    header.writeUInt32BE(8000, 4)
    header.set([1, 0, 0, 0, 0], 8) // 1 bit per pixel, greyscale
    const rows = zlib.deflateSync(Buffer.alloc(8000 * 1001), { level: 9 })
    return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))])
  }

  it('are refused by sharp’s limitInputPixels, whatever their file name says', async () => {
    const file = 'b0b0b0-800x800.png'
    fs.mkdirSync(path.join(work, 'images'), { recursive: true })
    fs.writeFileSync(path.join(work, 'images', file), bomb())
    const asset: LocalAsset = { id: assetIdOfFile(file)!, file, filePath: path.join(work, 'images', file), width: 800, height: 800, mimeType: 'image/png' }
    mockDataset.current!.assets.set(asset.id, asset)
    const response = await get(`/images/local/embedded/${file}?w=320`)
    expect(await response.text()).toBe('Image not available: the original is larger than 50 megapixels.')
    expect(response.status).toBe(404)
  })
})

describe('concurrency', () => {
  /** Holds every render at the gate until release() is called. */
  function closeGate() {
    let release = () => {}
    mockSharp.gate = new Promise<void>((resolve) => (release = resolve))
    return () => {
      release()
      mockSharp.gate = Promise.resolve()
    }
  }
  const until = async (condition: () => boolean) => {
    for (let waited = 0; !condition(); waited += 10) {
      if (waited > 10_000) throw new Error('timed out')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }

  it(`renders at most ${RENDER_SLOTS} variants at once`, async () => {
    const release = closeGate()
    mockSharp.peak = 0
    const responses = Promise.all(Array.from({ length: 10 }, (_, i) => 101 + 10 * i).map((h) => get(heroUrl(`w=320&h=${h}&fit=crop`))))
    await until(() => mockSharp.running >= RENDER_SLOTS)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(mockSharp.peak).toBe(RENDER_SLOTS)
    release()
    expect((await responses).map((response) => response.status)).toEqual(Array(10).fill(200))
    expect(mockSharp.peak).toBe(RENDER_SLOTS)
  }, 30_000)

  it(`answers 503 with Retry-After past ${RENDER_QUEUE} waiting, at once, and renders the rest`, async () => {
    const release = closeGate()
    const extra = 3
    const heights = Array.from({ length: RENDER_SLOTS + RENDER_QUEUE + extra }, (_, i) => 200 + i)
    const settled: Response[] = []
    const all = Promise.all(heights.map((h) => get(heroUrl(`w=320&h=${h}&fit=crop`)).then((response) => (settled.push(response), response))))
    await until(() => settled.length === extra)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(settled).toHaveLength(extra)
    for (const response of settled) {
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toBe('2')
      expect(await response.text()).toMatch(/^Too many images are being rendered/)
    }
    release()
    const statuses = (await all).map((response) => response.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(RENDER_SLOTS + RENDER_QUEUE)
  }, 30_000)
})
