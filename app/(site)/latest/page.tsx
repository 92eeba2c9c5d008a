import { LatestListing, latestMetadata } from './listing'

export const revalidate = 300

export function generateMetadata() {
  return latestMetadata(1)
}

export default function LatestPage() {
  return <LatestListing page={1} />
}
