import { personFeedParams, feedResponse } from '@/lib/syndication/responses'

export const revalidate = 300

export function generateStaticParams() {
  return personFeedParams()
}

/** A person's RSS feed; 404 for an unknown person. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return feedResponse('rss', { kind: 'person', slug: (await params).slug })
}
