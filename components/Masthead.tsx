import Link from 'next/link'
import type { SectionLink } from '@/lib/content'
import { routes } from '@/lib/routes'
import { SearchForm } from './SearchForm'
import { SectionLinks } from './SectionLinks'
import styles from './chrome.module.css'

type Props = { title: string; description?: string; sections: SectionLink[] }

/** The publication's name and its sections, at the top of every page. */
export function Masthead({ title, description, sections }: Props) {
  return (
    <header className={styles.masthead}>
      <div className={styles.nameplate}>
        <Link href={routes.home()} className={styles.title}>
          {title}
        </Link>
        {description ? <p className={styles.tagline}>{description}</p> : null}
        <SearchForm label="Site" id="masthead-search" />
      </div>
      <nav aria-label="Sections" className={styles.sectionNav}>
        <SectionLinks sections={sections} withLatest />
      </nav>
    </header>
  )
}
