import { SIGNATURE_HEADER_NAME, isValidSignature } from '@sanity/webhook'
import { Lru } from '@/lib/lru'
import { readBodyWithin } from '@/lib/request-body'
import { ChangeSchema, isPublishedId, isRevalidatedType, needsReferencingArticles, tagsForChange, type Change } from './tags'

/**
 * Sanity's publish webhook, without Next: app/api/revalidate/route.ts passes Next's
 * revalidateTag and the Content Lake in, the tests pass spies.
 *
 * Order matters: nothing is revalidated, and nothing is read from the Content Lake,
 * before the signature (which covers the timestamp and the exact body) is checked; no more
 * of the body than MAX_BODY_BYTES is read; and a delivery already handled expires nothing.
 */

/** A signature older (or further in the future) than this is refused: a replayed or delayed delivery. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000

/** `t=<unix time in milliseconds>,v1=<base64url HMAC-SHA256 of "<t>.<body>">`, as @sanity/webhook reads it. */
const SIGNATURE_HEADER = /^t=(\d+)[, ]+v1=([^, ]+)$/

/**
 * The largest body read. The projection in README.md sends a few hundred bytes, and an ASCII body
 * at every bound of ChangeSchema (tags.ts) about 21 KB: anything larger is not a delivery of the webhook.
 */
export const MAX_BODY_BYTES = 64 * 1024

/** The header that names a delivery, the same on each retry of it, when the sender sends one. */
export const IDEMPOTENCY_HEADER = 'idempotency-key'

/** Keys remembered at most (one or two a delivery): a burst of publishes forgets the oldest first. */
const REMEMBERED_KEYS = 2000

/**
 * The deliveries this process has accepted, so that a replay inside the signature's window
 * expires nothing twice. Each is remembered by its signature, and by its idempotency key when it
 * has one: the key catches a retry of the delivery (signed again, at a new time), the
 * signature a request replayed as it was, whose key (a header outside the signature) may have
 * been changed. In memory, bounded: each instance of the site remembers its own deliveries.
 */
export class DeliveryMemo {
  private readonly until: Lru<string, number>
  constructor(limit = REMEMBERED_KEYS) {
    this.until = new Lru(limit)
  }
  has(keys: readonly string[], now: number): boolean {
    return keys.some((key) => (this.until.get(key) ?? -Infinity) >= now)
  }
  remember(keys: readonly string[], until: number) {
    for (const key of keys) this.until.set(key, until)
  }
  forget(keys: readonly string[]) {
    for (const key of keys) this.until.delete(key)
  }
}

export type RevalidationOptions = {
  /** SANITY_REVALIDATE_SECRET; without it the endpoint is off (404). */
  secret?: string
  /** Expires one cache tag. */
  revalidate: (tag: string) => void
  /** Slugs of the published articles that reference a document; read only for a person or a section. */
  findReferencingArticles: (id: string) => Promise<string[]>
  /** Runs after the checks, before revalidating: the route waits there for the CDN to catch up. */
  settle?: () => Promise<void>
  /** The deliveries accepted so far: one memo for the life of the route. */
  deliveries: DeliveryMemo
  /** The current time in milliseconds (tests). Default: Date.now(). */
  now?: number
}

export type RevalidationBody = { revalidated: string[]; message?: string }

const json = (status: number, body: RevalidationBody | { message: string; issues?: string[] }) => Response.json(body, { status })

const refuse = (message: string) => json(401, { message: `Not revalidated: ${message}` })

export async function handleRevalidation(request: Request, options: RevalidationOptions): Promise<Response> {
  const { secret, deliveries, now = Date.now() } = options
  if (!secret) return json(404, { message: 'Webhook revalidation is off: this site has no SANITY_REVALIDATE_SECRET.' })

  const signature = request.headers.get(SIGNATURE_HEADER_NAME)
  if (!signature) return refuse(`the request has no ${SIGNATURE_HEADER_NAME} header.`)
  const match = SIGNATURE_HEADER.exec(signature.trim())
  if (!match) return refuse(`the ${SIGNATURE_HEADER_NAME} header is not of the form t=<timestamp>,v1=<signature>.`)
  const signedAt = Number(match[1])
  if (!Number.isSafeInteger(signedAt) || Math.abs(now - signedAt) > SIGNATURE_TOLERANCE_MS) {
    return refuse('the signature is more than 5 minutes old (or ahead of this server’s clock): a late or replayed delivery.')
  }

  const bytes = await readBodyWithin(request, MAX_BODY_BYTES)
  if (!bytes) {
    return json(413, { message: `Not revalidated: the body is larger than ${MAX_BODY_BYTES / 1024} KB, which no delivery of the webhook is.` })
  }
  // As request.text() decodes it (UTF-8, a leading BOM dropped): the text the signature was made over.
  const raw = new TextDecoder().decode(bytes)
  // The HMAC covers "<timestamp>.<body>" exactly as sent, so it is checked on the raw text.
  if (!raw.trim() || !(await isValidSignature(raw, signature, secret))) {
    return refuse('the signature does not match this body and SANITY_REVALIDATE_SECRET.')
  }
  // Only now, signed: a forged request can neither learn nor fill what is remembered.
  const keys = deliveryKeys(request, signature)
  if (deliveries.has(keys, now)) {
    return json(200, { revalidated: [], message: 'Nothing to revalidate: this delivery was already handled (same idempotency-key or signature).' })
  }

  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    return json(400, { message: 'The body is not JSON.' })
  }
  const parsed = ChangeSchema.safeParse(body)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    return json(400, { message: 'The body is not what the webhook projection in README.md sends.', issues })
  }

  // For as long as this signature passes (up to 5 minutes after its time), and at least 5 minutes from now.
  deliveries.remember(keys, Math.max(now, signedAt) + SIGNATURE_TOLERANCE_MS)
  try {
    return await revalidateChange(parsed.data, options)
  } catch (error) {
    // Nothing was expired, or not all of it: Sanity's retry of this delivery must be handled.
    deliveries.forget(keys)
    throw error
  }
}

async function revalidateChange(change: Change, { revalidate, findReferencingArticles, settle }: RevalidationOptions): Promise<Response> {
  if (!isPublishedId(change._id)) {
    return json(200, { revalidated: [], message: `Nothing to revalidate: ${change._id} is a draft or a release version, never cached for readers.` })
  }
  if (!isRevalidatedType(change._type)) {
    return json(200, { revalidated: [], message: `Nothing to revalidate: documents of type "${change._type}" are not shown on the site.` })
  }

  let referencing: string[] = []
  let message: string | undefined
  if (needsReferencingArticles(change)) {
    try {
      referencing = await findReferencingArticles(change._id)
    } catch (error) {
      // Every article page also carries the 'article' tag: expiring it reaches them all.
      console.error(`Revalidation could not list the articles that reference ${change._id}; revalidating every article instead.`, error)
      referencing = []
      message = `Could not list the articles that reference ${change._id}: revalidated every article.`
    }
  }
  const tags = tagsForChange(change, referencing)
  if (message && !tags.includes('article')) tags.push('article')

  await settle?.()
  for (const tag of tags) revalidate(tag)
  return json(200, message ? { revalidated: tags, message } : { revalidated: tags })
}

/** What a delivery is remembered by (DeliveryMemo): its signature, and its idempotency key if it has one. */
function deliveryKeys(request: Request, signature: string): string[] {
  const keys = [`signature:${signature.trim()}`]
  const key = request.headers.get(IDEMPOTENCY_HEADER)?.trim()
  if (key) keys.push(`key:${key}`)
  return keys
}
