/**
 * Prints a preview link.
 *   npm run preview-link -- <slug> [--expires 2h]    a shareable link to one draft (default 24h, at most 7d)
 *   npm run preview-link -- --draft-mode [--expires 8h]   turns on draft mode for the whole site (editors)
 * Reads PREVIEW_SECRET and SITE_URL from the environment and .env files, as Next does.
 */
import { loadEnvConfig } from '@next/env'
import { parseArgs } from 'node:util'
import { readConfig } from '../lib/env'
import { routes } from '../lib/routes'
import { DEFAULT_TTL_SECONDS, createToken, parseDuration } from '../lib/preview/token'

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

function main() {
  loadEnvConfig(process.cwd())
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { expires: { type: 'string' }, 'draft-mode': { type: 'boolean', default: false } },
  })
  const slug = positionals[0]
  const draftMode = values['draft-mode']
  if (!draftMode && !slug) fail('Usage: npm run preview-link -- <slug> [--expires 2h]  |  npm run preview-link -- --draft-mode')

  let config
  try {
    config = readConfig()
  } catch (error) {
    fail((error as Error).message)
  }
  if (!config.previewSecret) fail('PREVIEW_SECRET is not set: previews are off. Set it (32+ random characters) in .env.local.')

  try {
    const ttlSeconds = values.expires ? parseDuration(values.expires) : DEFAULT_TTL_SECONDS
    const grant = draftMode ? ({ kind: 'draft-mode' } as const) : ({ kind: 'article', slug } as const)
    const { token, expiresAt } = createToken(grant, config.previewSecret, { ttlSeconds })
    const path = draftMode ? `/api/draft-mode/enable?token=${token}` : routes.preview(token)
    console.log(`${config.siteUrl}${path}`)
    console.error(`Valid until ${expiresAt.toISOString()}.`)
  } catch (error) {
    fail((error as Error).message)
  }
}

main()
