// @ts-check
const path = require('node:path')
const { PHASE_PRODUCTION_SERVER } = require('next/constants')

/**
 * Sent with every response (docs/security.md). No script-src yet: a full Content-Security-Policy,
 * with nonces for Next's inline scripts, is left for later; frame-ancestors 'self' lets the
 * site's own Studio frame it for Presentation, and nobody else. No Cross-Origin-Embedder-Policy:
 * the Studio loads images and scripts from other origins that send no CORP header.
 * Strict-Transport-Security depends on SITE_URL at run time, so proxy.ts adds it; these are
 * fixed when the site is built (Next writes them into its routes manifest).
 */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Content-Security-Policy', value: "frame-ancestors 'self'" },
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The browser tests build into their own folder so they never clobber a developer's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
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
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }]
  },
}

/**
 * Several instances share one cache (README: Several instances): with REDIS_URL set when
 * `next start` starts, Next's incremental cache (ISR pages, route handler responses, the fetch
 * cache) and its invalidations live in Redis. Read as the server starts, not frozen in the build;
 * builds and `next dev` keep Next's built-in cache and never need Redis.
 */
const sharedCache = {
  cacheHandler: require.resolve('./lib/cache/next-cache-handler.mjs'),
  // As Next's docs advise with a custom cacheHandler: no per-instance in-memory copy.
  cacheMaxMemorySize: 0,
}

/** @type {(phase: string) => import('next').NextConfig} */
module.exports = (phase) =>
  phase === PHASE_PRODUCTION_SERVER && process.env.REDIS_URL ? { ...nextConfig, ...sharedCache } : nextConfig
