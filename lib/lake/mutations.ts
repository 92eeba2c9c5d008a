import { Mutation } from '@sanity/mutator'
import { evaluate, parse } from 'groq-js'
import type { SanityDocument } from '@/lib/content/sources/ndjson'
import type { TransactionDraft } from '@/lib/content/sources/local-store'
import { draftIdOf, isDraftId, publishedIdOf } from '@/lib/content/sources/draft-ids'
import { isValidDocumentId, newDocumentId } from './document-ids'
import { badRequest, conflict } from './errors'

/** What one mutation did, as /data/mutate answers it. */
export type MutationResult = { id: string; operation: 'create' | 'update' | 'delete' | 'none' }

type Doc = SanityDocument & { _rev?: string }
type PatchBody = { id?: string; query?: string; params?: Record<string, unknown>; ifRevisionID?: string; [operation: string]: unknown }
const PATCH_OPERATIONS = new Set(['set', 'setIfMissing', 'unset', 'inc', 'dec', 'insert', 'diffMatchPatch'])
const MUTATION_KINDS = ['create', 'createOrReplace', 'createIfNotExists', 'delete', 'patch'] as const

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Plans Sanity's mutations (POST /data/mutate) over a transaction: every mutation applies, in
 * order, or the whole transaction fails with nothing changed. Patches are applied by
 * @sanity/mutator, the library the Studio applies them with on its side.
 */
export async function planMutations(draft: TransactionDraft, mutations: unknown): Promise<MutationResult[]> {
  if (!Array.isArray(mutations) || mutations.length === 0) throw badRequest('The request must have a non-empty "mutations" array.')
  const results: MutationResult[] = []
  for (const [index, mutation] of mutations.entries()) {
    const kinds = isObject(mutation) ? MUTATION_KINDS.filter((kind) => kind in mutation) : []
    if (kinds.length !== 1) throw badRequest(`Mutation ${index} must have exactly one of ${MUTATION_KINDS.join(', ')}.`)
    const kind = kinds[0]
    const body = (mutation as Record<string, unknown>)[kind]
    if (!isObject(body)) throw badRequest(`Mutation ${index} (${kind}) must be an object.`)
    results.push(...(await planOne(draft, kind, body, index)))
  }
  return results
}

async function planOne(
  draft: TransactionDraft,
  kind: (typeof MUTATION_KINDS)[number],
  body: Record<string, unknown>,
  index: number,
): Promise<MutationResult[]> {
  switch (kind) {
    case 'create': {
      const id = newDocumentId(body._id)
      const doc = checkedDocument({ ...body, _id: id }, index)
      if (draft.get(id)) throw conflict(`Document by ID "${id}" already exists`)
      draft.put(doc)
      return [{ id, operation: 'create' }]
    }
    case 'createOrReplace': {
      const doc = checkedDocument(body, index)
      const existed = draft.get(doc._id)
      draft.put(doc)
      return [{ id: doc._id, operation: existed ? 'update' : 'create' }]
    }
    case 'createIfNotExists': {
      const doc = checkedDocument(body, index)
      if (draft.get(doc._id)) return [{ id: doc._id, operation: 'none' }]
      draft.put(doc)
      return [{ id: doc._id, operation: 'create' }]
    }
    case 'delete': {
      const ids = await selectedIds(draft, body, index)
      return ids.flatMap((id) => {
        if (!draft.get(id)) return []
        draft.delete(id)
        return [{ id, operation: 'delete' as const }]
      })
    }
    case 'patch': {
      const patch = body as PatchBody
      const unknownKeys = Object.keys(patch).filter((key) => !PATCH_OPERATIONS.has(key) && !['id', 'query', 'params', 'ifRevisionID'].includes(key))
      if (unknownKeys.length) throw badRequest(`Mutation ${index} (patch) has unknown operations: ${unknownKeys.join(', ')}.`)
      const ids = await selectedIds(draft, patch, index)
      if (patch.id !== undefined && !draft.get(patch.id)) throw conflict(`Document by ID "${patch.id}" not found; cannot patch it.`)
      return ids.map((id) => {
        draft.put(applyPatch(draft.get(id)!, patch, index))
        return { id, operation: 'update' as const }
      })
    }
  }
}

