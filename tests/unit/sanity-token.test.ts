import fs from 'node:fs'
import path from 'node:path'
import { readConfig } from '@/lib/env'

/**
 * The Sanity read token is read in one server-only module, lib/content/sources/token.ts, and
 * the configuration hands it out without carrying it as data.
 */

const ROOT = process.cwd()
const TOKEN = 'sk-token-test-0123456789'
const saved = process.env

afterEach(() => {
  process.env = saved
})

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry)
  if (!fs.existsSync(full)) return []
  if (fs.statSync(full).isFile()) return /\.(m?[jt]sx?|cjs)$/.test(entry) ? [entry] : []
  return fs.readdirSync(full).flatMap((name) => sourceFiles(path.join(entry, name)))
}

it('is read from the environment only by lib/content/sources/token.ts, which is server-only', () => {
  // process.env.SANITY_API_READ_TOKEN, env.SANITY_API_READ_TOKEN, env['SANITY_API_READ_TOKEN'] or a schema key.
  const reads = /\.\s*SANITY_API_READ_TOKEN\b|\[\s*['"]SANITY_API_READ_TOKEN['"]\s*\]|\bSANITY_API_READ_TOKEN\s*:/
  const readers = ['app', 'lib', 'components', 'sanity', 'scripts', 'sanity.config.ts', 'proxy.ts', 'instrumentation.ts']
    .flatMap(sourceFiles)
    .filter((file) => reads.test(fs.readFileSync(path.join(ROOT, file), 'utf8')))
  expect(readers).toEqual([path.join('lib', 'content', 'sources', 'token.ts')])
  expect(fs.readFileSync(path.join(ROOT, 'lib/content/sources/token.ts'), 'utf8')).toMatch(/^import 'server-only'\n/)
  expect(fs.readFileSync(path.join(ROOT, 'lib/content/sources/sanity.ts'), 'utf8')).toMatch(/^import 'server-only'\n/)
})

it('reaches the Sanity source through the configuration, but is not part of its data', () => {
  process.env = { ...saved, NEXT_PUBLIC_SANITY_PROJECT_ID: 'tokentest', NEXT_PUBLIC_SANITY_DATASET: 'production', SANITY_API_READ_TOKEN: TOKEN }
  const config = readConfig()
  expect(config.source.mode === 'sanity' && config.source.token).toBe(TOKEN)
  expect(Object.keys(config.source)).not.toContain('token')
  expect(JSON.stringify(config)).not.toContain(TOKEN)

  process.env = { ...process.env, SANITY_API_READ_TOKEN: '' }
  expect(readConfig().source).toMatchObject({ mode: 'sanity', token: undefined })
})
