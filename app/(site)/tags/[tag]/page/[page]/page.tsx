import { notFound } from 'next/navigation'
import { parsePageParam } from '@/lib/routes'
import { TagListing, tagMetadata } from '../../listing'

export const revalidate = 300

// Later pages are rendered on their first request, then cached and regenerated like page 1.
export async function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ tag: string; page: string }> }

export async function generateMetadata({ params }: Props) {
  const { tag, page } = await params
  const n = parsePageParam(page)
  return n ? tagMetadata(tag, n) : {}
}

export default async function TagPageN({ params }: Props) {
  const { tag, page } = await params
  const n = parsePageParam(page)
  if (!n) notFound()
  return <TagListing tag={tag} page={n} />
}
