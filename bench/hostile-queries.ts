/**
 * What an attacker would type into /search?q= to make one request cost as much as it can:
 * a seeded, deterministic list (the same queries on every run and machine), mixing the
 * kinds below in turn. Used by the bench (bench/local-queries.ts --hostile-only) and by the
 * tests that guard the bound (tests/unit/search-cost.test.ts).
 */
import { prng } from '../scripts/dataset-generator.mjs'

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
// Prefixes that begin a large share of English words.
const COMMON_PREFIXES = ['a', 'th', 's', 'c', 't', 'in', 're', 'co', 'p', 'm', 'de', 'st', 'an', 'b', 'w', 'e', 'o', 'pr', 'con', 'f']
const COMMON_WORDS = ['the', 'and', 'of', 'to', 'in', 'a', 'for', 'on', 'with', 'as', 'trade', 'rail', 'port', 'energy', 'water', 'said', 'new', 'year']
// A combining acute, diaeresis, ring, cedilla, and a Devanagari sign: each joins the word it follows.
const MARKS = ['\u0301', '\u0308', '\u030a', '\u0327', '\u093c']
// GROQ's operators and match separators, and the wildcard: none may reach a pattern.
const PUNCTUATION = '*?"\\|&^$()[]{}<>-+.,;:!@#%~`\''

/** Kinds of hostile query; each takes the generator and returns the text typed. */
export const HOSTILE_KINDS: Record<string, (next: () => number) => string> = {
  'ten one-letter terms': (next) =>
    shuffled([...LETTERS], next)
      .slice(0, 10)
      .join(' '),
  'ten common prefixes': (next) => shuffled(COMMON_PREFIXES, next).slice(0, 10).join(' '),
  'ten common words': (next) => shuffled(COMMON_WORDS, next).slice(0, 10).join(' '),
  'a 200-character word': (next) => word(next, 200),
  'one letter repeated 200 times': (next) => pick(LETTERS, next).repeat(200),
  digits: (next) => Array.from({ length: 10 }, () => String(Math.floor(next() * 10 ** (1 + Math.floor(next() * 6))))).join(' '),
  'one long number': (next) => Array.from({ length: 200 }, () => Math.floor(next() * 10)).join(''),
  'CJK runs (matched anywhere)': (next) => Array.from({ length: 10 }, () => cjk(next, 1 + Math.floor(next() * 19))).join(' '),
  'one 200-character CJK run': (next) => cjk(next, 200),
  'single CJK characters': (next) => Array.from({ length: 10 }, () => cjk(next, 1)).join(' '),
  'Latin glued to CJK': (next) => Array.from({ length: 10 }, () => pick(LETTERS, next) + cjk(next, 1)).join(' '),
  'combining marks': (next) => Array.from({ length: 10 }, () => pick(LETTERS, next) + pick(MARKS, next).repeat(1 + Math.floor(next() * 8))).join(' '),
  'marks alone': (next) => Array.from({ length: 10 }, () => pick(MARKS, next).repeat(1 + Math.floor(next() * 19))).join(' '),
  'one word repeated': (next) => Array(40).fill(pick(COMMON_WORDS, next)).join(' '),
  'ten long words that match nothing': (next) => Array.from({ length: 10 }, () => word(next, 19)).join(' '),
  'mixed scripts': (next) => ['a', cjk(next, 3), 'σ', 'и', 'ก', '한', '٣', 'th', 'ß', 'e\u0301'].join(' '),
  'punctuation and operators': (next) => Array.from({ length: 40 }, () => pick(PUNCTUATION, next) + pick(LETTERS, next)).join(''),
  'many words (only ten are read)': (next) => Array.from({ length: 60 }, () => pick(LETTERS, next) + pick(LETTERS, next)).join(' '),
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    const swap = out[i]
    out[i] = out[j]
    out[j] = swap
  }
  return out
}

const pick = <T>(from: ArrayLike<T>, next: () => number) => from[Math.floor(next() * from.length)]
const word = (next: () => number, length: number) => Array.from({ length }, () => pick(LETTERS, next)).join('')
// CJK Unified Ideographs, the common block.
const cjk = (next: () => number, length: number) => Array.from({ length }, () => String.fromCodePoint(0x4e00 + Math.floor(next() * 0x5000))).join('')

/** `count` hostile queries, the kinds in turn, the same for the same seed. */
export function hostileQueries(count = 1000, seed = 1): { kind: string; text: string }[] {
  const next = prng(seed)
  const kinds = Object.entries(HOSTILE_KINDS)
  return Array.from({ length: count }, (_, i) => {
    const [kind, make] = kinds[i % kinds.length]
    return { kind, text: make(next) }
  })
}
