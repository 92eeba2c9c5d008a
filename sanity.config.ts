'use client'

// A client module: the embedded Studio (app/studio) receives this config as a client reference.
import { visionTool } from '@sanity/vision'
import { defineConfig } from 'sanity'
import { presentationTool } from 'sanity/presentation'
import { structureTool } from 'sanity/structure'
import { studioDataset, studioProjectId } from './sanity/env'
import { schemaTypes } from './sanity/schemaTypes'
import { documentActions, newDocumentOptions } from './sanity/studio/documents'
import { locations } from './sanity/studio/locations'
import { structure } from './sanity/studio/structure'

/** The Studio, embedded in the site at /studio (app/studio). */
export default defineConfig({
  name: 'default',
  title: 'The Meridian Ledger',
  projectId: studioProjectId,
  dataset: studioDataset,
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
  document: { actions: documentActions, newDocumentOptions },
})
