import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ConfigError, readConfig } from '@/lib/env'
import { checkStartup } from '@/lib/startup'

describe('readConfig', () => {
  it('uses the embedded dataset when no Sanity project is set', () => {
    const { source, siteUrl } = readConfig({})
    expect(source).toEqual({ mode: 'local', datasetPath: path.resolve('sanity/demo/dataset.ndjson') })
    expect(siteUrl).toBe('http://localhost:3000')
  })

  it('reads Sanity when project id and dataset are set, treating empty values as unset', () => {
    const config = readConfig({
      NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123',
      NEXT_PUBLIC_SANITY_DATASET: 'production',
      SANITY_API_READ_TOKEN: '',
      SITE_URL: 'https://news.example.com/',
    })
    expect(config.source).toMatchObject({ mode: 'sanity', projectId: 'abc123', dataset: 'production', token: undefined })
    expect(config.siteUrl).toBe('https://news.example.com')
  })

  it.each([
    [{ NEXT_PUBLIC_SANITY_PROJECT_ID: 'Not Valid', NEXT_PUBLIC_SANITY_DATASET: 'production' }, 'NEXT_PUBLIC_SANITY_PROJECT_ID'],
    [{ NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123' }, 'NEXT_PUBLIC_SANITY_DATASET'],
    [{ NEXT_PUBLIC_SANITY_DATASET: 'production' }, 'NEXT_PUBLIC_SANITY_PROJECT_ID'],
    [{ SANITY_API_VERSION: 'yesterday' }, 'SANITY_API_VERSION'],
    [{ SITE_URL: 'news.example.com' }, 'SITE_URL'],
    [{ NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc', NEXT_PUBLIC_SANITY_DATASET: 'x', LOCAL_DATASET: 'a.ndjson' }, 'LOCAL_DATASET'],
  ])('stops with a message naming the variable for %j', (env, variable) => {
    expect(() => readConfig(env)).toThrow(ConfigError)
    expect(() => readConfig(env)).toThrow(variable)
  })

  it('reads the variables again as soon as one changes, and never keeps a bad value', () => {
    const env: Record<string, string | undefined> = { SITE_URL: 'https://a.example.com' }
    const first = readConfig(env)
    expect(readConfig({ ...env })).toBe(first) // same variables: the answer kept
    env.SITE_URL = 'https://b.example.com'
    expect(readConfig(env).siteUrl).toBe('https://b.example.com')
    env.SITE_URL = 'not a url'
    expect(() => readConfig(env)).toThrow('SITE_URL')
    expect(() => readConfig(env)).toThrow('SITE_URL')
    env.SITE_URL = 'https://a.example.com'
    expect(readConfig(env)).toEqual(first)
  })
})

describe('checkStartup', () => {
  it('names the path of a missing or unreadable LOCAL_DATASET', () => {
    const missing = path.join(os.tmpdir(), 'no-such-dataset.ndjson')
    expect(() => checkStartup({ LOCAL_DATASET: missing })).toThrow(`Cannot read the local dataset at ${missing} (ENOENT)`)
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dataset-'))
    expect(() => checkStartup({ LOCAL_DATASET: folder })).toThrow(folder)
  })

  it('accepts the demo dataset', () => {
    expect(checkStartup({})).toMatchObject({ mode: 'local' })
  })
})
