import type { SectionLink } from '@/lib/content'
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
      <p>© {title}</p>
      <ThemeChoice />
    </footer>
  )
}
