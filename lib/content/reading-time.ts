import type { Body } from './schemas'

/** Reading rates: 230 words a minute for scripts written in words, 500 characters a minute for Chinese, Japanese and Korean. */
export const WORDS_PER_MINUTE = 230
export const CJK_CHARACTERS_PER_MINUTE = 500

const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu
const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu

export function countReadingUnits(text: string): { words: number; cjkCharacters: number } {
  const cjkCharacters = text.match(CJK_CHARACTER)?.length ?? 0
  const words = text.replace(CJK_CHARACTER, ' ').match(WORD)?.length ?? 0
  return { words, cjkCharacters }
}

/** Minutes to read a text, at least one. */
export function readingTimeOfText(text: string): number {
  const { words, cjkCharacters } = countReadingUnits(text)
  const minutes = words / WORDS_PER_MINUTE + cjkCharacters / CJK_CHARACTERS_PER_MINUTE
  return Math.max(1, Math.round(minutes))
}

/** The plain text of a Portable Text body: each text block's spans, one block a line. */
export function bodyText(body: Body): string {
  return body.flatMap((block) => (block._type === 'block' ? [block.children.map((span) => span.text).join('')] : [])).join('\n')
}

/** The editor's override when set, otherwise the time computed from the body. */
export function readingTime(article: { body: Body; readingTimeOverride?: number }): number {
  return article.readingTimeOverride ?? readingTimeOfText(bodyText(article.body))
}
