import { headlineFit } from '@/components/ShareCard'
import { SHARE_CARD_RANGES, fontsCover } from '@/lib/seo/share-card-fonts'

describe('the share card’s fonts', () => {
  it('cover Latin text with accents, typographic quotes and dashes', () => {
    expect(fontsCover('One Belt One Road creates opportunities for the development of Central Asia')).toBe(true)
    expect(fontsCover('Café in Kraków: “Zażółć gęślą jaźń” — Đà Nẵng, 26 September 2022')).toBe(true)
  })

  it('do not cover Chinese, so the card leaves such a headline out instead of fetching a font', () => {
    expect(fontsCover('平潭档案馆走向数字化')).toBe(false)
    expect(fontsCover('Pingtan 档案')).toBe(false)
  })

  it('are read from the package’s unicode ranges (latin, latin-ext, vietnamese)', () => {
    expect(SHARE_CARD_RANGES).toContainEqual([0x0000, 0x00ff])
    expect(SHARE_CARD_RANGES).toContainEqual([0x1ea0, 0x1ef9])
  })
})

describe('headlineFit', () => {
  it('sets short headlines larger than long ones', () => {
    expect(headlineFit('Short').fontSize).toBeGreaterThan(headlineFit('A'.repeat(80)).fontSize)
  })

  it('cuts a very long headline at a word, with an ellipsis', () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')
    const { text } = headlineFit(long)
    expect(text.length).toBeLessThanOrEqual(151)
    expect(text.endsWith('…')).toBe(true)
    expect(long.startsWith(text.slice(0, -1))).toBe(true)
    expect(text.slice(0, -1)).toMatch(/word\d+$/)
  })
})
