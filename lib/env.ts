import path from 'node:path'
import { z } from 'zod'

/**
 * The site's configuration, read once from the environment and checked with zod.
 * A bad value stops start-up with a message that names the variable; an empty
 * value counts as unset, as it does in most .env files.
 */
const blankIsUnset = (value: unknown) => (value === '' ? undefined : value)
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional())

const EnvSchema = z.object({
  NEXT_PUBLIC_SANITY_PROJECT_ID: optional(
    z.string().regex(/^[a-z0-9-]+$/, 'use the project id from sanity.io/manage: lowercase letters, digits and dashes'),
  ),
  NEXT_PUBLIC_SANITY_DATASET: optional(
    z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'use a dataset name: lowercase letters, digits, _ and -'),
  ),
  SANITY_API_VERSION: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date such as 2025-10-01')),
  SANITY_API_READ_TOKEN: optional(z.string()),
  SANITY_API_HOST: optional(z.url({ protocol: /^https?$/, error: 'use an http(s) URL' })),
  LOCAL_DATASET: optional(z.string()),
  PREVIEW_SECRET: optional(z.string().min(32, 'use at least 32 random characters, e.g. the output of `openssl rand -hex 32`')),
  SANITY_REVALIDATE_SECRET: optional(
    z.string().min(16, 'use at least 16 random characters (e.g. `openssl rand -hex 32`), the same as the secret of the webhook in sanity.io/manage'),
  ),
  SITE_URL: optional(z.url({ protocol: /^https?$/, error: 'use the public http(s) URL of the site, e.g. https://news.example.com' })),
})

export const DEFAULT_API_VERSION = '2025-10-01'
export const DEFAULT_LOCAL_DATASET = path.join('sanity', 'demo', 'dataset.ndjson')

export type SanityConfig = {
  mode: 'sanity'
  projectId: string
  dataset: string
  apiVersion: string
  token?: string
  apiHost?: string
}
export type LocalConfig = { mode: 'local'; datasetPath: string }
export type SiteConfig = {
  source: SanityConfig | LocalConfig
  siteUrl: string
  /** Signs shareable preview links; without it previews are off. Read it through lib/preview/secret.ts (server only). */
  previewSecret?: string
  /** Checks the signature of Sanity's webhook at /api/revalidate; without it webhook revalidation is off. Server only. */
  revalidateSecret?: string
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function readConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid environment variable ${problems.join('; ')}`)
  }
  const vars = parsed.data
  const siteUrl = (vars.SITE_URL ?? 'http://localhost:3000').replace(/\/+$/, '')
  const previewSecret = vars.PREVIEW_SECRET
  const revalidateSecret = vars.SANITY_REVALIDATE_SECRET
  const { NEXT_PUBLIC_SANITY_PROJECT_ID: projectId, NEXT_PUBLIC_SANITY_DATASET: dataset } = vars

  if (projectId && !dataset) {
    throw new ConfigError('NEXT_PUBLIC_SANITY_DATASET must be set when NEXT_PUBLIC_SANITY_PROJECT_ID is set.')
  }
  if (dataset && !projectId) {
    throw new ConfigError('NEXT_PUBLIC_SANITY_PROJECT_ID must be set when NEXT_PUBLIC_SANITY_DATASET is set.')
  }
  if (projectId && dataset) {
    if (vars.LOCAL_DATASET) {
      throw new ConfigError('LOCAL_DATASET cannot be combined with NEXT_PUBLIC_SANITY_PROJECT_ID: unset one of them.')
    }
    return {
      siteUrl,
      previewSecret,
    revalidateSecret,
      source: {
        mode: 'sanity',
        projectId,
        dataset,
        apiVersion: vars.SANITY_API_VERSION ?? DEFAULT_API_VERSION,
        token: vars.SANITY_API_READ_TOKEN,
        apiHost: vars.SANITY_API_HOST,
      },
    }
  }
  return {
    siteUrl,
    previewSecret,
    revalidateSecret,
    // Any path the operator names; next.config.js traces the demo dataset for deployment.
    source: { mode: 'local', datasetPath: path.resolve(/*turbopackIgnore: true*/ process.cwd(), vars.LOCAL_DATASET ?? DEFAULT_LOCAL_DATASET) },
  }
}
