/**
 * The Sanity project the Studio and the CLI talk to. Offline (no project configured)
 * a placeholder id lets the CLI validate the schema; the site itself then reads the
 * embedded dataset (see lib/content/config.ts).
 */
const configuredProjectId = process.env.NEXT_PUBLIC_SANITY_PROJECT_ID || process.env.SANITY_STUDIO_PROJECT_ID
/** Whether a Sanity project is configured; without one the Studio edits the embedded dataset. */
export const hasSanityProject = Boolean(configuredProjectId)
export const studioProjectId = configuredProjectId || 'local'
export const studioDataset = process.env.NEXT_PUBLIC_SANITY_DATASET || process.env.SANITY_STUDIO_DATASET || 'production'
/** The Content Lake API version the site's queries and the Studio's own lists use, unless SANITY_API_VERSION says otherwise. */
export const DEFAULT_API_VERSION = '2025-10-01'
