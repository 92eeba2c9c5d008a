import { draftIdOf, publishedIdOf } from '@/lib/content/sources/draft-ids'
import type { LocalStore } from '@/lib/content/sources/local-store'
import type { SanityDocument } from '@/lib/content/sources/ndjson'
import { badRequest } from './errors'
import { revisionsOf, type Revision } from './history'

/** The most events one request answers; the Studio asks for 100, then 10 at a time on reload. */
const MAX_EVENTS = 100

type Change = { before: SanityDocument | null; after: SanityDocument | null }
type Step = { transactionId: string; timestamp: string; author: string; published?: Change; draft?: Change }
type GroupEvent = Record<string, unknown> & { type: string; timestamp: string }

/** The published and draft versions' revisions, merged into one list of transactions, oldest first. */
async function stepsOf(store: LocalStore, publishedId: string): Promise<Step[]> {
  const draftId = draftIdOf(publishedId)
  const steps = new Map<string, Step>()
  const take = (revisions: Revision[], id: string, key: 'published' | 'draft') => {
    for (const { transactionId, timestamp, author, documents } of revisions) {
      const step = steps.get(transactionId) ?? { transactionId, timestamp, author }
      step[key] = documents.get(id)
      steps.set(transactionId, step)
    }
  }
  take(await revisionsOf(store, publishedId), publishedId, 'published')
  take(await revisionsOf(store, draftId), draftId, 'draft')
  return [...steps.values()].sort((a, b) => a.timestamp.localeCompare(b.timestamp))
}

/**
 * What happened to a document group in one transaction, in the Events API's terms: a draft was
 * created or discarded, the document was published, unpublished, or deleted with its draft.
 * Edits of a draft are not events here: the Studio derives them from the transactions.
 */
function eventsOf(step: Step, publishedId: string, lastCreation: GroupEvent | undefined, publishedRevision: string | undefined): GroupEvent[] {
  const { published, draft } = step
  const base = { documentId: publishedId, timestamp: step.timestamp, author: step.author }
  const versionId = draftIdOf(publishedId)
  const events: GroupEvent[] = []
  const draftCreated = draft && !draft.before && draft.after
  const draftGone = draft && draft.before && !draft.after
  if (published && published.after) {
    events.push({
      ...base,
      type: 'publishDocumentVersion',
      revisionId: step.transactionId,
      versionId,
      publishCause: 'document.publish',
      ...(draftGone ? { versionRevisionId: String(draft.before!._rev), ...(lastCreation ? { creationEvent: lastCreation } : {}) } : {}),
    })
  } else if (published && published.before && !published.after) {
    if (draftCreated) events.push({ ...base, type: 'unpublishDocument', versionId, versionRevisionId: step.transactionId })
    else if (draftGone || !draft) events.push({ ...base, type: 'deleteDocumentGroup' })
  } else if (draftCreated) {
    // With the published revision it started from, which the panel shows when the event is picked.
    events.push({
      ...base,
      type: 'createDocumentVersion',
      versionId,
      versionRevisionId: step.transactionId,
      ...(publishedRevision ? { revisionId: publishedRevision } : {}),
    })
  } else if (draftGone) {
    events.push({
      ...base,
      type: 'deleteDocumentVersion',
      versionId,
      versionRevisionId: String(draft.before!._rev),
      ...(lastCreation ? { creationEvent: lastCreation } : {}),
    })
  }
  return events
}

/**
 * GET /data/history/<dataset>/events/documents/<id>: the document group's events, newest first,
 * as the Studio's history panel lists them (publish, unpublish, draft created or discarded,
 * deleted), from the same revisions as /history/transactions. `nextCursor` pages on.
 */
export async function documentEvents(store: LocalStore, id: string, search: URLSearchParams) {
  if (!id || id.includes(',')) throw badRequest('Name one document id.')
  const publishedId = publishedIdOf(id)
  const events: GroupEvent[] = []
  let lastCreation: GroupEvent | undefined
  let publishedRevision: string | undefined
  for (const step of await stepsOf(store, publishedId)) {
    for (const event of eventsOf(step, publishedId, lastCreation, publishedRevision)) {
      events.push(event)
      // A draft's edits run from the event that made it (created, or left by an unpublish) to its publish or discard.
      lastCreation = event.type === 'createDocumentVersion' || event.type === 'unpublishDocument' ? event : undefined
    }
    if (step.published) publishedRevision = step.published.after ? step.transactionId : undefined
  }
  events.reverse()
  const limit = Math.min(Math.max(Number(search.get('limit')) || MAX_EVENTS, 1), MAX_EVENTS)
  const offset = Math.max(Number(search.get('nextCursor')) || 0, 0)
  const page = events.slice(offset, offset + limit)
  return { events: { [id]: page }, nextCursor: offset + limit < events.length ? String(offset + limit) : '' }
}
