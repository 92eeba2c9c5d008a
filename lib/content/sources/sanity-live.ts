import 'server-only'
import { defineLive } from 'next-sanity/live'
import type { SanityConfig } from '@/lib/env'
import { readFromLake } from './lake-deadline'
import { createSanityClient, createSanitySource } from './sanity'
import type { ContentSource } from './types'

/**
 * next-sanity's Sanity Live for the configured project. The read token is only the server
 * token (drafts, read on the server). No browser token: `<SanityLive />` would hand it to
 * every visitor's browser, so the browser listens to published changes only; in the
 * Presentation tool drafts still refresh, through VisualEditing.
 */
export function defineSanityLive(config: SanityConfig) {
  return defineLive({ client: createSanityClient(config), serverToken: config.token ?? false, browserToken: false })
}

/**
 * The Sanity source with Sanity Live (SANITY_LIVE=true). Published reads go through
 * `sanityFetch`: cached by Next under the page's tags plus the result's `sanity:<syncTag>`
 * tags, which `<SanityLive />` expires when the Live Content API reports a change.
 * Drafts and searches stay on the plain source, outside Next's data cache: `sanityFetch`
 * would cache them (preview links read drafts outside draft mode, where Next caches).
 * `sanityFetch` takes no signal: readFromLake stops waiting for it at the deadline all the same.
 */
export function createSanityLiveSource(config: SanityConfig): ContentSource {
  const { sanityFetch } = defineSanityLive(config)
  const uncachedReads = createSanitySource(config)

  return {
    async fetch(query, params, options) {
      if (options.perspective === 'drafts' || options.uncached) return uncachedReads.fetch(query, params, options)
      const { data } = await readFromLake(() => sanityFetch({ query, params, perspective: 'published', stega: false, tags: options.tags }))
      return data
    },
  }
}
