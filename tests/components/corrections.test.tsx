/**
 * @jest-environment jsdom
 */
import { render, screen, within } from '@testing-library/react'
import { ArticleView } from '@/components/article/ArticleView'
import { CorrectionNotice } from '@/components/article/CorrectionNotice'
import { CorrectionList } from '@/components/CorrectionList'

const corrections = [
  { _key: 'c2', date: '2026-11-24T06:10:00Z', text: 'The salt was 40 km inland, not 60 km.' },
  { _key: 'c1', date: '2026-11-24T03:00:00Z', text: 'A name was misspelt.' },
]

describe('CorrectionNotice', () => {
  it('lists each correction with its time in the newsroom’s zone, under a heading that names the region', () => {
    render(<CorrectionNotice corrections={corrections} timeZone="Asia/Shanghai" />)
    const region = screen.getByRole('region', { name: 'Corrections' })
    expect(region.id).toBe('corrections')
    const items = within(region).getAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      '24 November 2026 at 14:10 GMT+8: The salt was 40 km inland, not 60 km.',
      '24 November 2026 at 11:00 GMT+8: A name was misspelt.',
    ])
    expect(items[0].querySelector('time')?.getAttribute('datetime')).toBe('2026-11-24T14:10+08:00')
  })

  it('says "Correction" for one, and renders nothing for none', () => {
    render(<CorrectionNotice corrections={corrections.slice(0, 1)} />)
    expect(screen.getByRole('heading', { level: 2, name: 'Correction' })).toBeVisible()
    const { container } = render(<CorrectionNotice corrections={[]} />)
    expect(container).toBeEmptyDOMElement()
  })
})

describe('CorrectionList', () => {
  it('links each correction to the notice on its article, with its time and text, in the article’s language', () => {
    const article = { _id: 'article-m', headline: 'Low Mekong', slug: 'mekong', language: 'vi' }
    render(<CorrectionList corrections={corrections.map((c) => ({ ...c, article }))} timeZone="UTC" />)
    const links = screen.getAllByRole('link', { name: 'Low Mekong' })
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/articles/mekong#corrections', '/articles/mekong#corrections'])
    const [first] = screen.getAllByRole('listitem')
    expect(first).toHaveAttribute('lang', 'vi')
    expect(within(first).getByText(/40 km inland/).textContent).toBe('24 November 2026 at 06:10 UTC: The salt was 40 km inland, not 60 km.')
  })
})

describe('ArticleView', () => {
  it('shows the notice after the dateline, which says Updated, and before the story', () => {
    const article = {
      _id: 'article-m',
      headline: 'Low Mekong',
      slug: 'mekong',
      publishedAt: '2026-11-24T01:45:00Z',
      updatedAt: '2026-11-24T06:10:00Z',
      keyPoints: [],
      tags: [],
      bylines: [],
      corrections,
      heroImage: undefined,
      body: [{ _type: 'block' as const, _key: 'p1', children: [{ _type: 'span' as const, text: 'The story.' }] }],
      readingTimeMinutes: 1,
    }
    const { container } = render(<ArticleView article={article} timeZone="UTC" />)
    const text = container.textContent ?? ''
    expect(text).toContain('Updated 24 November 2026 at 06:10 UTC')
    expect(text.indexOf('Updated')).toBeLessThan(text.indexOf('Corrections'))
    expect(text.indexOf('A name was misspelt.')).toBeLessThan(text.indexOf('The story.'))
  })
})
