import Link from 'next/link'
import type { SectionLink } from '@/lib/content'
import { routes } from '@/lib/routes'

/** The list of section links shared by the masthead and the footer; the masthead leads with "Latest". */
export function SectionLinks({ sections, withLatest = false }: { sections: SectionLink[]; withLatest?: boolean }) {
  return (
    <ul>
      {withLatest ? (
        <li>
          <Link href={routes.latest()}>Latest</Link>
        </li>
      ) : null}
      {sections.map((section) => (
        <li key={section._id}>
          <Link href={routes.section(section.slug)}>{section.title}</Link>
        </li>
      ))}
    </ul>
  )
}
