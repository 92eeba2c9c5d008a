import { isDraftId, publishedIdOf } from '@/lib/content/sources/draft-ids'
import type { LocalStore } from '@/lib/content/sources/local-store'
import type { SanityDocument } from '@/lib/content/sources/ndjson'
import { effectsOf } from './effects'
import { badRequest, notFound } from './errors'

/** The most transactions one request answers, as on the Content Lake's default page. */
const MAX_LIMIT = 10_000
/** Author of the first transaction of a document that came with the dataset file. */
const DATASET_AUTHOR = 'local-dataset'

export type Revision = {
  transactionId: string
  timestamp: string
  author: string
  documents: Map<string, { before: SanityDocument | null; after: SanityDocument | null }>
}

/**
 * A document's revisions, oldest first: a first one for the version that came with the file
 * (its `_rev` and `_updatedAt`), then each journalled transaction.
 */
export async function revisionsOf(store: LocalStore, id: string): Promise<Revision[]> {
  const entries = store.historyOf(id)
  const revisions: Revision[] = []
  // The journal holds a document's `before` on its first change only; each later one starts from the last `after`.
  const lastAfter = new Map<string, SanityDocument | null>()
  let first: SanityDocument | null | undefined
  for (const entry of entries) {
    const transaction = await store.readHistory(entry)
    const documents = new Map<string, { before: SanityDocument | null; after: SanityDocument | null }>()
    for (const change of transaction.changes) {
      const before = change.before !== undefined ? change.before : (lastAfter.get(change.id) ?? null)
      if (change.id === id && first === undefined) first = before
      documents.set(change.id, { before, after: change.after })
      lastAfter.set(change.id, change.after)
    }
    revisions.push({ transactionId: entry.transactionId, timestamp: entry.timestamp, author: entry.author, documents })
  }
  const original = entries.length ? first : (store.get(id) ?? null)
  if (original) {
    revisions.unshift({
      transactionId: String(original._rev),
      timestamp: String(original._updatedAt ?? original._createdAt ?? new Date(0).toISOString()),
      author: DATASET_AUTHOR,
      documents: new Map([[id, { before: null, after: original }]]),
    })
  }
  return revisions
}

function idsOf(value: string): string[] {
  const ids = value.split(',').filter(Boolean)
  if (!ids.length || ids.length > 100) throw badRequest('Name between 1 and 100 document ids.')
  return ids
}

/**
 * GET /data/history/<dataset>/transactions/<ids>: NDJSON, one transaction per line, with the
 * Mendoza effects on each named document (the Studio's history panel reads `effects`, and the
 * timestamps and authors).
 */
export async function transactionsLog(store: LocalStore, idList: string, search: URLSearchParams): Promise<Response> {
  const ids = idsOf(idList)
  const limit = Math.min(Number(search.get('limit') ?? MAX_LIMIT) || MAX_LIMIT, MAX_LIMIT)
  const byId = new Map<string, { transactionId: string; timestamp: string; author: string; effects: Record<string, unknown>; documentIDs: Set<string> }>()
  for (const id of ids) {
    for (const revision of await revisionsOf(store, id)) {
      const change = revision.documents.get(id)!
      const line = byId.get(revision.transactionId) ?? { ...revision, effects: {}, documentIDs: new Set<string>() }
      line.effects[id] = effectsOf(change.before, change.after)
      line.documentIDs.add(id)
      byId.set(revision.transactionId, line)
    }
  }
  let lines = [...byId.values()].sort((a, b) => a.timestamp.localeCompare(b.timestamp))
  const from = search.get('fromTransaction')
  const to = search.get('toTransaction')
  const fromTime = search.get('fromTime')
  const toTime = search.get('toTime')
  if (from)
    lines = lines.slice(
      Math.max(
        0,
        lines.findIndex((line) => line.transactionId === from),
      ),
    )
  if (to) {
    const end = lines.findIndex((line) => line.transactionId === to)
    if (end >= 0) lines = lines.slice(0, end + 1)
  }
  if (fromTime) lines = lines.filter((line) => line.timestamp >= fromTime)
  if (toTime) lines = lines.filter((line) => line.timestamp <= toTime)
  if (search.get('reverse') === 'true') lines.reverse()
  const body = lines
    .slice(0, limit)
    .map(({ transactionId, timestamp, author, effects, documentIDs }) =>
      JSON.stringify({ id: transactionId, timestamp, author, documentIDs: [...documentIDs], effects, mutations: [] }),
    )
    .join('\n')
  return new Response(body ? body + '\n' : '', { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } })
}

/**
 * GET /data/history/<dataset>/documents/<ids>?revision=… (or ?time=…): each document as it was
 * at that revision, as the Studio's "restore" reads it.
 */
export async function documentsAt(store: LocalStore, idList: string, search: URLSearchParams) {
  const ids = idsOf(idList)
  const revision = search.get('revision')
  const time = search.get('time')
  if (!revision && !time) throw badRequest('Name a "revision" or a "time".')
  const documents: SanityDocument[] = []
  const at = async (id: string) => {
    const revisions = await revisionsOf(store, id)
    const found = revision
      ? revisions.find((candidate) => candidate.transactionId === revision)
      : revisions.filter((candidate) => candidate.timestamp <= time!).at(-1)
    const doc = found?.documents.get(id)?.after
    return doc ? { ...doc, _rev: found!.transactionId } : undefined
  }
  for (const id of ids) {
    // A draft "at" a revision of its published document (a publish with no draft before it, as
    // for documents that came with the file) is the version that was published then.
    const doc = (await at(id)) ?? (revision && isDraftId(id) ? await at(publishedIdOf(id)) : undefined)
    if (doc) documents.push({ ...doc, _id: id })
  }
  if (!documents.length) throw notFound(`No revision ${revision ?? `at ${time}`} of ${ids.join(', ')}.`)
  return { documents }
}
