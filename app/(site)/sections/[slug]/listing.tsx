import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Listing } from '@/components/Listing'
import { ListingHeader } from '@/components/ListingHeader'
import { getSiteChrome, listBySection } from '@/lib/content'
import { routes } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo/metadata'

/** A page of a section, shared by /sections/<slug> and /sections/<slug>/page/<n>. */
export async function SectionListing({ slug, page }: { slug: string; page: number }) {
  const [listing, { settings }] = await Promise.all([listBySection(slug, { page }), getSiteChrome()])
  if (!listing) notFound()
  const { owner: section } = listing
  return (
    <>
      <ListingHeader title={section.title} description={section.description} page={page} totalPages={listing.totalPages} />
      <Listing
        {...listing}
        hrefFor={(n) => routes.section(section.slug, n)}
        timeZone={settings.timeZone}
        showSection={false}
        emptyMessage={`Nothing has been published in ${section.title} yet.`}
      />
    </>
  )
}

export async function sectionMetadata(slug: string, page: number): Promise<Metadata> {
  const listing = await listBySection(slug, { page })
  if (!listing) return {}
  const { owner: section } = listing
  return pageMetadata({
    path: routes.section(section.slug, page),
    title: page > 1 ? `${section.title}, page ${page}` : section.title,
    description: section.description,
    feeds: { scope: { kind: 'section', slug: section.slug }, title: section.title },
  })
}
