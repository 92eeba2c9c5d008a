import { notFound } from 'next/navigation'
import { parsePageParam } from '@/lib/routes'
import { SectionListing, sectionMetadata } from '../../listing'

export const revalidate = 300

// Later pages are rendered on their first request, then cached and regenerated like page 1.
export async function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string; page: string }> }

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params
  const n = parsePageParam(page)
  return n ? sectionMetadata(slug, n) : {}
}

export default async function SectionPageN({ params }: Props) {
  const { slug, page } = await params
  const n = parsePageParam(page)
  if (!n) notFound()
  return <SectionListing slug={slug} page={n} />
}
