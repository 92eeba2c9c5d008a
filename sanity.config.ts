import { defineConfig } from 'sanity'
import { structureTool } from 'sanity/structure'
import { studioDataset, studioProjectId } from './sanity/env'
import { schemaTypes } from './sanity/schemaTypes'

export default defineConfig({
  name: 'default',
  title: 'The Meridian Ledger',
  projectId: studioProjectId,
  dataset: studioDataset,
  basePath: '/studio',
  plugins: [structureTool()],
  schema: { types: schemaTypes },
})