/**
 * A patch applied to a document. `ifRevisionID` guards against lost updates: a document whose
 * revision moved on since the editor read it is a conflict (409), as on the Content Lake.
 */
export function applyPatch(doc: Doc, patch: PatchBody, index = 0): SanityDocument {
  if (patch.ifRevisionID !== undefined && patch.ifRevisionID !== doc._rev) {
    throw conflict(`Document by ID "${doc._id}" has unexpected revision ID ("${doc._rev}"), expected "${String(patch.ifRevisionID)}"`)
  }
  const operations: Record<string, unknown> = { id: doc._id }
  for (const key of PATCH_OPERATIONS) if (key in patch) operations[key] = patch[key]
  let result: Doc | null
  try {
    result = new Mutation({ mutations: [{ patch: operations }] } as never).apply({ ...doc } as never) as Doc | null
  } catch (error) {
    throw badRequest(`Mutation ${index} (patch) cannot be applied to "${doc._id}": ${(error as Error).message}`)
  }
  if (!result || result._id !== doc._id || result._type !== doc._type) throw badRequest(`Mutation ${index} (patch) may not change _id or _type.`)
  return result
}

function checkedDocument(body: Record<string, unknown>, index: number): SanityDocument {
  if (!isValidDocumentId(body._id)) throw badRequest(`Mutation ${index}: "_id" must be a valid document id.`)
  if (typeof body._type !== 'string' || !body._type) throw badRequest(`Mutation ${index}: the document must have a "_type".`)
  return structuredClone(body) as SanityDocument
}

/** The ids a delete or patch addresses: one `id`, or every document a GROQ `query` returns. */
async function selectedIds(draft: TransactionDraft, body: { id?: unknown; query?: unknown; params?: unknown }, index: number): Promise<string[]> {
  if (typeof body.id === 'string') {
    if (!isValidDocumentId(body.id)) throw badRequest(`Mutation ${index}: "${body.id}" is not a valid document id.`)
    return [body.id]
  }
  if (typeof body.query !== 'string') throw badRequest(`Mutation ${index} must have an "id" or a "query".`)
  const params = isObject(body.params) ? body.params : {}
  let tree
  try {
    tree = parse(body.query, { params })
  } catch (error) {
    throw badRequest(`Mutation ${index}: the query is not valid GROQ (${(error as Error).message}).`)
  }
  const result = await (await evaluate(tree, { dataset: [...draft.documents()], params })).get()
  const ids = (Array.isArray(result) ? result : [result]).map((item) => (item as { _id?: unknown } | null)?._id)
  return ids.filter((id): id is string => typeof id === 'string')
}

/**
 * The Studio's document actions (POST /data/actions), planned as the Content Lake applies them
 * over the draft and published versions of a document.
 */
export function planActions(draft: TransactionDraft, actions: unknown): void {
  if (!Array.isArray(actions) || actions.length === 0) throw badRequest('The request must have a non-empty "actions" array.')
  for (const [index, action] of actions.entries()) {
    if (!isObject(action) || typeof action.actionType !== 'string') throw badRequest(`Action ${index} must have an "actionType".`)
    planAction(draft, action, index)
  }
}

const idIn = (action: Record<string, unknown>, key: string, index: number): string => {
  const id = action[key]
  if (!isValidDocumentId(id)) throw badRequest(`Action ${index} (${String(action.actionType)}) needs a valid "${key}".`)
  return id
}

