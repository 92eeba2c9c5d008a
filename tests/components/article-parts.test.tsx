/**
 * @jest-environment jsdom
 */
import { render, screen, within } from '@testing-library/react'
import { Bylines } from '@/components/article/Bylines'
import { Dateline } from '@/components/article/Dateline'
import { EditorCredit } from '@/components/article/EditorCredit'
import { KeyPoints } from '@/components/article/KeyPoints'
import { SourceCredit } from '@/components/article/SourceCredit'
import type { Byline } from '@/lib/content/schemas'

const person = (name: string, slug: string) => ({ _id: `person-${slug}`, name, slug })
const byline = (key: string, role: Byline['role'], name: string, slug: string): Byline => ({ _key: key, role, person: person(name, slug) })

describe('KeyPoints', () => {
  it('lists every point under a visible "Key points" heading that names the region', () => {
    render(<KeyPoints points={['First point', 'Second point']} />)
    const region = screen.getByRole('region', { name: 'Key points' })
    expect(within(region).getByRole('heading', { level: 2, name: 'Key points' })).toBeVisible()
    expect(
      within(region)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['First point', 'Second point'])
  })

  it('renders nothing when there are no key points', () => {
    const { container } = render(<KeyPoints points={[]} />)
    expect(container).toBeEmptyDOMElement()
  })
})

describe('Bylines', () => {
  it('credits authors first, joined as English lists, each linked to their person page', () => {
    render(
      <Bylines
        bylines={[
          byline('a', 'author', 'Ada Reporter', 'ada-reporter'),
          byline('b', 'photographer', 'Tom Lens', 'tom-lens'),
          byline('c', 'author', 'Bo Writer', 'bo-writer'),
          byline('d', 'author', 'Cy Scribe', 'cy-scribe'),
          byline('e', 'editor', 'He Yuting', 'he-yuting'),
        ]}
      />,
    )
    const paragraphs = screen.getAllByText(/^(By|Photographs by)/)
    expect(paragraphs.map((p) => p.textContent)).toEqual(['By Ada Reporter, Bo Writer and Cy Scribe', 'Photographs by Tom Lens'])
    expect(screen.getByRole('link', { name: 'Bo Writer' })).toHaveAttribute('href', '/people/bo-writer')
    // The editor is credited at the end of the story, not under the headline.
    expect(screen.queryByText('He Yuting')).not.toBeInTheDocument()
  })

  it('names translators and contributors by what they did', () => {
    render(<Bylines bylines={[byline('t', 'translator', 'Li Na', 'li-na'), byline('c', 'contributor', 'Sam Aid', 'sam-aid')]} />)
    expect(screen.getByText(/^Translated by/)).toHaveTextContent('Translated by Li Na')
    expect(screen.getByText(/^Additional reporting by/)).toHaveTextContent('Additional reporting by Sam Aid')
  })
})

describe('EditorCredit', () => {
  it('credits the editor as the source prints it, linked to the person page', () => {
    render(<EditorCredit bylines={[byline('a', 'author', 'Ada Reporter', 'ada'), byline('e', 'editor', 'He Yuting', 'he-yuting')]} />)
    const credit = screen.getByText(/^Editor\//)
    expect(credit).toHaveTextContent('Editor/He Yuting')
    expect(within(credit).getByRole('link', { name: 'He Yuting' })).toHaveAttribute('href', '/people/he-yuting')
  })

  it('renders nothing without an editor', () => {
    const { container } = render(<EditorCredit bylines={[byline('a', 'author', 'Ada Reporter', 'ada')]} />)
    expect(container).toBeEmptyDOMElement()
  })
})

describe('Dateline', () => {
  it('shows the publication time in the newsroom’s zone with the offset in datetime, and the reading time', () => {
    render(<Dateline publishedAt="2022-09-26T00:55:00Z" timeZone="Asia/Shanghai" readingTimeMinutes={11} />)
    const time = screen.getByText(/26 September 2022/)
    expect(time.tagName).toBe('TIME')
    expect(time).toHaveAttribute('datetime', '2022-09-26T08:55+08:00')
    expect(time).toHaveTextContent('08:55')
    expect(screen.getByText('11 min read')).toBeInTheDocument()
    expect(screen.queryByText(/Updated/)).not.toBeInTheDocument()
  })

  it('shows the update time only when there is one', () => {
    render(<Dateline publishedAt="2026-11-01T01:00:00Z" updatedAt="2026-11-01T05:30:00Z" timeZone="Europe/London" readingTimeMinutes={3} />)
    const times = document.querySelectorAll('time')
    expect([...times].map((t) => t.getAttribute('datetime'))).toEqual(['2026-11-01T01:00+00:00', '2026-11-01T05:30+00:00'])
    expect(screen.getByText(/Updated/)).toBeInTheDocument()
  })
})

describe('SourceCredit', () => {
  it('names the source, linked when it has a URL', () => {
    const { rerender } = render(<SourceCredit source={{ name: 'Seetao' }} />)
    expect(screen.getByText(/^Source:/)).toHaveTextContent('Source: Seetao')
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
    rerender(<SourceCredit source={{ name: 'Wire', url: 'https://example.com/a' }} />)
    expect(screen.getByRole('link', { name: 'Wire' })).toHaveAttribute('href', 'https://example.com/a')
  })
})
