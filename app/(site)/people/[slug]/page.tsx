import { listPersonSlugs } from '@/lib/content'
import { PersonListing, personMetadata } from './listing'

export const revalidate = 300

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await listPersonSlugs()).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props) {
  return personMetadata((await params).slug, 1)
}

export default async function PersonPage({ params }: Props) {
  return <PersonListing slug={(await params).slug} page={1} />
}
