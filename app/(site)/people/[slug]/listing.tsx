import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Listing } from '@/components/Listing'
import { ListingHeader } from '@/components/ListingHeader'
import { PersonProfile } from '@/components/PersonProfile'
import { getSiteChrome, listByPerson } from '@/lib/content'
import { JsonLd } from '@/components/JsonLd'
import { readConfig } from '@/lib/env'
import { routes } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo/metadata'
import { profilePageJsonLd } from '@/lib/seo/structured-data'

/** A person's profile and a page of the articles that credit them. */
export async function PersonListing({ slug, page }: { slug: string; page: number }) {
  const [listing, { settings }] = await Promise.all([listByPerson(slug, { page }), getSiteChrome()])
  if (!listing) notFound()
  const { owner: person } = listing
  return (
    <>
      {page === 1 ? <JsonLd data={profilePageJsonLd(person, { siteUrl: readConfig().siteUrl })} /> : null}
      <ListingHeader title={person.name} page={page} totalPages={listing.totalPages}>
        {page === 1 ? <PersonProfile person={person} /> : null}
      </ListingHeader>
      <Listing
        {...listing}
        hrefFor={(n) => routes.person(person.slug, n)}
        timeZone={settings.timeZone}
        emptyMessage={`${person.name} has no published articles yet.`}
      />
    </>
  )
}

export async function personMetadata(slug: string, page: number): Promise<Metadata> {
  const listing = await listByPerson(slug, { page })
  if (!listing) return {}
  const { owner: person } = listing
  return pageMetadata({
    path: routes.person(person.slug, page),
    title: page > 1 ? `${person.name}, page ${page}` : person.name,
    description: person.bio ?? [person.name, person.jobTitle].filter(Boolean).join(', '),
    feeds: { scope: { kind: 'person', slug: person.slug }, title: person.name },
  })
}
