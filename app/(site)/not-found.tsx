import { NotFoundMessage } from '@/components/NotFoundMessage'

export const metadata = { title: 'Page not found', robots: { index: false } }

/** A page of the reader site that has nothing to show (an unknown slug, a page past the end). */
export default function NotFound() {
  return <NotFoundMessage />
}
