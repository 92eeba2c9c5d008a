/**
 * Deterministic generator of a news dataset in Sanity's export format (the shape of
 * sanity/demo/dataset.ndjson): site settings, the demo's six sections, people, articles
 * with Portable Text bodies of realistic length, tags, bylines, heroes and a few drafts.
 * Pure (no file access): scripts/generate-dataset.mjs writes it, tests import it.
 * Images reference the demo's own files (sanity/demo/images/), so the same `images/`
 * folder serves them.
 */

/** mulberry32: a small seeded PRNG, so that a seed always gives the same dataset. */
export function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HEROES = [
  '0071cf84e062aaed766c5db3a2db8f955a8593cf-1600x900.jpg',
  '02bd9ad261493f89b167e2446efc12e8b75195db-1600x900.jpg',
  '04dd96f30e5516e6c4bb351038cdae4e5e39fcc5-1600x900.jpg',
  '064f1e2a66236834be845678698ef4120d9b3116-1600x900.jpg',
  '123426cec084394c8daad05e7274dbb78cdd2543-1600x900.jpg',
  '16686285cd5bf762dd1868d96376cd751ce26897-1600x900.jpg',
  '16a6f12d760e978cdb3dd91247ca0a2f5e4a6414-1600x900.jpg',
  '1cdbae0e4eae6927e2d5e0f2cb03503df006fcc4-1600x900.jpg',
  '1ea319a7550b3d0514c00a46b9880b936babd4f8-1600x900.jpg',
  '255a00cb240a512c772c9ba4afa8207bb709378a-1600x900.jpg',
  '299e4514ae3da36017205f79a1139b351ca4880f-1600x900.jpg',
  '29a29867c653323b6aceb39493c9c587099db71d-1600x900.jpg',
  '2f8f2f5198275c38285895bea0a93da919280b39-1600x900.jpg',
  '37ffc1d3d96f6145682adf0aaa4a1e46529b8f04-1600x900.jpg',
  '3ae783734aa74ecfd536a2460d7a0e3534376701-1600x900.jpg',
  '40ce8a26c1693e2600982c7943dfa4771f98c18e-1600x900.jpg',
  '432f58a9e4c9aecf5c0f289ebc76c0e8ba012413-1600x900.jpg',
  '464023163f2d8b4c787656b7679eeb2841db2231-1600x900.jpg',
  '4b6e22e11dccdceb8542f65ce74f2b6cf93ab12c-1600x900.jpg',
  '537cd90e1cfe9847a178fd4af61d2d9cd21e94ad-1600x900.jpg',
  '58e1c661bc3add7e7862c58e3688efa8d336bda4-1600x900.jpg',
  '5e974909e3cbaa352b7af3af494cd4ecb7ff0a04-1600x900.jpg',
  '6121d4d48813ca3c292d524b5d23380e9565ac6f-1600x900.jpg',
  '62191e185c2c62a9ff35fad2bdd67d8682389def-1600x900.jpg',
]
const PORTRAITS = [
  '097af8b1083e931fe6a94d2b382962f6fc676016-600x600.jpg',
  '20fb51a5d0702545f5d836a12eaadc1a5ce1e7b1-600x600.jpg',
  '3482781a7129758cfe1633d4c15461b8084580c0-600x600.jpg',
  '40f4e40703629cc713a2685e5dd6964ab21f9490-600x600.jpg',
  '59ed45abe64460f8f3ccbd04ddc831f2bbb2fdf1-600x600.jpg',
  '8ed2378ad19eb22a8e1d80630f755e8b86752579-600x600.jpg',
  '9b138bafc6a7d6c0fefcd31d84bd30acba1299b5-600x600.jpg',
  '9df3397096750a1cbee441456aa916d90bd21876-600x600.jpg',
]
const LOGO = '6759ee93a9801f46f87ff7288d75a10582137de2-600x120.png'
const SHARE = '243e9e9a12298a0ac30d82f0a23c5d86150cd0c9-1200x630.jpg'
export const imageSpec = (file) => `image@file://./images/${file}`
/** Every image file a generated dataset may reference (all in sanity/demo/images/). */
export const IMAGE_FILES = [...HEROES, ...PORTRAITS, LOGO, SHARE]

export const SECTIONS = [
  ['world', 'World', 'Reporting from capitals, borderlands, ports and rail corridors around the world.'],
  ['business', 'Business', 'Markets, trade, companies and the money behind the headlines.'],
  ['technology', 'Technology', 'How software, networks and hardware are changing work and public life.'],
  ['science', 'Science', 'Research, discovery and the evidence behind the big questions.'],
  ['culture', 'Culture', 'Books, film, music, museums and the people who make them.'],
  ['sport', 'Sport', 'Results, rivalries and the business of the games people play.'],
]

