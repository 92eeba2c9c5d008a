import 'server-only'
import { readConfig } from '@/lib/env'
import { createLocalSource } from './local'
import { readNdjsonDataset, type LocalDataset } from './ndjson'
import { createSanitySource } from './sanity'
import type { ContentSource } from './types'

type Configured = { source: ContentSource; dataset?: LocalDataset }
let configured: Configured | undefined

function configure(): Configured {
  if (!configured) {
    const { source } = readConfig()
    if (source.mode === 'sanity') {
      configured = { source: createSanitySource(source) }
    } else {
      const dataset = readNdjsonDataset(source.datasetPath)
      configured = { source: createLocalSource(dataset), dataset }
    }
  }
  return configured
}

/** The source chosen by the environment: Sanity when a project is configured, else the embedded dataset. */
export const contentSource = (): ContentSource => configure().source

/** The embedded dataset (for serving its images), or undefined when the site reads Sanity. */
export const localDataset = (): LocalDataset | undefined => configure().dataset
