/**
 * @jest-environment jsdom
 */
import { render, screen } from '@testing-library/react'
import { ArticleBody } from '@/components/article/ArticleBody'
import { BodySchema } from '@/lib/content/schemas'

// The body goes through the same zod schema as in the app, so unsafe links are already dropped.
const body = BodySchema.parse([
  { _type: 'block', _key: 'h', style: 'h2', markDefs: [], children: [{ _type: 'span', text: 'A subheading' }] },
  {
    _type: 'block',
    _key: 'p',
    style: 'normal',
    markDefs: [
      { _key: 'l1', _type: 'link', href: 'https://example.org/report' },
      { _key: 'l2', _type: 'link', href: 'javascript:alert(1)' },
    ],
    children: [
      { _type: 'span', text: 'Read ' },
      { _type: 'span', text: 'the report', marks: ['l1'] },
      { _type: 'span', text: ' or ' },
      { _type: 'span', text: 'this trap', marks: ['l2'] },
      { _type: 'span', text: ' in ' },
      { _type: 'span', text: 'full', marks: ['em'] },
      { _type: 'span', text: '.' },
    ],
  },
  { _type: 'block', _key: 'q', style: 'blockquote', markDefs: [], children: [{ _type: 'span', text: 'We are sharing the results.' }] },
  {
    _type: 'image',
    _key: 'i',
    asset: { _id: 'image-abc123-1600x900-jpg', width: 1600, height: 900 },
    alt: 'Cranes at the port',
    caption: 'The new berths at Aktau',
  },
])

describe('ArticleBody', () => {
  beforeEach(() => render(<ArticleBody body={body} />))

  it('renders subheadings as headings', () => {
    expect(screen.getByRole('heading', { level: 2, name: 'A subheading' })).toBeInTheDocument()
  })

  it('renders safe links and keeps the text of unsafe ones without a link', () => {
    expect(screen.getByRole('link', { name: 'the report' })).toHaveAttribute('href', 'https://example.org/report')
    expect(screen.queryByRole('link', { name: 'this trap' })).not.toBeInTheDocument()
    expect(screen.getByText(/this trap/)).toBeInTheDocument()
    expect(screen.getByText('full').tagName).toBe('EM')
  })

  it('renders quotes as block quotes', () => {
    const quote = screen.getByText('We are sharing the results.').closest('blockquote')
    expect(quote).not.toBeNull()
  })

  it('renders images with alt text, a responsive srcset and the caption', () => {
    const image = screen.getByRole('img', { name: 'Cranes at the port' })
    expect(image.getAttribute('src')).toMatch(/^\/images\/local\/embedded\/abc123-1600x900\.jpg\?/)
    expect(image.getAttribute('srcset')).toContain('480w')
    expect(image).toHaveAttribute('loading', 'lazy')
    expect(image.closest('figure')).toHaveTextContent('The new berths at Aktau')
  })
})
