import 'server-only'

/**
 * The Sanity read token (SANITY_API_READ_TOKEN), read here and nowhere else, as Sanity's
 * templates keep it in token.ts. It reads drafts, so it must never reach a browser: this
 * module is server-only, and a browser bundle that imported it, or lib/env.ts, would fail
 * to build. An empty value counts as unset.
 */
export function readToken(): string | undefined {
  return process.env.SANITY_API_READ_TOKEN || undefined
}
