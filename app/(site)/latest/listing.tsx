import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Listing } from '@/components/Listing'
import { ListingHeader } from '@/components/ListingHeader'
import { getSiteChrome, listLatest } from '@/lib/content'
import { routes } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo/metadata'

const TITLE = 'Latest news'

/** Every published article, newest first. */
export async function LatestListing({ page }: { page: number }) {
  const [listing, { settings }] = await Promise.all([listLatest({ page }), getSiteChrome()])
  if (!listing) notFound()
  return (
    <>
      <ListingHeader title={TITLE} page={page} totalPages={listing.totalPages} />
      <Listing {...listing} hrefFor={routes.latest} timeZone={settings.timeZone} emptyMessage="Nothing has been published yet." />
    </>
  )
}

export function latestMetadata(page: number): Promise<Metadata> {
  return pageMetadata({ path: routes.latest(page), title: page > 1 ? `${TITLE}, page ${page}` : TITLE })
}
