import 'server-only'
import { PHASE_PRODUCTION_BUILD } from 'next/constants'
import { recordBuildDataset } from '@/lib/cache/dataset-version.mjs'
import { readConfig } from '@/lib/env'
import { expireAfterResponseIfReplaced, expireCachedPagesAfterReload } from '@/lib/revalidate/local-publish'
import { SEARCH_QUERY } from '../queries'
import { log } from '@/lib/log'
import { createLocalSource, type LocalSource } from './local'
import { LocalStore } from './local-store'
import { VersionRetired } from './local-view'
import type { LocalDataset } from './ndjson'
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
type LocalState = { served?: Served; store?: LocalStore; watched?: WatchedDataset }
const LOCAL_STATE = Symbol.for('news-portal.local-dataset')
const local: LocalState = ((globalThis as { [LOCAL_STATE]?: LocalState })[LOCAL_STATE] ??= {})

/**
 * A version being served; `lastRead` (performance.now()) tells the reload whether renders may
 * still be using it; `retire` stops its search index builds once a newer version is served.
 * `published` counts the versions whose published documents changed: a version that changed
 * only drafts (an editor typing) leaves every cached page as it is.
 */
type Served = { source: ContentSource; local: LocalSource; dataset: LocalDataset; lastRead: number; published: number; retire: () => void }

/**
 * A search's token indexes take about a second to build at 10,000 articles (README, "Local
 * engine"): build them in the background once a version is served, after the requests that
 * follow a reload, rather than in the first reader's search. The build yields to requests.
 */
const WARM_SEARCH_AFTER_MS = 2000

function serve(dataset: LocalDataset, published = 0): Served {
  const source = createLocalSource(dataset)
  setTimeout(() => {
    // Not for a version already replaced by another save: its indexes would never be read.
    if (local.served && local.served !== served) return
    // A failure here shows again, and is logged, when a reader searches.
    source.fetch(SEARCH_QUERY, { terms: ['a*'], start: 0, end: 1 }, { perspective: 'published', tags: [], uncached: true }).catch(() => {})
  }, WARM_SEARCH_AFTER_MS).unref()
  const served: Served = {
    dataset,
    local: source,
    lastRead: 0,
    published,
    retire: source.retire,
    source: {
      async fetch(...args) {
        served.lastRead = performance.now()
        expireAfterResponseIfReplaced(() => local.served !== undefined && local.served.published !== served.published)
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
      // The pages `next build` prerenders show the dataset as it is now (lib/cache/dataset-version.mjs).
      if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) recordBuildDataset()
      configured = () => (local.served ??= serve(openStore(datasetPath).dataset))
    }
  }
  return configured()
}

/** The source chosen by the environment: Sanity when a project is configured, else the embedded dataset. */
export const contentSource = (): ContentSource => configure().source

/** The embedded dataset (for serving its images), or undefined when the site reads Sanity. */
export const localDataset = (): LocalDataset | undefined => configure().dataset

/**
 * The embedded dataset's store (local-store.ts), opened once per process: each version it
 * commits is served from the next request on, and one whose published documents changed
 * expires Next's cached pages (README, "Publish to live (embedded dataset)").
 */
function openStore(datasetPath: string): LocalStore {
  return (local.store ??= new LocalStore(datasetPath, {
    onVersion(dataset, publishedChanged) {
      const previous = local.served
      local.served = serve(dataset, (previous?.published ?? 0) + (publishedChanged ? 1 : 0))
      previous?.retire()
      if (publishedChanged) expireCachedPagesAfterReload(previous?.lastRead ?? 0)
    },
  }))
}

/**
 * For the local Content Lake (lib/lake): the embedded dataset's store, and the source of the
 * version it serves, for an editor's queries. Undefined when the site reads a Sanity project.
 */
export function localEditing(): { store: LocalStore; source: LocalSource } | undefined {
  const { source } = readConfig()
  if (source.mode !== 'local') return undefined
  configure()
  return { store: local.store!, source: local.served!.local }
}

/**
 * On the embedded dataset: reads LOCAL_DATASET and serves it. Called once by the server at start
 * (instrumentation.ts), watched or not, so that a file with no document stops the start
 * (readDatasetAtStart in ndjson.ts) instead of the site serving nothing from its first request.
 */
export function openLocalDataset() {
  if (readConfig().source.mode === 'local') configure()
}

/**
 * On the embedded dataset, unless LOCAL_DATASET_WATCH=false: watches LOCAL_DATASET, and each
 * saved version becomes a transaction of the store (an edit by hand reaches the Studio too).
 * Called once by the server at start (instrumentation.ts), never during `next build`.
 */
export function watchLocalDataset(): WatchedDataset | undefined {
  const { source, watchLocalDataset: watch } = readConfig()
  if (source.mode !== 'local' || !watch) return undefined
  if (!local.watched) {
    const store = openStore(source.datasetPath)
    local.watched = watchDatasetFile(
      source.datasetPath,
      (parsed) => void store.absorb(parsed).catch((error) => log.error(`LOCAL_DATASET: taking in an edit of the file failed (${String(error)}).`)),
      store.fileVersion,
    )
    store.setWatcher(local.watched)
    local.served ??= serve(store.dataset)
  }
  return local.watched
}
