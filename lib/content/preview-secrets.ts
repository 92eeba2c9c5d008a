import 'server-only'
import type { SanityClient } from '@sanity/client'
import { validatePreviewUrl } from '@sanity/preview-url-secret'
import { readConfig } from '@/lib/env'
import { localEditing } from './sources'
import { createSanityClient } from './sources/sanity'

export type StudioPreviewCheck = Awaited<ReturnType<typeof validatePreviewUrl>>

/**
 * Checks the preview secret the Studio made for a signed-in editor (the `sanity-preview-secret`
 * parameter of `url`, from Presentation or "Share preview link"), with @sanity/preview-url-secret,
 * where the Studio wrote it: with a Sanity project, in the Content Lake with the site's read
 * token; on the embedded dataset, in the local store, through an in-process stand-in for the
 * client (the library asks it for `config().token`, `withConfig()` and `fetch()`).
 * Undefined when this site cannot check: a Sanity project without SANITY_API_READ_TOKEN.
 */
export async function checkStudioPreviewSecret(url: string): Promise<StudioPreviewCheck | undefined> {
  const { source } = readConfig()
  if (source.mode === 'sanity') {
    if (!source.token) return undefined
    return validatePreviewUrl(createSanityClient(source).withConfig({ token: source.token, useCdn: false }), url)
  }
  const editing = localEditing()
  if (!editing) return undefined
  const local = {
    config: () => ({ token: 'in-process' }),
    withConfig: () => local,
    fetch: (query: string, params: Record<string, unknown>) => editing.source.fetchAsEditor(query, params, 'raw'),
  }
  return validatePreviewUrl(local as unknown as SanityClient, url)
}
