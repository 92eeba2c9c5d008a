import { revalidateTag } from 'next/cache'
import { findReferencingArticleSlugs } from '@/lib/content'
import { readConfig } from '@/lib/env'
import { DeliveryMemo, handleRevalidation } from '@/lib/revalidate/handler'

/**
 * How long to wait, after a signed delivery, before expiring the tags. The webhook fires
 * when the mutation is committed; Sanity's API CDN, which the published reads use, can
 * answer the old content for a moment longer, and a reader's request in that moment would
 * cache it again until the next time-based revalidation. next-sanity's parseBody waits 3 s
 * for the same reason.
 */
const CONTENT_LAKE_SETTLE_MS = 3000

/** The deliveries this process has handled, for as long as it runs: a replay expires nothing twice. */
const deliveries = new DeliveryMemo()

/**
 * Sanity's webhook on publish (README.md, "Publish to live"): checks the signature, then
 * expires exactly the cache tags the change touches (lib/revalidate/tags.ts).
 */
export async function POST(request: Request) {
  const { source, revalidateSecret } = readConfig()
  if (revalidateSecret && source.mode !== 'sanity') {
    return Response.json(
      { message: 'Webhook revalidation is off: this site reads the embedded dataset, and publishes its saved changes itself.' },
      { status: 404 },
    )
  }
  return handleRevalidation(request, {
    secret: revalidateSecret,
    // { expire: 0 }: no reader is served the old page once this returns; the next request
    // for a tagged page waits for fresh content ('max' would serve the old one once more).
    revalidate: (tag) => revalidateTag(tag, { expire: 0 }),
    findReferencingArticles: findReferencingArticleSlugs,
    settle: () => new Promise((resolve) => setTimeout(resolve, CONTENT_LAKE_SETTLE_MS)),
    deliveries,
  })
}
