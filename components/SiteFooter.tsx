import Link from 'next/link'
import type { SectionLink } from '@/lib/content/schemas'
import { routes } from '@/lib/routes'
import styles from './chrome.module.css'

type Props = { title: string; sections: SectionLink[] }

export function SiteFooter({ title, sections }: Props) {
  return (
    <footer className={styles.footer}>
      <nav aria-label="All sections">
        <ul>
          {sections.map((section) => (
            <li key={section._id}>
              <Link href={routes.section(section.slug)}>{section.title}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>© {title}</p>
    </footer>
  )
}
