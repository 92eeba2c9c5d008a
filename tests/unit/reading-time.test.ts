import { CJK_CHARACTERS_PER_MINUTE, WORDS_PER_MINUTE, countReadingUnits, readingTime, readingTimeOfText } from '@/lib/content/reading-time'
import type { Body } from '@/lib/content/schemas'

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')
const block = (text: string) => ({ _type: 'block' as const, _key: text.slice(0, 8), children: [{ _type: 'span' as const, text }] })

describe('reading time', () => {
  it('counts words in Latin-script text, with hyphens and apostrophes inside words', () => {
    expect(countReadingUnits("Kyrgyzstan's well-known railway, built in 2022.")).toEqual({ words: 6, cjkCharacters: 0 })
  })

  it('counts characters, not words, in Chinese, Japanese and Korean text', () => {
    expect(countReadingUnits('中国发展 日本語のテキスト 한국어')).toEqual({ words: 0, cjkCharacters: 4 + 8 + 3 })
  })

  it(`reads ${WORDS_PER_MINUTE} words a minute`, () => {
    expect(readingTimeOfText(words(WORDS_PER_MINUTE * 4))).toBe(4)
    expect(readingTimeOfText(words(WORDS_PER_MINUTE * 10))).toBe(10)
  })

  it(`reads ${CJK_CHARACTERS_PER_MINUTE} CJK characters a minute`, () => {
    expect(readingTimeOfText('字'.repeat(CJK_CHARACTERS_PER_MINUTE * 6))).toBe(6)
  })

  it('adds up mixed text and never answers less than one minute', () => {
    expect(readingTimeOfText(`${words(WORDS_PER_MINUTE)} ${'字'.repeat(CJK_CHARACTERS_PER_MINUTE)}`)).toBe(2)
    expect(readingTimeOfText('')).toBe(1)
  })

  it('computes from the body text blocks and prefers the editor’s override', () => {
    const body: Body = [
      block(words(WORDS_PER_MINUTE * 3)),
      { _type: 'image', _key: 'i', asset: { _id: 'x', width: 1, height: 1 } },
      block(words(WORDS_PER_MINUTE * 2)),
    ]
    expect(readingTime({ body })).toBe(5)
    expect(readingTime({ body, readingTimeOverride: 11 })).toBe(11)
  })
})
