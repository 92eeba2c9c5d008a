import { defineCliConfig } from 'sanity/cli'
import { studioDataset, studioProjectId } from './sanity/env'

export default defineCliConfig({
  api: { projectId: studioProjectId, dataset: studioDataset },
  // `npm run typegen`: the schema, then TypeScript types for every query in lib/content/queries.ts.
  schemaExtraction: { path: './sanity/extract.json' },
  typegen: {
    path: './lib/content/queries.ts',
    schema: './sanity/extract.json',
    generates: './sanity/types.ts',
    overloadClientMethods: false,
  },
})
