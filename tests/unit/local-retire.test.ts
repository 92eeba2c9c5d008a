import { createLocalSource } from '@/lib/content/sources/local'
import { VersionRetired } from '@/lib/content/sources/local-view'
import { parseNdjsonDataset } from '@/lib/content/sources/ndjson'
import { SEARCH_QUERY } from '@/lib/content/queries'
import { generateDataset, toNdjson } from '../../scripts/dataset-generator.mjs'

/**
 * A version of the embedded dataset replaced by a newer one stops building its search
 * indexes (seconds of work at 10,000 articles) at the build's next yield, so the requests on
 * the new version get the server's thread. lib/content/sources/index.ts answers a search
 * caught that way from the version now served.
 */
const dataset = parseNdjsonDataset(toNdjson(generateDataset({ articles: 1200, seed: 3, drafts: false })), '/generated')
const search = (source: ReturnType<typeof createLocalSource>) =>
  source.fetch(SEARCH_QUERY, { terms: ['trade*'], start: 0, end: 5 }, { perspective: 'published', tags: [], uncached: true })

it('stops a search index build when its version is retired, with VersionRetired', async () => {
  const source = createLocalSource(dataset)
  const searching = search(source)
  source.retire()
  await expect(searching).rejects.toBeInstanceOf(VersionRetired)
})

it('builds and answers as before while its version is served', async () => {
  const answer = (await search(createLocalSource(dataset))) as { items: unknown[]; total: number }
  expect(answer.total).toBeGreaterThan(0)
  expect(answer.items).toHaveLength(5)
})
