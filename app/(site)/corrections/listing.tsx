import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { CorrectionList } from '@/components/CorrectionList'
import { ListingHeader } from '@/components/ListingHeader'
import { Pagination } from '@/components/Pagination'
import listingStyles from '@/components/listing.module.css'
import { CORRECTIONS_DESCRIPTION, CORRECTIONS_TITLE, getSiteChrome, listCorrections } from '@/lib/content'
import { routes } from '@/lib/routes'
import { pageMetadata } from '@/lib/seo/metadata'

/** A page of every correction, newest first, shared by /corrections and /corrections/page/<n>. */
export async function CorrectionsListing({ page }: { page: number }) {
  const [listing, { settings }] = await Promise.all([listCorrections({ page }), getSiteChrome()])
  if (!listing) notFound()
  return (
    <>
      <ListingHeader title={CORRECTIONS_TITLE} description={CORRECTIONS_DESCRIPTION} page={page} totalPages={listing.totalPages} />
      {listing.items.length === 0 ? (
        <p className={listingStyles.empty}>Nothing has needed correcting yet.</p>
      ) : (
        <>
          <CorrectionList corrections={listing.items} timeZone={settings.timeZone} />
          <Pagination page={page} totalPages={listing.totalPages} hrefFor={routes.corrections} />
        </>
      )}
    </>
  )
}

export function correctionsMetadata(page: number): Promise<Metadata> {
  return pageMetadata({
    path: routes.corrections(page),
    title: page > 1 ? `${CORRECTIONS_TITLE}, page ${page}` : CORRECTIONS_TITLE,
    description: CORRECTIONS_DESCRIPTION,
    feeds: { scope: { kind: 'corrections' }, title: CORRECTIONS_TITLE },
  })
}
