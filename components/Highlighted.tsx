import { highlightSegments } from '@/lib/search-terms'

type Props = { text: string; terms?: readonly string[] }

/**
 * Text with the words a reader searched for in <mark>. Every segment is a React text
 * node, so markup in the text is shown as text, never interpreted.
 */
export function Highlighted({ text, terms }: Props) {
  if (!terms || terms.length === 0) return <>{text}</>
  return <>{highlightSegments(text, terms).map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : segment.text))}</>
}
