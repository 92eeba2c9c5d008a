import { notFound } from 'next/navigation'
import { parsePageParam } from '@/lib/routes'
import { CorrectionsListing, correctionsMetadata } from '../../listing'

export const revalidate = 300

// Later pages are rendered on their first request, then cached and regenerated like page 1.
export async function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ page: string }> }

export async function generateMetadata({ params }: Props) {
  const n = parsePageParam((await params).page)
  return n ? correctionsMetadata(n) : {}
}

export default async function CorrectionsPageN({ params }: Props) {
  const n = parsePageParam((await params).page)
  if (!n) notFound()
  return <CorrectionsListing page={n} />
}
