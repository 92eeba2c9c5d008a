import type { StructureResolver } from 'sanity/structure'
import { SITE_SETTINGS_ID } from '../constants'
import { DEFAULT_API_VERSION } from '../env'

/** Types the structure shows in lists of their own; everything else is reached through them. */
export const SINGLETON_TYPES = new Set(['siteSettings'])

/**
 * A draft, in the `raw` perspective (its own id) and in the Studio's default `drafts` perspective,
 * where a draft stands in for its published document under the published id and keeps its own in
 * `_originalId`.
 */
const DRAFT_ID = '_id in path("drafts.**")'
const DRAFTS = `(${DRAFT_ID} || _originalId in path("drafts.**"))`

/**
 * The editors' desk: articles by section, drafts in progress, recently published,
 * all articles, people, sections, and the publication's settings as one document.
 */
export const structure: StructureResolver = (S) =>
  S.list()
    .title('Newsroom')
    .items([
      S.listItem()
        .title('Articles by section')
        .id('articles-by-section')
        .child(
          S.documentTypeList('section')
            .title('Sections')
            .defaultOrdering([{ field: 'order', direction: 'asc' }])
            .child((sectionId) =>
              S.documentList()
                .title('Articles')
                .schemaType('article')
                .apiVersion(DEFAULT_API_VERSION)
                .filter('_type == "article" && section._ref == $sectionId')
                .params({ sectionId })
                .defaultOrdering([{ field: 'publishedAt', direction: 'desc' }]),
            ),
        ),
      S.listItem()
        .title('Drafts in progress')
        .id('drafts-in-progress')
        .child(
          S.documentList()
            .title('Drafts in progress')
            .schemaType('article')
            .apiVersion(DEFAULT_API_VERSION)
            .filter(`_type == "article" && ${DRAFTS}`)
            .defaultOrdering([{ field: '_updatedAt', direction: 'desc' }]),
        ),
      S.listItem()
        .title('Recently published')
        .id('recently-published')
        .child(
          S.documentList()
            .title('Recently published')
            .schemaType('article')
            .apiVersion(DEFAULT_API_VERSION)
            .filter(`_type == "article" && !(${DRAFT_ID}) && defined(publishedAt)`)
            .defaultOrdering([{ field: 'publishedAt', direction: 'desc' }]),
        ),
      S.documentTypeListItem('article').title('All articles'),
      S.divider(),
      S.documentTypeListItem('person').title('People'),
      S.documentTypeListItem('section').title('Sections'),
      S.divider(),
      S.listItem()
        .title('Site settings')
        .id(SITE_SETTINGS_ID)
        .child(S.document().schemaType('siteSettings').documentId(SITE_SETTINGS_ID).title('Site settings')),
    ])
