import 'server-only'
import { createClient, type FilteredResponseQueryOptions } from 'next-sanity'
import type { SanityConfig } from '@/lib/env'
import { documentTag } from '@/lib/revalidate/tags'
import { documentIds } from './document-ids'
import { readFromLake } from './lake-deadline'
import type { ContentSource, FetchOptions, QueryParams } from './types'

/** How long Next may serve a published result before asking the Content Lake again. */
const PUBLISHED_REVALIDATE_SECONDS = 60

/**
 * The request tag (`?tag=` on the URL) of the read that finds a result's documents: it makes
 * that read's URL, and so its key in Next's data cache, differ from the read that returns.
 */
export const DISCOVERY_REQUEST_TAG = 'document-ids'

/**
 * Next keeps at most 128 tags per fetch and tags of at most 256 characters
 * (NEXT_CACHE_TAG_MAX_ITEMS and NEXT_CACHE_TAG_MAX_LENGTH in next/dist/lib/constants.js;
 * validateTags in next/dist/server/lib/patch-fetch.js warns and drops the rest).
 */
const MAX_TAGS_PER_FETCH = 128
const MAX_TAG_LENGTH = 256

/**
 * The caller's tags, then the tags of as many of the documents as fit. Documents left out
 * are still covered by the caller's type and slug tags ('article', `section:<slug>`…),
 * which their changes expire too; they only lose the precision of their own tag.
 */
function withDocumentTags(tags: string[], ids: string[]): string[] {
  const own = ids.map(documentTag).filter((tag) => tag.length <= MAX_TAG_LENGTH && !tags.includes(tag))
  return [...tags, ...own.slice(0, Math.max(0, MAX_TAGS_PER_FETCH - tags.length))]
}

/**
 * Reads a Sanity project's Content Lake. Published content comes from the CDN with no
 * token; drafts bypass the CDN, use the read token (server side only) and are never
 * put in Next's data cache.
 *
 * A cached published read is tagged with the id of every document in its result
 * (`doc:<_id>`), which the webhook expires when that document is published. A fetch's
 * tags must be known before it is made, so, as next-sanity's defineLive does with sync
 * tags, it takes two reads: a discovery read, tagged with the caller's tags only, whose
 * result gives the ids, then the same query again tagged with those ids too. A result
 * without documents (null, a count, a list of slugs) is returned from the first read.
 *
 * The discovery read's cached result may be stale, and that is harmless: it only supplies
 * ids. When `doc:X` expires, the data read and the pages that made it are refetched, and
 * a change in which documents a result holds is a change to a document that the caller's
 * type and slug tags cover ('article', `article:<slug>`…), which expires the discovery
 * read as well.
 *
 * Every request has a deadline and one retry (readFromLake in lake-deadline.ts): an unreachable
 * Content Lake ends a render with a LakeUnavailableError within seconds, never a hang.
 */
export function createSanitySource(config: SanityConfig): ContentSource {
  const client = createSanityClient(config)

  const read = (query: string, params: QueryParams, options: FilteredResponseQueryOptions) =>
    readFromLake((signal) => client.fetch(query, params, { ...options, signal }))

  return {
    async fetch(query: string, params: QueryParams, { perspective, tags, uncached }: FetchOptions) {
      if (perspective === 'drafts') {
        if (!config.token) {
          throw new Error('SANITY_API_READ_TOKEN must be set to read drafts from Sanity.')
        }
        return read(query, params, {
          perspective: 'drafts',
          useCdn: false,
          token: config.token,
          cache: 'no-store',
        })
      }
      const published = { perspective: 'published', useCdn: true } as const
      if (uncached) return read(query, params, { ...published, cache: 'no-store' })

      const cachedWith = (cacheTags: string[]) => ({ revalidate: PUBLISHED_REVALIDATE_SECONDS, tags: cacheTags })
      const discovered = await read(query, params, { ...published, tag: DISCOVERY_REQUEST_TAG, next: cachedWith(tags) })
      const ids = documentIds(discovered)
      if (ids.length === 0) return discovered
      return read(query, params, { ...published, next: cachedWith(withDocumentTags(tags, ids)) })
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
    // readFromLake retries, once and within the render's deadline; the client's own five would not stop at it.
    maxRetries: 0,
    ...(config.apiHost ? { apiHost: config.apiHost, useProjectHostname: false } : {}),
  })
}
