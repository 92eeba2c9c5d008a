import { DEFAULT_TTL_SECONDS, MAX_TTL_SECONDS, createToken, parseDuration, verifyToken } from '@/lib/preview/token'

const SECRET = 'a-preview-secret-of-at-least-32-characters'
const NOW = Date.UTC(2026, 10, 29, 12, 0, 0)

describe('preview tokens', () => {
  it('verify for the slug they were made for, until they expire (24 hours by default)', () => {
    const { token, expiresAt } = createToken({ kind: 'article', slug: 'harbour-reopens' }, SECRET, { now: NOW })
    expect(expiresAt.getTime()).toBe(NOW + DEFAULT_TTL_SECONDS * 1000)
    expect(verifyToken(token, SECRET, NOW)).toEqual({ ok: true, kind: 'article', slug: 'harbour-reopens', expiresAt })
    expect(verifyToken(token, SECRET, expiresAt.getTime() - 1)).toMatchObject({ ok: true })
  })

  it('are refused once expired, including a replay after expiry', () => {
    const { token, expiresAt } = createToken({ kind: 'article', slug: 's' }, SECRET, { ttlSeconds: 7200, now: NOW })
    expect(verifyToken(token, SECRET, expiresAt.getTime())).toEqual({ ok: false, reason: 'expired' })
    expect(verifyToken(token, SECRET, NOW + 30 * 86400_000)).toEqual({ ok: false, reason: 'expired' })
  })

  it('are refused when tampered with: another slug, a longer expiry, a changed signature', () => {
    const { token } = createToken({ kind: 'article', slug: 'harbour-reopens' }, SECRET, { now: NOW })
    const [body, signature] = token.split('.')
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString())
    const forge = (changes: object) => `${Buffer.from(JSON.stringify({ ...payload, ...changes })).toString('base64url')}.${signature}`
    expect(verifyToken(forge({ slug: 'secret-scoop' }), SECRET, NOW)).toEqual({ ok: false, reason: 'signature' })
    expect(verifyToken(forge({ exp: payload.exp + 86400 * 365 }), SECRET, NOW)).toEqual({ ok: false, reason: 'signature' })
    expect(verifyToken(forge({ kind: 'draft-mode' }), SECRET, NOW)).toEqual({ ok: false, reason: 'signature' })
    const flipped = signature.slice(0, -2) + (signature.endsWith('A') ? 'BB' : 'AA')
    expect(verifyToken(`${body}.${flipped}`, SECRET, NOW)).toEqual({ ok: false, reason: 'signature' })
  })

  it('are refused under another secret, and when unsigned or malformed', () => {
    const { token } = createToken({ kind: 'article', slug: 's' }, SECRET, { now: NOW })
    expect(verifyToken(token, `${SECRET}-rotated`, NOW)).toEqual({ ok: false, reason: 'signature' })
    expect(verifyToken(token.split('.')[0], SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' })
    expect(verifyToken('', SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' })
    expect(verifyToken('a.b.c', SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('refuses a well-signed token whose payload is not a grant', () => {
    const { createHmac } = jest.requireActual<typeof import('node:crypto')>('node:crypto')
    const body = Buffer.from(JSON.stringify({ v: 1, kind: 'everything', exp: NOW / 1000 + 60 })).toString('base64url')
    const signature = createHmac('sha256', SECRET).update(body).digest('base64url')
    expect(verifyToken(`${body}.${signature}`, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('last at most 7 days', () => {
    expect(() => createToken({ kind: 'draft-mode' }, SECRET, { ttlSeconds: MAX_TTL_SECONDS + 1 })).toThrow(/7 days/)
    expect(() => createToken({ kind: 'draft-mode' }, SECRET, { ttlSeconds: 0 })).toThrow(RangeError)
    expect(createToken({ kind: 'draft-mode' }, SECRET, { ttlSeconds: MAX_TTL_SECONDS, now: NOW }).expiresAt.getTime()).toBe(NOW + MAX_TTL_SECONDS * 1000)
  })

  it.each([
    ['2h', 7200],
    ['30m', 1800],
    ['3d', 259200],
    ['90s', 90],
    ['45', 45],
  ])('reads the duration %s as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds)
  })

  it('names a duration it cannot read', () => {
    expect(() => parseDuration('soon')).toThrow('"soon" is not a duration')
  })
})
