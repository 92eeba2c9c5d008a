import 'server-only'
import { createDataAttribute } from 'next-sanity'
import { requestPerspective } from './perspective'

/**
 * For a field of the document on show (a path such as `keyPoints[2]`), the `data-sanity`
 * attribute to spread on the element that shows it: Presentation draws an overlay there and,
 * on a click, opens the document in the Studio with that field focused. Works the same on the
 * embedded dataset and on a Sanity project: it names the document and the field, and needs
 * no source map of the query.
 */
export type EditTarget = (path: string) => { 'data-sanity': string }

/** The Studio's address: app/studio, sanity.config.ts's basePath. */
const STUDIO_PATH = '/studio'

/** An article's edit target in draft mode; undefined for readers, whose pages carry no editing attributes. */
export async function articleEditTarget(article: { _id: string }): Promise<EditTarget | undefined> {
  if ((await requestPerspective()) !== 'drafts') return undefined
  const attribute = createDataAttribute({ id: article._id, type: 'article', baseUrl: STUDIO_PATH })
  return (path) => ({ 'data-sanity': attribute(path) })
}
