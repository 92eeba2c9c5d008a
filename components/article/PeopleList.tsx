import Link from 'next/link'
import { Fragment } from 'react'
import type { PersonLink } from '@/lib/content'
import { routes } from '@/lib/routes'

/** Names linked to their person pages, joined the way English joins a list: "A, B and C". */
export function PeopleList({ people }: { people: PersonLink[] }) {
  return (
    <>
      {people.map((person, index) => (
        <Fragment key={person._id}>
          {index > 0 ? (index === people.length - 1 ? ' and ' : ', ') : null}
          <Link href={routes.person(person.slug)}>{person.name}</Link>
        </Fragment>
      ))}
    </>
  )
}
