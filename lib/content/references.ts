import 'server-only'
import { z } from 'zod'
import { readConfig } from '@/lib/env'
import { REFERENCING_ARTICLES_QUERY } from './queries'
import { createSanityClient } from './sources/sanity'

const SlugsSchema = z.array(z.string().nullable())

/**
 * The slugs of published articles that reference a document, as the Content Lake has
 * them now: not the CDN and not Next's data cache, since a webhook asks right after a
 * change. On the embedded dataset nothing changes while the site runs: none.
 */
export async function findReferencingArticleSlugs(id: string): Promise<string[]> {
  const { source } = readConfig()
  if (source.mode !== 'sanity') return []
  const slugs = await createSanityClient(source).fetch(REFERENCING_ARTICLES_QUERY, { id }, { useCdn: false, cache: 'no-store' })
  return SlugsSchema.parse(slugs).filter((slug): slug is string => !!slug)
}
