import { createClient } from 'next-sanity'
import type { SanityConfig } from '@/lib/env'
import type { ContentSource, FetchOptions, QueryParams } from './types'

/** How long Next may serve a published result before asking the Content Lake again. */
const PUBLISHED_REVALIDATE_SECONDS = 60

/**
 * Reads a Sanity project's Content Lake. Published content comes from the CDN with no
 * token; drafts bypass the CDN, use the read token (server side only) and are never
 * put in Next's data cache.
 */
export function createSanitySource(config: SanityConfig): ContentSource {
  const client = createSanityClient(config)

  return {
    async fetch(query: string, params: QueryParams, { perspective, tags, uncached }: FetchOptions) {
      if (perspective === 'drafts') {
        if (!config.token) {
          throw new Error('SANITY_API_READ_TOKEN must be set to read drafts from Sanity.')
        }
        return client.fetch(query, params, {
          perspective: 'drafts',
          useCdn: false,
          token: config.token,
          cache: 'no-store',
        })
      }
      return client.fetch(query, params, {
        perspective: 'published',
        useCdn: true,
        ...(uncached ? { cache: 'no-store' as const } : { next: { revalidate: PUBLISHED_REVALIDATE_SECONDS, tags } }),
      })
    },
  }
}

/** A client for the configured project, without credentials: add a token per request where one is needed. */
export function createSanityClient(config: SanityConfig) {
  return createClient({
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: config.apiVersion,
    useCdn: true,
    perspective: 'published',
    ...(config.apiHost ? { apiHost: config.apiHost, useProjectHostname: false } : {}),
  })
}
