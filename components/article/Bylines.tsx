import type { Byline, BylineRole } from '@/lib/content'
import { PeopleList } from './PeopleList'
import styles from './article.module.css'

/** How each role is credited under the headline; editors are credited at the end (EditorCredit). */
const CREDIT_LINES: { role: Exclude<BylineRole, 'editor'>; prefix: string }[] = [
  { role: 'author', prefix: 'By' },
  { role: 'photographer', prefix: 'Photographs by' },
  { role: 'translator', prefix: 'Translated by' },
  { role: 'contributor', prefix: 'Additional reporting by' },
]

export const peopleIn = (bylines: Byline[], role: BylineRole) => bylines.filter((byline) => byline.role === role).map((byline) => byline.person)

export function Bylines({ bylines }: { bylines: Byline[] }) {
  const lines = CREDIT_LINES.map(({ role, prefix }) => ({ role, prefix, people: peopleIn(bylines, role) })).filter((line) => line.people.length > 0)
  if (lines.length === 0) return null
  return (
    <div className={styles.bylines}>
      {lines.map(({ role, prefix, people }) => (
        <p key={role} className={role === 'author' ? styles.authors : undefined}>
          {prefix} <PeopleList people={people} />
        </p>
      ))}
    </div>
  )
}
