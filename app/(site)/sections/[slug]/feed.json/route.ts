import { sectionFeedParams, feedResponse } from '@/lib/syndication/responses'

export const revalidate = 300

export function generateStaticParams() {
  return sectionFeedParams()
}

/** A section's JSON Feed; 404 for an unknown section. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return feedResponse('json', { kind: 'section', slug: (await params).slug })
}
