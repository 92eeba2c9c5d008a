import path from 'node:path'
import { z } from 'zod'
import { readToken } from './content/sources/token'
import { DEFAULT_API_VERSION } from '../sanity/env'
import { DEFAULT_LOCAL_DATASET } from './default-dataset.mjs'

/**
 * The site's configuration, read once from the environment and checked with zod.
 * A bad value stops start-up with a message that names the variable; an empty
 * value counts as unset, as it does in most .env files.
 */
const blankIsUnset = (value: unknown) => (value === '' ? undefined : value)
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional())

const EnvSchema = z.object({
  NEXT_PUBLIC_SANITY_PROJECT_ID: optional(z.string().regex(/^[a-z0-9-]+$/, 'use the project id from sanity.io/manage: lowercase letters, digits and dashes')),
  NEXT_PUBLIC_SANITY_DATASET: optional(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'use a dataset name: lowercase letters, digits, _ and -')),
  SANITY_API_VERSION: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date such as 2025-10-01')),
  SANITY_API_HOST: optional(z.url({ protocol: /^https?$/, error: 'use an http(s) URL' })),
  SANITY_LIVE: optional(z.enum(['true', 'false'], { error: 'use true to turn on Sanity Live, or false (or leave it unset) to keep it off' })),
  LOCAL_DATASET: optional(z.string()),
  LOCAL_DATASET_WATCH: optional(z.enum(['true', 'false'], { error: 'use false to stop watching LOCAL_DATASET for saved changes, or true (the default)' })),
  LOCAL_EDITOR_TOKEN: optional(z.string().min(32, 'use at least 32 random characters, e.g. the output of `openssl rand -hex 32`')),
  PREVIEW_SECRET: optional(z.string().min(32, 'use at least 32 random characters, e.g. the output of `openssl rand -hex 32`')),
  SANITY_REVALIDATE_SECRET: optional(
    z.string().min(16, 'use at least 16 random characters (e.g. `openssl rand -hex 32`), the same as the secret of the webhook in sanity.io/manage'),
  ),
  SITE_URL: optional(z.url({ protocol: /^https?$/, error: 'use the public http(s) URL of the site, e.g. https://news.example.com' })),
  // Read by lib/cache (Next's cache handler, plain JavaScript); checked here so a bad value stops start-up.
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: 'use a redis:// or rediss:// URL, e.g. redis://localhost:6379 (README: Several instances)' })),
})

export type SanityConfig = {
  mode: 'sanity'
  projectId: string
  dataset: string
  apiVersion: string
  /**
   * The read token, for drafts: read from SANITY_API_READ_TOKEN by lib/content/sources/token.ts
   * (server only) each time it is asked for, and not an enumerable property, so the config can
   * be logged or compared without it.
   */
  readonly token?: string
  apiHost?: string
  /** Sanity Live (SANITY_LIVE=true): published reads through next-sanity's defineLive, refreshed by live events. */
  live?: boolean
}
export type LocalConfig = { mode: 'local'; datasetPath: string }
export type SiteConfig = {
  source: SanityConfig | LocalConfig
  siteUrl: string
  /** Signs shareable preview links; without it previews are off. Read it through lib/preview/secret.ts (server only). */
  previewSecret?: string
  /** Checks the signature of Sanity's webhook at /api/revalidate; without it webhook revalidation is off. Server only. */
  revalidateSecret?: string
  /** On the embedded dataset: serve saved changes to LOCAL_DATASET without a restart (LOCAL_DATASET_WATCH, default on). */
  watchLocalDataset: boolean
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** The variables the configuration is read from, and the folder relative paths start from. */
const CONFIG_VARIABLES = Object.keys(EnvSchema.shape) as (keyof typeof EnvSchema.shape)[]
let lastRead: { key: string; config: SiteConfig } | undefined

/**
 * The configuration, checked. Pages and image URLs ask for it many times per render (an image
 * card's nine URLs each did), and checking the environment with zod cost about 40 µs a time:
 * the last answer is kept for as long as the variables it was read from stay the same. A bad
 * value is never kept, so it throws every time.
 */
export function readConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  const key = [process.cwd(), ...CONFIG_VARIABLES.map((name) => env[name] ?? '\u0001')].join('\u0000')
  if (lastRead?.key !== key) lastRead = { key, config: parseConfig(env) }
  return lastRead.config
}

function parseConfig(env: Record<string, string | undefined>): SiteConfig {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid environment variable ${problems.join('; ')}`)
  }
  const vars = parsed.data
  const siteUrl = (vars.SITE_URL ?? 'http://localhost:3000').replace(/\/+$/, '')
  const previewSecret = vars.PREVIEW_SECRET
  const revalidateSecret = vars.SANITY_REVALIDATE_SECRET
  const watchLocalDataset = vars.LOCAL_DATASET_WATCH !== 'false'
  const { NEXT_PUBLIC_SANITY_PROJECT_ID: projectId, NEXT_PUBLIC_SANITY_DATASET: dataset } = vars

  if (projectId && !dataset) {
    throw new ConfigError('NEXT_PUBLIC_SANITY_DATASET must be set when NEXT_PUBLIC_SANITY_PROJECT_ID is set.')
  }
  if (dataset && !projectId) {
    throw new ConfigError('NEXT_PUBLIC_SANITY_PROJECT_ID must be set when NEXT_PUBLIC_SANITY_DATASET is set.')
  }
  if (vars.SANITY_LIVE === 'true' && !(projectId && dataset)) {
    throw new ConfigError('SANITY_LIVE=true needs a Sanity project: set NEXT_PUBLIC_SANITY_PROJECT_ID and NEXT_PUBLIC_SANITY_DATASET, or unset SANITY_LIVE.')
  }
  if (projectId && dataset) {
    if (vars.LOCAL_DATASET) {
      throw new ConfigError('LOCAL_DATASET cannot be combined with NEXT_PUBLIC_SANITY_PROJECT_ID: unset one of them.')
    }
    const source: SanityConfig = {
      mode: 'sanity',
      projectId,
      dataset,
      apiVersion: vars.SANITY_API_VERSION ?? DEFAULT_API_VERSION,
      apiHost: vars.SANITY_API_HOST,
      live: vars.SANITY_LIVE === 'true',
    }
    Object.defineProperty(source, 'token', { get: readToken, enumerable: false })
    return { siteUrl, previewSecret, revalidateSecret, watchLocalDataset, source }
  }
  return {
    siteUrl,
    previewSecret,
    revalidateSecret,
    watchLocalDataset,
    // Any path the operator names; next.config.js traces the demo dataset for deployment.
    source: { mode: 'local', datasetPath: path.resolve(/*turbopackIgnore: true*/ process.cwd(), vars.LOCAL_DATASET ?? DEFAULT_LOCAL_DATASET) },
  }
}
