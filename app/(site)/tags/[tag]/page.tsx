import { listTags } from '@/lib/content'
import { TagListing, tagMetadata } from './listing'

export const revalidate = 300

type Props = { params: Promise<{ tag: string }> }

export async function generateStaticParams() {
  return (await listTags()).map((tag) => ({ tag }))
}

export async function generateMetadata({ params }: Props) {
  return tagMetadata((await params).tag, 1)
}

export default async function TagPage({ params }: Props) {
  return <TagListing tag={(await params).tag} page={1} />
}
