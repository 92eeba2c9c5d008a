/**
 * What a reader typed into the search box, made safe: the one place that decides what a
 * search "word" is. The content layer turns the words into GROQ `match` patterns (passed
 * as parameters, never spliced into a query) and the results page highlights the same
 * words. Pure functions, usable on the server and in components.
 */

/** Longer queries are cut to this many characters (and the page says so). */
export const MAX_QUERY_LENGTH = 200
/** Words after this many are ignored (and the page says so); each one is a pattern to test. */
export const MAX_TERMS = 10

export type SearchQuery = {
  /** The query as the page shows it and prefills the form with: controls stripped, spaces collapsed, cut. */
  text: string
  /** The distinct words searched for, lower-cased; empty when there is nothing to look for. */
  terms: string[]
  /** The query was longer than MAX_QUERY_LENGTH and was cut. */
  truncated: boolean
  /** The query had more than MAX_TERMS words; the rest were ignored. */
  tooManyWords: boolean
}

// C0 and C1 controls, lone surrogates, and the bidirectional overrides and isolates
// (they can make text display in an order other than the one it is stored in).
const UNSAFE = /[\p{Cc}\p{Cs}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu
// A word: letters, digits and combining marks. Everything else separates words.
const WORD = /[\p{L}\p{N}\p{M}]+/gu
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]'
// English possessives ("Kyrgyzstan's") search for the word itself.
const POSSESSIVE = /(?<=[\p{L}\p{N}])['’]s(?![\p{L}\p{N}\p{M}])/gu
// Scripts written without spaces between words: a term matches anywhere inside a run.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u

/** Reads the `q` search parameter (a string, repeated strings, or nothing) into a safe query. */
export function parseSearchQuery(input: unknown): SearchQuery {
  const raw = typeof input === 'string' ? input : Array.isArray(input) && typeof input[0] === 'string' ? input[0] : ''
  const cleaned = raw.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/gu, ' ').trim()
  const chars = Array.from(cleaned) // code points, so a cut never splits a surrogate pair
  const truncated = chars.length > MAX_QUERY_LENGTH
  const text = truncated ? chars.slice(0, MAX_QUERY_LENGTH).join('').trim() : cleaned
  const words = [...new Set(text.replace(POSSESSIVE, '').toLowerCase().match(WORD) ?? [])]
  return { text, terms: words.slice(0, MAX_TERMS), truncated, tooManyWords: words.length > MAX_TERMS }
}

const isUnspaced = (term: string) => UNSPACED.test(term)

/**
 * GROQ `match` patterns for the terms: each word matches the words it begins ("kyrgyz*"
 * finds "Kyrgyzstan"); a word in a script written without spaces matches anywhere in a run
 * of text. The terms hold letters, digits and marks only, so no pattern can carry an
 * operator, a quote or a wildcard the reader typed.
 */
export function matchPatterns(terms: readonly string[]): string[] {
  return terms.map((term) => (isUnspaced(term) ? `*${term}*` : `${term}*`))
}

export type Segment = { text: string; match: boolean }

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

/**
 * Splits `text` into plain and matching segments: a matching segment is a whole word that
 * begins with one of the terms (case-insensitive, any script), or, for a term in a script
 * written without spaces, the term itself. Rendered as text nodes, so nothing is ever
 * interpreted as HTML.
 */
export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  if (!text || terms.length === 0) return text ? [{ text, match: false }] : []
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((term) => (isUnspaced(term) ? escapeRegExp(term) : `(?<!${WORD_CHAR})${escapeRegExp(term)}${WORD_CHAR}*`))
  const pattern = new RegExp(alternatives.join('|'), 'giu')
  const segments: Segment[] = []
  let last = 0
  for (const found of text.matchAll(pattern)) {
    if (found[0] === '') continue
    const at = found.index
    if (at > last) segments.push({ text: text.slice(last, at), match: false })
    segments.push({ text: found[0], match: true })
    last = at + found[0].length
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false })
  return segments
}

/**
 * Reads the `page` search parameter: a plain positive integer, else page 1 (a search is
 * a reader's request, so a mistyped page number shows the first page rather than an error).
 */
export function parseSearchPage(input: unknown): number {
  const raw = Array.isArray(input) ? input[0] : input
  return typeof raw === 'string' && /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : 1
}
