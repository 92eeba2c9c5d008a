import Link from 'next/link'
import type { SearchResults as Results } from '@/lib/content'
import type { SectionLink } from '@/lib/content'
import { routes } from '@/lib/routes'
import { MAX_QUERY_LENGTH, MAX_TERMS } from '@/lib/search-terms'
import { Listing } from './Listing'
import { ListingHeader } from './ListingHeader'
import { SearchForm } from './SearchForm'
import { SectionLinks } from './SectionLinks'
import styles from './search.module.css'

type Props = { results: Results; sections: SectionLink[]; timeZone?: string }

const RESULT_PAGES = { previous: 'Previous results', next: 'More results' }

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/** Where to go instead: the latest news and every section. */
function Browse({ sections }: { sections: SectionLink[] }) {
  return (
    <>
      <p>Or browse the latest news and the sections:</p>
      <SectionLinks sections={sections} withLatest />
    </>
  )
}

/**
 * The search page: the form (prefilled), how many articles matched, and a page of them
 * with the searched words marked, or a sentence saying what to do instead.
 */
export function SearchResults({ results, sections, timeZone }: Props) {
  const { query, items, page, totalPages, total } = results
  const quoted = `“${query.text}”`
  const searched = query.terms.length > 0
  const pastEnd = searched && total > 0 && page > totalPages

  return (
    <>
      <ListingHeader title="Search" page={searched && !pastEnd ? page : 1} totalPages={totalPages}>
        <SearchForm label="New" id="search-page-q" defaultValue={query.text} variant="page" />
        {query.truncated ? (
          <p className={styles.notice}>{`Your search was longer than ${MAX_QUERY_LENGTH} characters, so only its first ${MAX_QUERY_LENGTH} were used.`}</p>
        ) : null}
        {query.tooManyWords ? <p className={styles.notice}>{`Only the first ${MAX_TERMS} words of your search were used.`}</p> : null}
        {searched && total > 0 ? (
          <p className={styles.summary}>
            {plural(total, 'article matches', 'articles match')} {quoted}
            {totalPages > 1 && !pastEnd ? `, best matches first (page ${page} of ${totalPages})` : ', best matches first'}.
          </p>
        ) : null}
      </ListingHeader>

      {!query.text ? (
        <div className={styles.empty}>
          <p>Type a word or two to search the headlines, summaries and full text of every article.</p>
          <Browse sections={sections} />
        </div>
      ) : !searched ? (
        <div className={styles.empty}>
          <p>There is nothing to search for in {quoted}: searches look for words, so type at least one letter or number.</p>
          <Browse sections={sections} />
        </div>
      ) : total === 0 ? (
        <div className={styles.empty}>
          <p>No articles match {quoted}.</p>
          <p>Check the spelling, or try fewer or more general words: every word you type must appear in an article.</p>
          <Browse sections={sections} />
        </div>
      ) : pastEnd ? (
        <div className={styles.empty}>
          <p>
            There are no more results for {quoted}: {plural(total, 'article matches', 'articles match')}, on {plural(totalPages, 'page', 'pages')}.
          </p>
          <p>
            <Link href={routes.search(query.text)}>See the first page of results</Link>
          </p>
        </div>
      ) : (
        <Listing
          items={items}
          page={page}
          totalPages={totalPages}
          hrefFor={(n) => routes.search(query.text, n)}
          timeZone={timeZone}
          highlight={query.terms}
          pageLabels={RESULT_PAGES}
          emptyMessage={`No articles match ${quoted}.`}
        />
      )}
    </>
  )
}
