import type { Person } from '@/lib/content'
import { Picture } from './Picture'
import styles from './listing.module.css'

/** Who a person is: portrait, job title, bio and links elsewhere. */
export function PersonProfile({ person }: { person: Person }) {
  return (
    <div className={styles.profile}>
      {person.portrait ? <Picture image={person.portrait} sizes="8rem" aspectRatio={1} className={styles.portrait} priority /> : null}
      <div>
        {person.jobTitle ? <p className={styles.jobTitle}>{person.jobTitle}</p> : null}
        {person.bio ? <p className={styles.bio}>{person.bio}</p> : null}
        {person.links.length > 0 ? (
          <ul className={styles.links}>
            {person.links.map((link) => (
              <li key={link._key}>
                <a href={link.url} rel="me external">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  )
}
