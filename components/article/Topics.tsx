import Link from 'next/link'
import { routes } from '@/lib/routes'
import { tagLabel } from '@/lib/tags'
import styles from './article.module.css'

/** The article's tags, each linking to its topic page; nothing when it has none. */
export function Topics({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null
  return (
    <div className={styles.topics}>
      <h2>Topics</h2>
      <ul>
        {tags.map((tag) => (
          <li key={tag}>
            <Link href={routes.tag(tag)}>{tagLabel(tag)}</Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
