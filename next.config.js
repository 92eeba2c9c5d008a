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
}

module.exports = nextConfig
