// @ts-check
const path = require('node:path')
const { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } = require('next/constants')

/** Where a browser may reach Sanity: the Content Lake (Live, the Studio) and its CDN; SANITY_API_HOST for a stand-in. */
const SANITY_API = [
  'https://*.api.sanity.io',
  'wss://*.api.sanity.io',
  'https://*.apicdn.sanity.io',
  ...(process.env.SANITY_API_HOST ? [new URL(process.env.SANITY_API_HOST).origin] : []),
]
const SANITY_IMAGES = 'https://cdn.sanity.io'

const policy = (/** @type {Record<string, string[]>} */ directives) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ')

/**
 * The reader site's Content-Security-Policy (docs/security.md, docs/decisions/0003): scripts,
 * styles, fonts and frames from this origin only, no eval, no plugins, no <base> or form posts
 * elsewhere, and only the site's own Studio may frame it (Presentation). Inline scripts are
 * allowed: Next writes each page's RSC payload into inline scripts, and a cached page is one
 * response shared by every reader, so a per-response nonce would make every page dynamic.
 */
const READER_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'unsafe-inline'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', SANITY_IMAGES],
  'media-src': ["'self'", SANITY_IMAGES],
  'font-src': ["'self'"],
  'connect-src': ["'self'", ...SANITY_API],
  'frame-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
}

/**
 * The Studio's (/studio): as the reader site's, and what Sanity Studio needs beyond it. Editors'
 * avatars come from their identity providers (any https host), and signing in to a Sanity
 * project goes through api.sanity.io.
 */
const STUDIO_POLICY = {
  ...READER_POLICY,
  'img-src': [...READER_POLICY['img-src'], 'https:'],
  'connect-src': [...READER_POLICY['connect-src'], 'https://api.sanity.io'],
}

/**
 * Sent with every response (docs/security.md). No Cross-Origin-Embedder-Policy: the Studio loads
 * images and scripts from other origins that send no CORP header. Strict-Transport-Security
 * depends on SITE_URL at run time, so proxy.ts adds it; these are fixed when the site is built
 * (Next writes them into its routes manifest).
 */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
]

/** `next dev` evaluates its hot-reloaded modules with eval; production never does. */
const withEvalInDev = (/** @type {Record<string, string[]>} */ directives, /** @type {boolean} */ dev) =>
  dev ? { ...directives, 'script-src': [...directives['script-src'], "'unsafe-eval'"] } : directives

/** Every response's headers; for a path both rules match, the later rule's header wins. */
const headerRules = (/** @type {boolean} */ dev) => [
  { source: '/:path*', headers: [...SECURITY_HEADERS, { key: 'Content-Security-Policy', value: policy(withEvalInDev(READER_POLICY, dev)) }] },
  { source: '/studio/:path*', headers: [{ key: 'Content-Security-Policy', value: policy(withEvalInDev(STUDIO_POLICY, dev)) }] },
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The browser tests build into their own folder so they never clobber a developer's build.
  distDir: process.env.NEXT_DIST_DIR || '.next', // lib/dist-dir.mjs finds it the same way
  reactStrictMode: true,
  poweredByHeader: false,
  // Rendered pages are kept on disk, with only the hottest also in the heap: Next's default
  // 50 MB in-memory copy held about 45 MB of large strings at 10,000 articles under load
  // (README, "Memory"). With REDIS_URL the pages live in Redis instead.
  cacheMaxMemorySize: 8 * 1024 * 1024,
  // The embedded dataset and its images are read at run time from sanity/demo.
  outputFileTracingIncludes: { '/**': ['./sanity/demo/**/*'] },
  turbopack: { root: path.join(__dirname) },
  // unauthorized(): a bad preview link answers 401 with app/unauthorized.tsx.
  experimental: { authInterrupts: true },
}

/**
 * The incremental cache (ISR pages, route handler responses, the fetch cache) as `next start`
 * runs it, chosen as the server starts rather than frozen in the build; builds and `next dev`
 * keep Next's built-in cache and never need Redis. Both handlers store nothing for an address
 * that names nothing (lib/cache/known-addresses.mjs, docs/security.md).
 * - With REDIS_URL, several instances share one cache and its invalidations in Redis (README:
 *   Several instances), with no per-instance in-memory copy, as Next's docs advise.
 * - Without, Next's own cache on disk.
 */
const serverCache = () =>
  process.env.REDIS_URL
    ? { cacheHandler: require.resolve('./lib/cache/next-cache-handler.mjs'), cacheMaxMemorySize: 0 }
    : { cacheHandler: require.resolve('./lib/cache/disk-cache-handler.mjs') }

/** @type {(phase: string) => import('next').NextConfig} */
module.exports = (phase) => ({
  ...nextConfig,
  headers: async () => headerRules(phase === PHASE_DEVELOPMENT_SERVER),
  ...(phase === PHASE_PRODUCTION_SERVER ? serverCache() : {}),
})
