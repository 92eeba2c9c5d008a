import 'server-only'
import { readConfig } from '@/lib/env'
import { expireAfterResponseIfReplaced, expireCachedPagesAfterReload } from '@/lib/revalidate/local-publish'
import { SEARCH_QUERY } from '../queries'
import { createLocalSource } from './local'
import { VersionRetired } from './local-view'
import { readNdjsonDataset, type LocalDataset } from './ndjson'
import { createSanitySource } from './sanity'
import { createSanityLiveSource } from './sanity-live'
import type { ContentSource } from './types'
import { watchDatasetFile, type WatchedDataset } from './watch'

type Configured = { source: ContentSource; dataset?: LocalDataset }
let configured: (() => Configured) | undefined

/**
 * The embedded dataset being served, one per process rather than per module instance: Next
 * bundles this module separately for instrumentation.ts (which starts the watcher) and for the
 * routes, and every copy must serve the version the watcher loaded last (and hold a large
 * dataset in memory once). Each version gets a new source, so nothing memoised from the
 * previous one survives a reload.
 */
type LocalState = { served?: Served; watched?: WatchedDataset }
const LOCAL_STATE = Symbol.for('news-portal.local-dataset')
const local: LocalState = ((globalThis as { [LOCAL_STATE]?: LocalState })[LOCAL_STATE] ??= {})

/**
 * A version being served; `lastRead` (performance.now()) tells the reload whether renders may
 * still be using it; `retire` stops its search index builds once a newer version is served.
 */
type Served = { source: ContentSource; dataset: LocalDataset; lastRead: number; retire: () => void }

/**
 * A search's token indexes take about a second to build at 10,000 articles (README, "Local
 * engine"): build them in the background once a version is served, after the requests that
 * follow a reload, rather than in the first reader's search. The build yields to requests.
 */
const WARM_SEARCH_AFTER_MS = 2000

function serve(dataset: LocalDataset): Served {
  const source = createLocalSource(dataset)
  setTimeout(() => {
    // Not for a version already replaced by another save: its indexes would never be read.
    if (local.served && local.served !== served) return
    // A failure here shows again, and is logged, when a reader searches.
    source.fetch(SEARCH_QUERY, { terms: ['a*'], start: 0, end: 1 }, { perspective: 'published', tags: [], uncached: true }).catch(() => {})
  }, WARM_SEARCH_AFTER_MS).unref()
  const served: Served = {
    dataset,
    lastRead: 0,
    retire: source.retire,
    source: {
      async fetch(...args) {
        served.lastRead = performance.now()
        expireAfterResponseIfReplaced(() => local.served !== served)
        try {
          return await source.fetch(...args)
        } catch (error) {
          // A search that started just before a reload: answer it from the version now served.
          if (error instanceof VersionRetired && local.served && local.served !== served) return local.served.source.fetch(...args)
          throw error
        }
      },
    },
  }
  return served
}

function configure(): Configured {
  if (!configured) {
    const { source } = readConfig()
    if (source.mode === 'sanity') {
      const sanity = { source: source.live ? createSanityLiveSource(source) : createSanitySource(source) }
      configured = () => sanity
    } else {
      const { datasetPath } = source
      configured = () => (local.served ??= serve(readNdjsonDataset(datasetPath)))
    }
  }
  return configured()
}

/** The source chosen by the environment: Sanity when a project is configured, else the embedded dataset. */
export const contentSource = (): ContentSource => configure().source

/** The embedded dataset (for serving its images), or undefined when the site reads Sanity. */
export const localDataset = (): LocalDataset | undefined => configure().dataset

/**
 * On the embedded dataset, unless LOCAL_DATASET_WATCH=false: reads LOCAL_DATASET and serves
 * each saved version from the next request on, expiring Next's cached pages (README,
 * "Publish to live (embedded dataset)"). Called once by the server at start
 * (instrumentation.ts), never during `next build`.
 */
export function watchLocalDataset(): WatchedDataset | undefined {
  const { source, watchLocalDataset: watch } = readConfig()
  if (source.mode !== 'local' || !watch) return undefined
  if (!local.watched) {
    local.watched = watchDatasetFile(source.datasetPath, (dataset) => {
      const previous = local.served
      local.served = serve(dataset)
      previous?.retire()
      expireCachedPagesAfterReload(previous?.lastRead ?? 0)
    })
    local.served = serve(local.watched.initial)
  }
  return local.watched
}
