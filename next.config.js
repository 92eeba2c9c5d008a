// @ts-check
const path = require('node:path')

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The browser tests build into their own folder so they never clobber a developer's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded dataset and its images are read at run time from sanity/demo.
  outputFileTracingIncludes: { '/**': ['./sanity/demo/**/*'] },
  turbopack: { root: path.join(__dirname) },
  // unauthorized(): a bad preview link answers 401 with app/unauthorized.tsx.
  experimental: { authInterrupts: true },
}

module.exports = nextConfig
