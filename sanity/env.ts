/**
 * The Sanity project the Studio and the CLI talk to. Offline (no project configured)
 * a placeholder id lets the CLI validate the schema; the site itself then reads the
 * embedded dataset (see lib/content/config.ts).
 */
export const studioProjectId =
  process.env.NEXT_PUBLIC_SANITY_PROJECT_ID || process.env.SANITY_STUDIO_PROJECT_ID || 'local'
export const studioDataset =
  process.env.NEXT_PUBLIC_SANITY_DATASET || process.env.SANITY_STUDIO_DATASET || 'production'
