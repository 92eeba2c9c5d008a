import { listSectionSlugs } from '@/lib/content'
import { SectionListing, sectionMetadata } from './listing'

export const revalidate = 300

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await listSectionSlugs()).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props) {
  return sectionMetadata((await params).slug, 1)
}

export default async function SectionPage({ params }: Props) {
  return <SectionListing slug={(await params).slug} page={1} />
}
