export type Perspective = 'published' | 'drafts'
export type QueryParams = Record<string, unknown>

export type FetchOptions = {
  perspective: Perspective
  /** Cache tags for what the result depends on; the Sanity source hands them to Next's data cache. */
  tags: string[]
  /**
   * Keep (almost) nothing of this query: for queries built from what a reader typed (search),
   * so that arbitrary input cannot fill a cache. The local source does not keep the parsed
   * query, and keeps the answer in a small memo only (300 answers, 15 s each) so a repeat
   * costs nothing; the Sanity source bypasses Next's data cache.
   */
  uncached?: boolean
}

/** Where content comes from: the embedded NDJSON dataset or a Sanity project. */
export interface ContentSource {
  fetch(query: string, params: QueryParams, options: FetchOptions): Promise<unknown>
}
