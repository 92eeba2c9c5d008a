/*
 * GROQ's `match` and its `score()` weight, answered from an index of each document's
 * tokens instead of tokenising every document's text on every query. The rules are
 * groq-js 1.30's, to the letter (node_modules/groq-js/dist/_chunks-es: shared.mjs
 * matchTokenize, matchPatternRegex, gatherText; evaluator.mjs `match` and
 * processMatchScore); tests/unit/local-engine.test.ts compares the answers with groq-js.
 *
 * - The text side is tokenised: its string, or each string of its array (other values
 *   are skipped), cut into tokens at GROQ's separators.
 * - The pattern side becomes one case-insensitive regular expression `^term$` per term
 *   (`*` matches anything); a pattern that is not a string or an array of strings fails.
 * - `text match pattern` is true when there is at least one token and one term, and
 *   every term matches some token. Its score is, summed over the terms in order,
 *   freq × (k + 1) / (freq + k) with k = 1.2, freq being how many tokens the term matches.
 *
 * A term's matching tokens are found once per dataset version by testing it against the
 * distinct tokens it can match (those whose first character it matches, when it begins with
 * one), then read from postings lists.
 */

const CHARS = /([^!@#$%^&*(),\\/?";:{}|[\]+<>\s-])+/g
const CHARS_WITH_WILDCARD = /([^!@#$%^&(),\\/?";:{}|[\]+<>\s-])+/g
const EDGE_CHARS = /(\b\.+|\.+\b)/g
const BM25K = 1.2

const tokenize = (text: string) => text.replace(EDGE_CHARS, '').match(CHARS) ?? []

/** The terms of a pattern value, as groq-js builds them; `success: false` when it never matches. */
export function patternTerms(value: unknown): { success: boolean; terms: RegExp[] } {
  const strings = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined
  if (!strings) return { success: false, terms: [] }
  const terms: RegExp[] = []
  let success = true
  for (const part of strings) {
    if (typeof part !== 'string') {
      success = false
      continue
    }
    for (const term of part.replace(EDGE_CHARS, '').match(CHARS_WITH_WILDCARD) ?? []) {
      terms.push(new RegExp(`^${term.slice(0, 1024).replace(/\*/g, '.*')}$`, 'i'))
    }
  }
  return { success, terms }
}

/** Distinct tokens of a dataset version, numbered; shared by every index of that version. */
export class Vocabulary {
  readonly ids = new Map<string, number>()
  readonly tokens: string[] = []
  private readonly matching = new Map<string, Int32Array>()
  /** The ids of the tokens, by their first UTF-16 code unit. */
  private readonly byFirst = new Map<string, number[]>()

  id(token: string): number {
    let id = this.ids.get(token)
    if (id === undefined) {
      id = this.tokens.push(token) - 1
      this.ids.set(token, id)
      const first = this.byFirst.get(token[0])
      if (first) first.push(id)
      else this.byFirst.set(token[0], [id])
      this.matching.clear()
    }
    return id
  }

  /** The ids of the tokens a term matches; remembered for the terms readers repeat. */
  matches(term: RegExp): Int32Array {
    let ids = this.matching.get(term.source)
    if (!ids) {
      const found: number[] = []
      for (const id of this.candidates(term)) if (term.test(this.tokens[id])) found.push(id)
      ids = Int32Array.from(found)
      if (this.matching.size >= 1000) this.matching.delete(this.matching.keys().next().value as string)
      this.matching.set(term.source, ids)
    }
    return ids
  }

  /**
   * The tokens a term can match. A term that begins with a character (`^x…`, every pattern the
   * site sends but `*…*`) matches only tokens whose first code unit matches `^x$` under the
   * same flags, which the regular expression engine itself decides for each distinct first
   * code unit (case folding included): ten new terms test a few thousand tokens, not ten times
   * the vocabulary (about 3 ms a term at 200,000 tokens).
   */
  private candidates(term: RegExp): Iterable<number> {
    const first = term.source[1]
    // Anything but a literal character after the anchor, or other flags than patternTerms's: every token.
    if (term.flags !== 'i' || term.source[0] !== '^' || !first || /[\\^$.*+?()[\]{}|/]/.test(first)) return this.tokens.keys()
    const head = new RegExp(`^${first}$`, term.flags)
    return [...this.byFirst].flatMap(([unit, ids]) => (head.test(unit) ? ids : []))
  }
}

/** The tokens of one text value: how many, and how often each distinct token occurs. */
export type TokenCounts = { total: number; counts: Map<number, number> }

/**
 * The tokens of a GROQ value on the text side of `match`: its string, or each string of
 * its array. `seen` remembers strings already tokenised (the same text often appears in
 * several expressions of one document).
 */
export function countTokens(value: unknown, vocabulary: Vocabulary, seen: Map<string, TokenCounts>): TokenCounts {
  const strings = typeof value === 'string' ? [value] : Array.isArray(value) ? value : []
  const result: TokenCounts = { total: 0, counts: new Map() }
  for (const part of strings) {
    if (typeof part !== 'string') continue
    let tokens = seen.get(part)
    if (!tokens) {
      tokens = { total: 0, counts: new Map() }
      for (const token of tokenize(part)) {
        const id = vocabulary.id(token)
        tokens.counts.set(id, (tokens.counts.get(id) ?? 0) + 1)
        tokens.total++
      }
      seen.set(part, tokens)
    }
    if (strings.length === 1) return tokens
    result.total += tokens.total
    for (const [id, count] of tokens.counts) result.counts.set(id, (result.counts.get(id) ?? 0) + count)
  }
  return result
}

/** See TokenIndex.frequencies. */
let scratch = new Uint32Array(0)

/** A growable typed array (postings are built without an object per posting). */
class Column {
  values = new Uint32Array(1024)
  length = 0
  push(value: number) {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.values[this.length++] = value
  }
}

/** Collects the tokens of one text expression, document after document, into a TokenIndex. */
export class TokenIndexBuilder {
  private readonly totals = new Column()
  private readonly docs = new Column()
  private readonly ids = new Column()
  private readonly freqs = new Column()

  constructor(private readonly vocabulary: Vocabulary) {}

  /** Adds the next document's tokens. */
  add({ total, counts }: TokenCounts) {
    const doc = this.totals.length
    this.totals.push(total)
    for (const [id, freq] of counts) {
      this.docs.push(doc)
      this.ids.push(id)
      this.freqs.push(freq)
    }
  }

  build(): TokenIndex {
    // Postings in compressed-row form: token t's documents are postingDocs[offsets[t]…offsets[t+1]).
    const size = this.vocabulary.tokens.length
    const offsets = new Uint32Array(size + 1)
    const ids = this.ids.values.subarray(0, this.ids.length)
    for (const id of ids) offsets[id + 1]++
    for (let t = 0; t < size; t++) offsets[t + 1] += offsets[t]
    const fill = offsets.slice(0, size)
    const postingDocs = new Uint32Array(ids.length)
    const wide = this.freqs.values.subarray(0, this.freqs.length).some((freq) => freq > 0xffff)
    const postingFreqs = wide ? new Uint32Array(ids.length) : new Uint16Array(ids.length)
    for (let p = 0; p < ids.length; p++) {
      const at = fill[ids[p]]++
      postingDocs[at] = this.docs.values[p]
      postingFreqs[at] = this.freqs.values[p]
    }
    return new TokenIndex(this.vocabulary, this.totals.values.slice(0, this.totals.length), offsets, postingDocs, postingFreqs)
  }
}

/**
 * The tokens of one text expression for each document of a list: per document, how many
 * tokens it has; per token, the documents that have it and how often (postings).
 */
export class TokenIndex {
  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly tokenCounts: Uint32Array,
    private readonly offsets: Uint32Array,
    private readonly postingDocs: Uint32Array,
    private readonly postingFreqs: Uint16Array | Uint32Array,
  ) {}

  /**
   * How many tokens of each document a term matches, in a buffer shared by every index and
   * reused from term to term (match and score read it before the next term, synchronously):
   * a search of ten terms over five indexes allocated 2 MB of such arrays at 10,000 articles.
   */
  private frequencies(term: RegExp): Uint32Array {
    const size = this.tokenCounts.length
    if (scratch.length < size) scratch = new Uint32Array(size)
    const freq = scratch.subarray(0, size)
    freq.fill(0)
    for (const id of this.vocabulary.matches(term)) {
      // Tokens added to the vocabulary after this index was built are not in it.
      if (id + 1 >= this.offsets.length) continue
      for (let p = this.offsets[id]; p < this.offsets[id + 1]; p++) freq[this.postingDocs[p]] += this.postingFreqs[p]
    }
    return freq
  }

  /** `text match pattern` for each document: 1 when true. */
  match(pattern: unknown): Uint8Array {
    const { success, terms } = patternTerms(pattern)
    const result = new Uint8Array(this.tokenCounts.length)
    if (!success || terms.length === 0) return result
    for (let doc = 0; doc < result.length; doc++) result[doc] = this.tokenCounts[doc] > 0 ? 1 : 0
    for (const term of terms) {
      const freq = this.frequencies(term)
      for (let doc = 0; doc < result.length; doc++) if (freq[doc] === 0) result[doc] = 0
    }
    return result
  }

  /** The weight `text match pattern` adds to `score()` for each document. */
  score(pattern: unknown): number[] {
    const { success, terms } = patternTerms(pattern)
    const result = new Array<number>(this.tokenCounts.length).fill(0)
    if (!success || terms.length === 0) return result
    // Summed term by term, in order, as groq-js sums them (a term that matches nothing adds 0).
    for (const term of terms) {
      const freq = this.frequencies(term)
      for (let doc = 0; doc < result.length; doc++) {
        if (freq[doc] > 0 && this.tokenCounts[doc] > 0) result[doc] += (freq[doc] * (BM25K + 1)) / (freq[doc] + BM25K)
      }
    }
    return result
  }
}