const FIRST = [
  'Ada',
  'Amina',
  'Bilal',
  'Chen',
  'Daniel',
  'Elena',
  'Farah',
  'Gulnara',
  'Hana',
  'Ivan',
  'Jonas',
  'Kemal',
  'Lena',
  'Mateo',
  'Nadia',
  'Omar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sophie',
  'Tariq',
  'Ulla',
  'Viktor',
  'Wen',
  'Yusuf',
  'Zara',
  'Aidos',
  'Marta',
  'Kwame',
  'Ines',
]
const LAST = [
  'Reporter',
  'Laurent',
  'Kowalczyk',
  'Okafor',
  'Nurlanova',
  'Haddad',
  'Silva',
  'Tanaka',
  'Petrov',
  'Moreau',
  'Osei',
  'Lindqvist',
  'Rahman',
  'Novak',
  'Costa',
  'Ibrahim',
  'Schmidt',
  'Yilmaz',
  'Park',
  'Mensah',
  'Duarte',
  'Karimov',
  'Fischer',
  'Bauer',
  'Ali',
]
const JOBS = [
  'Correspondent',
  'Reporter',
  'Editor',
  'Photographer',
  'Data reporter',
  'Science editor',
  'Business correspondent',
  'Culture writer',
  'Sport reporter',
  undefined,
]

// Common words make the bulk of the prose; topic words and places are rarer; a long tail
// of rare words (drawn with a Zipf-like bias) gives searches that match few articles.
const COMMON =
  'the of and to in a that for on with as by from at is was were has have said its their after over more than new this which about into while also but not will would could under where when two three year years week month people officials government city country region company market prices report study data plan policy project workers residents local national public research team local first last since during between across around'.split(
    ' ',
  )
const TOPIC =
  'trade rail port shipping corridor freight energy solar wind grid battery lithium copper mining water drought harvest climate flood heat glacier ocean coral fishery forest biodiversity vaccine clinic hospital school university museum archive festival orchestra novel film stadium marathon league transfer coach startup software network satellite chip semiconductor factory wages inflation interest bank bond currency budget tax tariff election parliament court ministry border ceasefire refugee housing rent tourism airline airport highway bridge tunnel pipeline reactor emissions carbon hydrogen recycling insurance pension'.split(
    ' ',
  )
const PLACES =
  'Almaty Astana Bishkek Tashkent Baku Tbilisi Istanbul Nairobi Lagos Accra Mombasa Cairo Lisbon Porto Rotterdam Hamburg Gdansk Helsinki Oslo Reykjavik Santiago Lima Quito Bogota Manila Jakarta Hanoi Mekong Dhaka Karachi Kyrgyzstan Kazakhstan Uzbekistan Azerbaijan Mongolia Patagonia Andes Sahel Caspian Arctic Pacific Atlantic'.split(
    ' ',
  )
const RARE =
  'zither quokka obsidian marzipan fjordline tundrasong ptarmigan verdigris halyard isobar cormorant basalt sorghum saffron tamarind jacquard calligraphy astrolabe sextant monsoonal permafrost katabatic petrichor lodestar'.split(
    ' ',
  )
const TAGS = [
  ...'central-asia climate shipping cities energy oceans trade kazakhstan markets drought agriculture security health mountains europe kyrgyzstan heritage mining biodiversity azerbaijan water infrastructure running endurance rail travel transport kenya housing arctic archives music commodities copper education insurance business-of-sport batteries recycling electric-vehicles manufacturing mekong vietnam exhibitions textiles silk-road open-source software lithium andes'.split(
    ' ',
  ),
  ...Array.from({ length: 250 }, (_, i) => `topic-${i + 1}`),
]

const pad = (n, width) => String(n).padStart(width, '0')
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1)

