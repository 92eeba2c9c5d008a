import { routes } from '@/lib/routes'
import { MAX_QUERY_LENGTH } from '@/lib/search-terms'
import styles from './search.module.css'

type Props = {
  /** Names the search landmark; two forms on one page need different names. */
  label: string
  /** The input's id, unique on the page. */
  id: string
  /** What the input holds when the page loads (the current query on /search). */
  defaultValue?: string
  variant?: 'masthead' | 'page'
}

/**
 * A plain GET form to /search: it works without JavaScript. The input is labelled (visibly
 * on the search page, for assistive technology in the masthead where the button says it).
 */
export function SearchForm({ label, id, defaultValue, variant = 'masthead' }: Props) {
  return (
    <form role="search" aria-label={label} action={routes.search()} method="get" className={styles[variant]}>
      <label htmlFor={id} className={variant === 'page' ? styles.label : 'visually-hidden'}>
        Search articles
      </label>
      <div className={styles.row}>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          autoComplete="off"
          enterKeyHint="search"
          placeholder={variant === 'masthead' ? 'Search articles' : undefined}
          maxLength={MAX_QUERY_LENGTH}
          className={styles.input}
        />
        <button type="submit" className={styles.button}>
          Search
        </button>
      </div>
    </form>
  )
}
