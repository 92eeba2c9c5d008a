import Link from 'next/link'
import type { SectionLink } from '@/lib/content'
import { routes } from '@/lib/routes'
import { SectionLinks } from './SectionLinks'
import { ThemeChoice } from './ThemeChoice'
import styles from './chrome.module.css'

type Props = { title: string; sections: SectionLink[] }

export function SiteFooter({ title, sections }: Props) {
  return (
    <footer className={styles.footer}>
      <nav aria-label="All sections">
        <SectionLinks sections={sections} />
      </nav>
      {/* On every page, so readers (and crawlers) can always find what was put right. */}
      <p>
        <Link href={routes.corrections()}>Corrections</Link>
      </p>
      <p>© {title}</p>
      <ThemeChoice />
    </footer>
  )
}
