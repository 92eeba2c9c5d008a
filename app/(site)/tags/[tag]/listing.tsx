import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Listing } from '@/components/Listing'
import { ListingHeader } from '@/components/ListingHeader'
import { getSiteChrome, listByTag } from '@/lib/content'
import { routes } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo/metadata'
import { tagLabel } from '@/lib/tags'

const titleOf = (tag: string) => `Topic: ${tagLabel(tag)}`

/** A page of a tag's articles, shared by /tags/<tag> and /tags/<tag>/page/<n>. */
export async function TagListing({ tag, page }: { tag: string; page: number }) {
  const [listing, { settings }] = await Promise.all([listByTag(tag, { page }), getSiteChrome()])
  if (!listing) notFound()
  return (
    <>
      <ListingHeader
        title={titleOf(tag)}
        description={`${listing.total === 1 ? 'One article' : `${listing.total} articles`}, newest first.`}
        page={page}
        totalPages={listing.totalPages}
      />
      <Listing
        {...listing}
        hrefFor={(n) => routes.tag(tag, n)}
        timeZone={settings.timeZone}
        emptyMessage={`Nothing has been published about ${tagLabel(tag)} yet.`}
      />
    </>
  )
}

export async function tagMetadata(tag: string, page: number): Promise<Metadata> {
  const listing = await listByTag(tag, { page })
  if (!listing) return {}
  return pageMetadata({
    path: routes.tag(tag, page),
    title: page > 1 ? `${titleOf(tag)}, page ${page}` : titleOf(tag),
  })
}
