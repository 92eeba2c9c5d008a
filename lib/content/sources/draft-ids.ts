/** Sanity's draft ids: `drafts.<published id>`. One place for the prefix, for the local source, store and lake. */
export const DRAFT_PREFIX = 'drafts.'
export const isDraftId = (id: string) => id.startsWith(DRAFT_PREFIX)
export const draftIdOf = (id: string) => (isDraftId(id) ? id : DRAFT_PREFIX + id)
export const publishedIdOf = (id: string) => (isDraftId(id) ? id.slice(DRAFT_PREFIX.length) : id)