export function generateDataset({ articles = 1000, seed = 1, drafts = true } = {}) {
  const random = prng(seed)
  const int = (min, max) => min + Math.floor(random() * (max - min + 1))
  const pick = (list) => list[Math.floor(random() * list.length)]
  // Zipf-like: index i drawn with weight ~ 1/(i+1).
  const zipf = (list) => list[Math.min(list.length - 1, Math.floor(Math.exp(random() * Math.log(list.length + 1)) - 1))]
  const word = () => {
    const r = random()
    if (r < 0.62) return pick(COMMON)
    if (r < 0.92) return zipf(TOPIC)
    if (r < 0.995) return zipf(PLACES)
    return zipf(RARE)
  }
  const sentence = (min, max) => {
    const words = Array.from({ length: int(min, max) }, word)
    return cap(words.join(' ')) + pick(['.', '.', '.', '?', '.'])
  }
  let keyCounter = 0
  const key = () => (++keyCounter).toString(16).padStart(12, '0')
  const span = (k, text, marks = []) => ({ _type: 'span', _key: k, text, marks })
  const paragraph = (style = 'normal') => {
    const k = key()
    const text = Array.from({ length: style === 'normal' ? int(2, 5) : 1 }, () => sentence(style === 'h2' ? 3 : 8, style === 'h2' ? 6 : 22)).join(' ')
    if (style !== 'normal' || random() < 0.6) return { _type: 'block', _key: k, style, markDefs: [], children: [span(`${k}s0`, text)] }
    // Split the paragraph into marked spans: emphasis, or a link with a markDef.
    const words = text.split(' ')
    const a = int(1, Math.max(1, words.length - 4))
    const b = Math.min(words.length, a + int(1, 3))
    const link = random() < 0.5
    const markDefs = link ? [{ _key: 'l1', _type: 'link', href: `https://example.org/${pick(TOPIC)}/${int(1, 9999)}` }] : []
    return {
      _type: 'block',
      _key: k,
      style,
      markDefs,
      children: [
        span(`${k}s0`, words.slice(0, a).join(' ') + ' '),
        span(`${k}s1`, words.slice(a, b).join(' '), [link ? 'l1' : 'em']),
        span(`${k}s2`, (b < words.length ? ' ' : '') + words.slice(b).join(' ')),
      ],
    }
  }
  const body = () => {
    const blocks = []
    const n = int(6, 16)
    for (let i = 0; i < n; i++) {
      const r = random()
      if (i > 1 && r < 0.12) blocks.push(paragraph('h2'))
      else if (i > 1 && r < 0.17) blocks.push(paragraph('blockquote'))
      else if (i > 2 && r < 0.2)
        blocks.push({ _type: 'image', _key: key(), _sanityAsset: imageSpec(pick(HEROES)), alt: sentence(4, 8), caption: sentence(6, 12) })
      else blocks.push(paragraph())
    }
    return blocks
  }
  const ts = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z')
  const rev = () => Array.from({ length: 22 }, () => '0123456789abcdef'[int(0, 15)]).join('')

  const docs = []
  docs.push({
    _id: 'siteSettings',
    _type: 'siteSettings',
    _createdAt: '2026-08-20T02:00:00Z',
    _updatedAt: '2026-11-28T01:00:00Z',
    _rev: rev(),
    title: 'The Meridian Ledger',
    description: 'Independent reporting on trade, climate, technology and culture from the places where the world is being rebuilt.',
    language: 'en',
    timeZone: 'Asia/Shanghai',
    logo: { _type: 'image', _sanityAsset: imageSpec(LOGO), alt: 'The Meridian Ledger mark' },
    shareImage: { _type: 'image', _sanityAsset: imageSpec(SHARE), alt: 'Abstract map with contour lines' },
  })
  SECTIONS.forEach(([slug, title, description], i) =>
    docs.push({
      _id: `section-${slug}`,
      _type: 'section',
      _createdAt: '2026-08-20T02:00:00Z',
      _updatedAt: '2026-08-20T02:01:00Z',
      _rev: rev(),
      title,
      slug: { _type: 'slug', current: slug },
      description,
      order: i + 1,
    }),
  )
  const peopleCount = Math.max(15, Math.round(articles / 40))
  const people = []
  for (let i = 0; i < peopleCount; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`
    const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${pad(i + 1, 4)}`
    const jobTitle = pick(JOBS)
    const person = {
      _id: `person-${slug}`,
      _type: 'person',
      _createdAt: '2026-08-20T03:00:00Z',
      _updatedAt: '2026-08-20T03:03:00Z',
      _rev: rev(),
      name,
      slug: { _type: 'slug', current: slug },
      ...(jobTitle ? { jobTitle } : {}),
      bio: `${name} ${sentence(12, 30).toLowerCase()}`,
      ...(random() < 0.7 ? { portrait: { _type: 'image', _sanityAsset: imageSpec(pick(PORTRAITS)), alt: `Portrait illustration for ${name}` } } : {}),
      links: random() < 0.6 ? [{ _key: 'link1', _type: 'profileLink', label: 'Website', url: `https://example.org/people/${slug}` }] : [],
    }
    people.push(person)
    docs.push(person)
  }

  // Newest first from the demo's latest date, a few hours apart on average.
  let at = Date.UTC(2026, 10, 28, 9, 0)
  const articleDocs = []
  for (let i = 0; i < articles; i++) {
    at -= int(10, 360) * 60_000
    const headline = cap(Array.from({ length: int(6, 13) }, word).join(' '))
    const slug = `${headline
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)}-${pad(i + 1, 6)}`
    const section = SECTIONS[zipf([0, 1, 2, 3, 4, 5])][0]
    const bylineCount = random() < 0.7 ? 1 : int(2, 3)
    const bylines = Array.from({ length: bylineCount }, (_, b) => ({
      _key: `b${b + 1}`,
      _type: 'byline',
      person: { _type: 'reference', _ref: zipf(people)._id },
      role: b === 0 ? 'author' : pick(['author', 'photographer', 'editor']),
    }))
    const tags = [...new Set(Array.from({ length: int(2, 5) }, () => zipf(TAGS)))]
    const published = ts(at)
    const updated = random() < 0.25 ? ts(at + int(30, 2000) * 60_000) : undefined
    const doc = {
      _id: `article-${pad(i + 1, 6)}`,
      _type: 'article',
      _createdAt: ts(at - int(30, 600) * 60_000),
      _updatedAt: updated ?? published,
      _rev: rev(),
      headline,
      slug: { _type: 'slug', current: slug },
      standfirst: sentence(14, 30),
      keyPoints: Array.from({ length: int(0, 4) }, () => sentence(6, 14).slice(0, -1)),
      ...(random() < 0.85
        ? {
            heroImage: {
              _type: 'image',
              _sanityAsset: imageSpec(pick(HEROES)),
              alt: sentence(4, 9).slice(0, -1),
              ...(random() < 0.6 ? { caption: sentence(6, 14), credit: 'Illustration: The Meridian Ledger' } : {}),
            },
          }
        : {}),
      section: { _type: 'reference', _ref: `section-${section}` },
      tags,
      bylines,
      publishedAt: published,
      ...(updated ? { updatedAt: updated } : {}),
      // One article in 37 corrected, without drawing from the random stream (the rest of the dataset stays as it was);
      // every second one twice, the later correction written at -05:00 so that its text sorts before the earlier one's.
      ...(i % 37 === 5
        ? {
            corrections: [
              { _key: 'c1', _type: 'correction', date: ts(at + 90 * 60_000), text: 'An earlier version of this article misstated a figure.' },
              ...(i % 74 === 5
                ? [
                    {
                      _key: 'c2',
                      _type: 'correction',
                      date: ts(at + 150 * 60_000 - 5 * 3_600_000).replace('Z', '-05:00'),
                      text: 'An earlier version misnamed a source.',
                    },
                  ]
                : []),
            ],
          }
        : {}),
      ...(random() < 0.05 ? { readingTimeOverride: int(2, 15) } : {}),
      ...(random() < 0.08 ? { source: { _type: 'source', name: pick(['Seetao', 'Reuters', 'AP', 'AFP']), url: `https://example.com/original/${i + 1}` } } : {}),
      language: 'en',
      body: body(),
    }
    if (doc.keyPoints.length === 0) delete doc.keyPoints
    articleDocs.push(doc)
    docs.push(doc)
  }

  if (drafts) {
    // About 1% of articles have an edited draft; a few drafts were never published.
    const edited = Math.max(2, Math.round(articles / 100))
    for (let d = 0; d < edited; d++) {
      const original = articleDocs[Math.floor(random() * articleDocs.length)]
      if (docs.some((doc) => doc._id === `drafts.${original._id}`)) continue
      docs.push({ ...original, _id: `drafts.${original._id}`, _rev: rev(), headline: `${original.headline} (updated)`, standfirst: sentence(14, 30) })
    }
    for (let d = 0; d < Math.max(1, Math.round(articles / 1000)); d++) {
      const slug = `embargoed-draft-${pad(d + 1, 4)}`
      docs.push({
        _id: `drafts.article-${slug}`,
        _type: 'article',
        _createdAt: '2026-11-28T08:00:00Z',
        _updatedAt: '2026-11-28T08:30:00Z',
        _rev: rev(),
        headline: cap(Array.from({ length: int(6, 12) }, word).join(' ')),
        slug: { _type: 'slug', current: slug },
        standfirst: sentence(14, 30),
        section: { _type: 'reference', _ref: 'section-business' },
        tags: ['markets'],
        bylines: [{ _key: 'b1', _type: 'byline', person: { _type: 'reference', _ref: people[0]._id }, role: 'author' }],
        language: 'en',
        body: body(),
      })
    }
  }
  return docs
}

export const toNdjson = (docs) => docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n'
