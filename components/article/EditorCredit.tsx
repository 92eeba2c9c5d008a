import type { Byline } from '@/lib/content'
import { peopleIn } from './Bylines'
import { PeopleList } from './PeopleList'
import styles from './article.module.css'

/** The editor's credit at the end of the story, as wire copy prints it: "Editor/He Yuting". */
export function EditorCredit({ bylines }: { bylines: Byline[] }) {
  const editors = peopleIn(bylines, 'editor')
  if (editors.length === 0) return null
  return (
    <p className={styles.editorCredit}>
      Editor/
      <PeopleList people={editors} />
    </p>
  )
}
