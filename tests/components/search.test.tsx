/**
 * @jest-environment jsdom
 */
import { render, screen, within } from '@testing-library/react'
import { ArticleCard } from '@/components/ArticleCard'
import { Highlighted } from '@/components/Highlighted'
import { SearchForm } from '@/components/SearchForm'
import { SearchResults } from '@/components/SearchResults'
import { Topics } from '@/components/article/Topics'
import type { SearchResults as Results } from '@/lib/content'
import type { ArticleCard as Card } from '@/lib/content/schemas'
import { parseSearchQuery } from '@/lib/search-terms'

const card = (n: number, fields: Partial<Card> = {}): Card => ({
  _id: `article-${n}`,
  headline: `Headline ${n}`,
  slug: `story-${n}`,
  standfirst: `Standfirst ${n}`,
  publishedAt: '2026-10-01T08:00:00Z',
  authors: [],
  heroImage: undefined,
  ...fields,
})

const results = (q: string, fields: Partial<Results> = {}): Results => ({
  query: parseSearchQuery(q),
  items: [],
  page: 1,
  totalPages: 1,
  total: 0,
  ...fields,
})

const sections = [{ _id: 'section-world', title: 'World', slug: 'world' }]
const marks = (element: HTMLElement) => Array.from(element.querySelectorAll('mark')).map((mark) => mark.textContent)

describe('Highlighted', () => {
  it('marks the whole words that begin with a search term, in any case', () => {
    const { container } = render(
      <p>
        <Highlighted text="Kyrgyzstan and KYRGYZ herders, not Akyrgyz" terms={['kyrgyz']} />
      </p>,
    )
    expect(marks(container)).toEqual(['Kyrgyzstan', 'KYRGYZ'])
    expect(container.textContent).toBe('Kyrgyzstan and KYRGYZ herders, not Akyrgyz')
  })

  it('shows markup in the text as text, never as HTML', () => {
    const text = '<img src=x onerror=alert(1)> <b>bold</b> & "rail"'
    const { container } = render(
      <p>
        <Highlighted text={text} terms={['rail', 'img', 'b']} />
      </p>,
    )
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('b')).toBeNull()
    expect(container.textContent).toBe(text)
    expect(marks(container)).toEqual(['img', 'b', 'bold', 'b', 'rail'])
    expect(container.innerHTML).toContain('&lt;<mark>img</mark> src=x')
  })

  it('leaves text alone without terms', () => {
    const { container } = render(<Highlighted text="Plain" />)
    expect(container.innerHTML).toBe('Plain')
  })
})

describe('ArticleCard with search terms', () => {
  it('marks matches in the headline and the standfirst, and keeps the link', () => {
    render(
      <ArticleCard
        article={card(1, { headline: 'Markets rally in Zürich', standfirst: 'Traders say the market <script>x</script> moved' })}
        highlight={parseSearchQuery('market zurich ZÜRICH').terms}
      />,
    )
    const link = screen.getByRole('link', { name: 'Markets rally in Zürich' })
    expect(link).toHaveAttribute('href', '/articles/story-1')
    expect(marks(link)).toEqual(['Markets', 'Zürich'])
    const standfirst = screen.getByText((_, element) => element?.tagName === 'P' && element.textContent!.startsWith('Traders'))
    expect(marks(standfirst)).toEqual(['market'])
    expect(standfirst.querySelector('script')).toBeNull()
  })

  it('marks nothing without search terms', () => {
    const { container } = render(<ArticleCard article={card(1, { headline: 'Markets rally' })} />)
    expect(container.querySelector('mark')).toBeNull()
  })
})

describe('SearchForm', () => {
  it('is a labelled GET search form to /search with an input named q', () => {
    render(<SearchForm label="Site" id="site-q" defaultValue="rail" />)
    const form = screen.getByRole('search', { name: 'Site' })
    expect(form).toHaveAttribute('action', '/search')
    expect(form).toHaveAttribute('method', 'get')
    const input = within(form).getByRole('searchbox', { name: 'Search articles' })
    expect(input).toHaveAttribute('name', 'q')
    expect(input).toHaveValue('rail')
    expect(within(form).getByRole('button', { name: 'Search' })).toHaveAttribute('type', 'submit')
  })
})

describe('SearchResults', () => {
  it('prompts for a query when there is none, and offers the sections', () => {
    render(<SearchResults results={results('')} sections={sections} />)
    expect(screen.getByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument()
    expect(screen.getByText(/Type a word or two/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'World' })).toHaveAttribute('href', '/sections/world')
    expect(screen.getByRole('link', { name: 'Latest' })).toHaveAttribute('href', '/latest')
    expect(screen.getByRole('searchbox')).toHaveValue('')
  })

  it('says when nothing matches, with the query prefilled', () => {
    render(<SearchResults results={results('zebra crossing')} sections={sections} />)
    expect(screen.getByText('No articles match “zebra crossing”.')).toBeInTheDocument()
    expect(screen.getByRole('searchbox')).toHaveValue('zebra crossing')
    expect(screen.getByRole('link', { name: 'World' })).toBeInTheDocument()
  })

  it('says when a query has no words to look for', () => {
    render(<SearchResults results={results('*||*')} sections={sections} />)
    expect(screen.getByText(/nothing to search for in “\*\|\|\*”/)).toBeInTheDocument()
  })

  it('says when a query was cut', () => {
    render(<SearchResults results={results('a'.repeat(6000))} sections={sections} />)
    expect(screen.getByText(/longer than 200 characters/)).toBeInTheDocument()
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toHaveLength(200)
  })

  it('shows the count and the results with the words marked, and pages with the query', () => {
    const items = [card(1, { headline: 'Rail links reopen' }), card(2, { standfirst: 'A new railway' })]
    render(<SearchResults results={results('rail', { items, total: 45, totalPages: 3, page: 2 })} sections={sections} />)
    expect(screen.getByText(/45 articles match “rail”, best matches first \(page 2 of 3\)\./)).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Search, page 2 of 3')
    expect(Array.from(document.querySelectorAll('main mark, mark')).map((m) => m.textContent)).toEqual(['Rail', 'railway'])
    const pagination = screen.getByRole('navigation', { name: 'Pagination' })
    expect(within(pagination).getByRole('link', { name: /Previous results/ })).toHaveAttribute('href', '/search?q=rail')
    expect(within(pagination).getByRole('link', { name: /More results/ })).toHaveAttribute('href', '/search?q=rail&page=3')
  })

  it('says there are no more results past the last page, and links to the first', () => {
    render(<SearchResults results={results('rail', { items: [], total: 3, totalPages: 1, page: 4 })} sections={sections} />)
    expect(screen.getByText(/There are no more results for “rail”: 3 articles match, on 1 page\./)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'See the first page of results' })).toHaveAttribute('href', '/search?q=rail')
  })
})

describe('Topics', () => {
  it('lists each tag as a link to its topic page under a heading', () => {
    render(<Topics tags={['central-asia', 'rail & roads']} />)
    expect(screen.getByRole('heading', { level: 2, name: 'Topics' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'central asia' })).toHaveAttribute('href', '/tags/central-asia')
    expect(screen.getByRole('link', { name: 'rail & roads' })).toHaveAttribute('href', '/tags/rail%20%26%20roads')
  })

  it('renders nothing without tags', () => {
    const { container } = render(<Topics tags={[]} />)
    expect(container).toBeEmptyDOMElement()
  })
})
