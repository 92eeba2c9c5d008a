import { CorrectionsListing, correctionsMetadata } from './listing'

export const revalidate = 300

export function generateMetadata() {
  return correctionsMetadata(1)
}

export default function CorrectionsPage() {
  return <CorrectionsListing page={1} />
}
