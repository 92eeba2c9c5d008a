import Link from 'next/link'
import type { SectionLink } from '@/lib/content'
import { routes } from '@/lib/routes'
import styles from './article.module.css'

/** The section an article belongs to, above its headline, linked to the section page. */
export function SectionLabel({ section }: { section?: SectionLink }) {
  if (!section) return null
  return (
    <p className="kicker">
      <Link href={routes.section(section.slug)} className={styles.sectionLabel}>
        {section.title}
      </Link>
    </p>
  )
}
