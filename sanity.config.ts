'use client'

// A client module: the embedded Studio (app/studio) receives this config as a client reference.
import { visionTool } from '@sanity/vision'
import { defineConfig } from 'sanity'
import { presentationTool } from 'sanity/presentation'
import { structureTool } from 'sanity/structure'
import { hasSanityProject, studioDataset, studioProjectId } from './sanity/env'
import { schemaTypes } from './sanity/schemaTypes'
import { documentActions, newDocumentOptions } from './sanity/studio/documents'
import { shareLakeConnections } from './sanity/studio/lake-channel'
import { answerOfflineCallsInPage, LOCAL_LAKE_DATASET, LOCAL_LAKE_PROJECT_ID, localLakeClient, localLakeHost } from './sanity/studio/local-lake'
import { locations } from './sanity/studio/locations'
import { structure } from './sanity/studio/structure'

/**
 * The Studio, embedded in the site at /studio (app/studio). With a Sanity project it edits the
 * project's Content Lake; without one, the embedded dataset through the site's local Content
 * Lake (sanity/studio/local-lake.ts).
 */
const where = hasSanityProject
  ? { projectId: studioProjectId, dataset: studioDataset }
  : {
      projectId: LOCAL_LAKE_PROJECT_ID,
      dataset: LOCAL_LAKE_DATASET,
      apiHost: localLakeHost(),
      unstable_clientFactory: localLakeClient,
      // Cloud features the local Content Lake does not have.
      tasks: { enabled: false },
      releases: { enabled: false },
      scheduledPublishing: { enabled: false },
      scheduledDrafts: { enabled: false },
      announcements: { enabled: false },
    }

if (!hasSanityProject) {
  answerOfflineCallsInPage()
  shareLakeConnections()
}

export default defineConfig({
  name: 'default',
  title: 'The Meridian Ledger',
  ...where,
  basePath: '/studio',
  plugins: [
    structureTool({ structure }),
    presentationTool({
      resolve: { locations },
      previewUrl: { previewMode: { enable: '/api/draft-mode/enable' } },
    }),
    visionTool({ defaultApiVersion: '2025-10-01' }),
  ],
  schema: { types: schemaTypes },
  document: { actions: documentActions, newDocumentOptions, ...(hasSanityProject ? {} : { comments: { enabled: false } }) },
})
