// Reader traffic with hostile requests mixed in, on one server: the readers must get every page
// (no error, no timeout, nothing but 2xx) while strangers send what the site refuses. Used by
// the bench part 'hostile' (64 connections for 60 s) and tests/e2e/hostile-mix.e2e.ts.
import fs from 'node:fs'
import { prng } from '../scripts/dataset-generator.mjs'
import { unknownAddress } from './unknown-addresses.mjs'
import { load } from './load.mjs'

/** One in four connections is a stranger's. */
const HOSTILE_SHARE = 0.25

/** What readers ask for on the demo dataset: every article, listing, person, tag and feed, searches, and pictures at the widths the site emits. */
export function readerPaths(datasetFile) {
  const docs = fs
    .readFileSync(datasetFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
  const published = docs.filter((doc) => !doc._id.startsWith('drafts.'))
  const slugs = (type) => published.filter((doc) => doc._type === type && doc.slug?.current).map((doc) => doc.slug.current)
  const images = published.flatMap((doc) => (doc.heroImage?._sanityAsset ? [doc.heroImage._sanityAsset.replace(/^image@file:\/\/\.\/images\//, '')] : []))
  const tags = [...new Set(published.flatMap((doc) => doc.tags ?? []))]
  return [
    '/',
    '/latest',
    '/search?q=trade',
    '/search?q=climate+energy',
    '/feeds/rss.xml',
    '/sitemap.xml',
    '/news-sitemap.xml',
    ...slugs('article').map((slug) => `/articles/${slug}`),
    ...slugs('section').flatMap((slug) => [`/sections/${slug}`, `/sections/${slug}/rss.xml`]),
    ...slugs('person').map((slug) => `/people/${slug}`),
    ...tags.slice(0, 20).map((tag) => `/tags/${encodeURIComponent(tag)}`),
    ...images.slice(0, 10).map((file) => `/images/local/embedded/${file}?w=640&auto=format&q=75`),
  ]
}

/** A stranger's request, drawn from a seeded generator: each kind is one the site must refuse or answer cheaply, never with a 5xx. */
export function hostileRequests(seed) {
  const random = prng(seed)
  const nextUnknown = unknownAddress(random)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const word = () => Math.floor(random() * 36 ** 6).toString(36)
  const forged = JSON.stringify({ _id: `article-${word()}`, _type: 'article', slug: word() })
  const kinds = [
    () => ({ method: 'GET', path: nextUnknown() }),
    () => ({ method: 'GET', path: pick(['/articles/%ZZ', '/tags/%C0', '/preview/%E0%A4%A', '/images/local/embedded/%']) }),
    () => ({
      method: 'GET',
      path: `/search?q=${encodeURIComponent(Array.from({ length: 60 }, () => pick(['a', 'th', 's', '1', '中', 'x'.repeat(40)])).join(' '))}`,
    }),
    () => ({ method: 'GET', path: `/images/local/embedded/${word()}.jpg?w=${4000 + Math.floor(random() * 4000)}&h=99999` }),
    () => ({ method: 'GET', path: `/preview/${word()}.${word()}` }),
    () => ({ method: 'GET', path: `/api/draft-mode/enable?token=${word()}.${word()}&redirect=//evil.example` }),
    () => ({ method: 'GET', path: pick(['/api/draft-mode/disable?redirect=/%09/evil.example', '/api/draft-mode/disable?redirect=https://evil.example']) }),
    () => ({
      method: 'POST',
      path: '/api/revalidate',
      headers: { 'content-type': 'application/json', 'sanity-webhook-signature': `t=${Date.now()},v1=${word()}` },
      body: forged,
    }),
    () => ({
      method: 'POST',
      path: '/api/lake/v2025-02-19/data/mutate/embedded',
      headers: { 'content-type': 'application/json' },
      body: '{"mutations":[{"delete":{"id":"settings"}}]}',
    }),
  ]
  return () => pick(kinds)()
}

/**
 * Loads `origin` for `seconds` with `connections` in all: readers cycling through `paths`, and a
 * quarter of the connections sending hostile requests. Figures for each, with the hostile
 * requests' status codes.
 */
export async function hostileMix({ origin, paths, connections, seconds, timeout = 30 }) {
  const hostileConnections = Math.max(1, Math.round(connections * HOSTILE_SHARE))
  let next = 0
  const readerRequests = [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }]
  const nextHostile = hostileRequests(13)
  const hostileStatuses = {}
  const hostileRequestList = [
    {
      setupRequest: (request) => ({ ...request, ...nextHostile() }),
      onResponse: (status) => void (hostileStatuses[status] = (hostileStatuses[status] ?? 0) + 1),
    },
  ]
  const [readers, hostile] = await Promise.all([
    load({ url: origin, connections: connections - hostileConnections, duration: seconds, requests: readerRequests, timeout }),
    load({ url: origin, connections: hostileConnections, duration: seconds, requests: hostileRequestList, timeout }),
  ])
  const serverErrors = Object.entries(hostileStatuses).reduce((sum, [status, count]) => sum + (Number(status) >= 500 ? count : 0), 0)
  return { readers, hostile: { ...hostile, statuses: hostileStatuses, serverErrors }, readerConnections: connections - hostileConnections, hostileConnections }
}