function planAction(draft: TransactionDraft, action: Record<string, unknown>, index: number) {
  const type = action.actionType as string
  switch (type) {
    case 'sanity.action.document.create': {
      const publishedId = idIn(action, 'publishedId', index)
      if (!isObject(action.attributes)) throw badRequest(`Action ${index} (create) needs "attributes".`)
      const id = (action.attributes._id as string | undefined) ?? draftIdOf(publishedId)
      if (publishedIdOf(id) !== publishedId) throw badRequest(`Action ${index} (create): "attributes._id" must be "${publishedId}" or its draft.`)
      if (draft.get(id)) {
        if (action.ifExists === 'ignore') return
        throw conflict(`Document by ID "${id}" already exists`)
      }
      draft.put(checkedDocument({ ...action.attributes, _id: id }, index))
      return
    }
    case 'sanity.action.document.edit': {
      const draftId = idIn(action, 'draftId', index)
      const publishedId = idIn(action, 'publishedId', index)
      if (!isObject(action.patch)) throw badRequest(`Action ${index} (edit) needs a "patch".`)
      const base = draft.get(draftId) ?? (draft.get(publishedId) && { ...draft.get(publishedId)!, _id: draftId })
      if (!base) throw conflict(`Cannot edit "${publishedId}": neither it nor its draft exists.`)
      draft.put(applyPatch(base, { ...action.patch, id: draftId } as PatchBody, index))
      return
    }
    case 'sanity.action.document.publish': {
      const draftId = idIn(action, 'draftId', index)
      const publishedId = idIn(action, 'publishedId', index)
      const draftDoc = draft.get(draftId) as Doc | null
      if (!draftDoc) throw conflict(`Cannot publish "${publishedId}": it has no draft.`)
      if (action.ifDraftRevisionId !== undefined && action.ifDraftRevisionId !== draftDoc._rev)
        throw conflict(`The draft of "${publishedId}" changed since it was read.`)
      const published = draft.get(publishedId) as Doc | null
      if (action.ifPublishedRevisionId !== undefined && action.ifPublishedRevisionId !== (published?._rev ?? null) && published)
        throw conflict(`The published "${publishedId}" changed since it was read.`)
      draft.put({ ...draftDoc, _id: publishedId })
      draft.delete(draftId)
      return
    }
    case 'sanity.action.document.unpublish': {
      const draftId = idIn(action, 'draftId', index)
      const publishedId = idIn(action, 'publishedId', index)
      const published = draft.get(publishedId)
      if (!published) throw conflict(`Cannot unpublish "${publishedId}": it is not published.`)
      if (!draft.get(draftId)) draft.put({ ...published, _id: draftId })
      draft.delete(publishedId)
      return
    }
    case 'sanity.action.document.delete': {
      const publishedId = idIn(action, 'publishedId', index)
      const drafts = Array.isArray(action.includeDrafts) ? action.includeDrafts : [draftIdOf(publishedId)]
      for (const id of [publishedId, ...drafts]) {
        if (!isValidDocumentId(id) || publishedIdOf(id) !== publishedId)
          throw badRequest(`Action ${index} (delete): "${String(id)}" is not a draft of "${publishedId}".`)
        draft.delete(id)
      }
      return
    }
    case 'sanity.action.document.discard': {
      const draftId = idIn(action, 'draftId', index)
      if (!draft.get(draftId)) throw conflict(`Cannot discard "${draftId}": there is no such draft.`)
      draft.delete(draftId)
      return
    }
    case 'sanity.action.document.version.create': {
      // Releases are off, so the one version besides the published document is its draft.
      const publishedId = idIn(action, 'publishedId', index)
      const base = action.baseId === undefined ? undefined : draft.get(idIn(action, 'baseId', index))
      const source = isObject(action.document) ? action.document : base
      if (!source) throw badRequest(`Action ${index} (version.create) needs a "document" or an existing "baseId".`)
      const id = action.versionId ?? source._id
      if (id !== draftIdOf(publishedId))
        throw badRequest(
          `Action ${index} (version.create): the local Content Lake keeps one version of "${publishedId}", its draft "${draftIdOf(publishedId)}".`,
        )
      if (draft.get(id)) throw conflict(`Document by ID "${id}" already exists`)
      draft.put(checkedDocument({ ...source, _id: id }, index))
      return
    }
    case 'sanity.action.document.version.discard': {
      const versionId = idIn(action, 'versionId', index)
      if (!isDraftId(versionId))
        throw badRequest(`Action ${index} (version.discard): "${versionId}" is a published document, not a version; delete it instead.`)
      if (!draft.get(versionId)) throw conflict(`Cannot discard "${versionId}": there is no such version.`)
      draft.delete(versionId)
      return
    }
    case 'sanity.action.document.replaceDraft': {
      const publishedId = idIn(action, 'publishedId', index)
      if (!isObject(action.attributes)) throw badRequest(`Action ${index} (replaceDraft) needs "attributes".`)
      draft.put(checkedDocument({ ...action.attributes, _id: draftIdOf(publishedId) }, index))
      return
    }
    default:
      throw badRequest(`Action ${index}: "${type}" is not supported by the local Content Lake.`)
  }
}
