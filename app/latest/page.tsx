import { LatestListing, latestMetadata } from './listing'

export const revalidate = 300

export const metadata = latestMetadata(1)

export default function LatestPage() {
  return <LatestListing page={1} />
}
