import type { DocumentActionComponent, DocumentActionsContext, NewDocumentOptionsResolver } from 'sanity'
import { SharePreviewLinkAction } from './SharePreviewLinkAction'
import { SINGLETON_TYPES } from './structure'

/** Actions a singleton cannot have: there is exactly one, so it is never duplicated, deleted or unpublished. */
const SINGLETON_FORBIDDEN = new Set(['duplicate', 'delete', 'unpublish'])

export function documentActions(previous: DocumentActionComponent[], context: DocumentActionsContext): DocumentActionComponent[] {
  if (SINGLETON_TYPES.has(context.schemaType)) {
    return previous.filter((action) => !action.action || !SINGLETON_FORBIDDEN.has(action.action))
  }
  if (context.schemaType === 'article') return [...previous, SharePreviewLinkAction]
  return previous
}

/** Singletons are not offered in "Create new document": the one that exists is edited in place. */
export const newDocumentOptions: NewDocumentOptionsResolver = (previous, { creationContext }) =>
  creationContext.type === 'global' ? previous.filter((item) => !SINGLETON_TYPES.has(item.templateId)) : previous
