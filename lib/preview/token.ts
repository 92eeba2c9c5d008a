import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Signed, expiring preview grants, HMAC-SHA256 under PREVIEW_SECRET:
 * - an "article" grant is a shareable link to one draft (by slug), for anyone holding it;
 * - a "draft-mode" grant turns on draft mode for the whole site (editors, in local mode);
 * - a "draft-session" grant is the cookie that keeps draft mode on, until the grant that
 *   started it expires (lib/preview/draft-session.ts).
 * Changing the secret revokes every grant at once.
 *
 * Token: base64url(JSON payload) + "." + base64url(HMAC of that first part).
 */
export const DEFAULT_TTL_SECONDS = 24 * 60 * 60
export const MAX_TTL_SECONDS = 7 * 24 * 60 * 60

export type Grant = { kind: 'article'; slug: string } | { kind: 'draft-mode' } | { kind: 'draft-session' }
type Payload = Grant & { v: 1; exp: number }

export type Verified = (Grant & { ok: true; expiresAt: Date }) | { ok: false; reason: 'malformed' | 'signature' | 'expired' }

const encode = (value: string | Buffer) => Buffer.from(value).toString('base64url')
const sign = (data: string, secret: string) => createHmac('sha256', secret).update(data).digest()

export function createToken(grant: Grant, secret: string, { ttlSeconds = DEFAULT_TTL_SECONDS, now = Date.now() } = {}) {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
    throw new RangeError(`A preview link lasts between 1 second and 7 days; ${ttlSeconds} seconds was asked for.`)
  }
  const payload: Payload = { ...grant, v: 1, exp: Math.floor(now / 1000) + Math.floor(ttlSeconds) }
  const body = encode(JSON.stringify(payload))
  return { token: `${body}.${encode(sign(body, secret))}`, expiresAt: new Date(payload.exp * 1000) }
}

/** The last second a Date can hold: a later expiry would make an Invalid Date of the grant. */
const LAST_EXPIRY = 8.64e12

function isPayload(value: unknown): value is Payload {
  const payload = value as Payload
  if (typeof payload !== 'object' || payload === null || payload.v !== 1 || !Number.isInteger(payload.exp) || payload.exp > LAST_EXPIRY) return false
  return (
    payload.kind === 'draft-mode' ||
    payload.kind === 'draft-session' ||
    (payload.kind === 'article' && typeof payload.slug === 'string' && payload.slug.length > 0)
  )
}

export function verifyToken(token: string, secret: string, now = Date.now()): Verified {
  const [body, signature, ...rest] = token.split('.')
  if (!body || !signature || rest.length > 0) return { ok: false, reason: 'malformed' }
  // Compared as text, not decoded: base64url decoding ignores the spare low bits of the last
  // character, so several spellings of one signature would pass (found by random-input.test.ts).
  const expected = Buffer.from(encode(sign(body, secret)))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' }
  let payload: unknown
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (!isPayload(payload)) return { ok: false, reason: 'malformed' }
  if (payload.exp * 1000 <= now) return { ok: false, reason: 'expired' }
  const expiresAt = new Date(payload.exp * 1000)
  return payload.kind === 'article' ? { ok: true, kind: 'article', slug: payload.slug, expiresAt } : { ok: true, kind: payload.kind, expiresAt }
}

/** "2h", "30m", "3d", "90s" or plain seconds → seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+)\s*([smhd]?)$/i.exec(text.trim())
  if (!match) throw new RangeError(`"${text}" is not a duration: use e.g. 30m, 2h or 3d.`)
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2].toLowerCase() as '' | 's' | 'm' | 'h' | 'd']
  return Number(match[1]) * unit
}
