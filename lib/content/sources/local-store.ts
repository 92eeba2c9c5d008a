import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { log } from '@/lib/log'
import { isDraftId } from './draft-ids'
import { Journal, readJournal, readTransactionAt, type JournalLocation, type JournalTransaction } from './journal'
import { isPrivateId } from './local'
import {
  assetDocument,
  assetOfImageFile,
  datasetOf,
  digestOf,
  exportLine,
  layoutOf,
  packDocument,
  parseDatasetFile,
  readDatasetAtStart,
  sameStamp,
  type LocalAsset,
  type LocalDataset,
  type ParsedDatasetFile,
  type SanityDocument,
} from './ndjson'
import type { WatchedDataset } from './watch'

/** A document's change in a transaction: null for a document that does not exist (before its creation, after its deletion). */
export type StoreChange = { id: string; before: SanityDocument | null; after: SanityDocument | null }
export type CommittedTransaction = { transactionId: string; timestamp: string; author: string; changes: StoreChange[] }

/** A transaction being planned: reads see its own writes; nothing reaches the store unless the plan returns. */
export class TransactionDraft {
  private readonly written = new Map<string, SanityDocument | null>()
  constructor(private readonly store: ReadonlyMap<string, SanityDocument>) {}

  get(id: string): SanityDocument | null {
    return this.written.has(id) ? this.written.get(id)! : (this.store.get(id) ?? null)
  }
  put(document: SanityDocument) {
    this.written.set(document._id, document)
  }
  delete(id: string) {
    this.written.set(id, null)
  }
  /** Every document as the transaction sees it, for mutations addressed by a query. */
  *documents(): Iterable<SanityDocument> {
    for (const [id, doc] of this.store) if (!this.written.has(id)) yield doc
    for (const doc of this.written.values()) if (doc) yield doc
  }
  get changes(): [string, SanityDocument | null][] {
    return [...this.written]
  }
}

/** A transaction of a document's history, and where its documents are in the journal. */
export type HistoryEntry = { transactionId: string; timestamp: string; author: string; documentIds: string[]; at: JournalLocation }

/**
 * How long after a commit the dataset file is rewritten, and at most how long it waits while
 * commits keep coming (an editor typing commits every second or so). Each commit is durable in
 * the journal already; the rewrite keeps LOCAL_DATASET current for people and tools reading it.
 */
const WRITE_AFTER_MS = 300
const WRITE_AT_MOST_AFTER_MS = 2000
const NEWLINE = Buffer.from('\n')
export const AUTHOR_OF_FILE_EDITS = 'local-dataset-file'

type StoreEvents = {
  /** A new version of the dataset to serve; `publishedChanged` when a reader would see a difference. */
  onVersion(dataset: LocalDataset, publishedChanged: boolean): void
}

/**
 * Sanity's preview secrets: made by the Studio for Presentation and "Share preview link", valid
 * for an hour, and no content. They live in memory only, as private ids do, so no secret is ever
 * journalled or written into the dataset file (which may be committed).
 */
const EPHEMERAL_TYPES = new Set(['sanity.previewUrlSecret', 'sanity.previewUrlShareAccess'])
const isEphemeral = ({ id, before, after }: StoreChange) => isPrivateId(id) || EPHEMERAL_TYPES.has(String((after ?? before)?._type))

/**
 * The embedded dataset as one store that the reader site's local source and the local Content
 * Lake (lib/lake) share: the documents in memory, each committed transaction made durable in the
 * journal (journal.ts) before it is acknowledged, the dataset file rewritten atomically soon
 * after, and hand edits of the file taken in as transactions of their own
 * (docs/local-content-lake.md).
 */
export class LocalStore {
  private readonly docs = new Map<string, SanityDocument>()
  private readonly assets: Map<string, LocalAsset>
  private readonly baseDir: string
  private readonly journal: Journal
  private readonly history = new Map<string, HistoryEntry[]>()
  private readonly listeners = new Set<(transaction: CommittedTransaction) => void>()
  private file: ParsedDatasetFile
  private dirty = new Set<string>()
  private lastTransactionId?: string
  private queue: Promise<unknown> = Promise.resolve()
  private writeTimer?: NodeJS.Timeout
  private firstDirtyAt = 0
  private watcher?: WatchedDataset
  private writing?: Promise<void>
  dataset: LocalDataset

  constructor(
    readonly datasetPath: string,
    private readonly events: StoreEvents,
  ) {
    this.baseDir = path.dirname(datasetPath)
    this.file = readDatasetAtStart(datasetPath)
    this.assets = new Map(this.file.dataset.assets)
    for (const asset of this.imagesOnDisk()) if (!this.assets.has(asset.id)) this.assets.set(asset.id, asset)
    for (const doc of this.fileDocuments(this.file)) this.docs.set(doc._id, withRevision(doc))

    this.journal = new Journal(`${datasetPath}.journal`)
    const { transactions, pending } = readJournal(this.journal.file)
    for (const { transaction, at } of transactions) this.record(transaction, at)
    for (const transaction of pending) {
      for (const { id, after } of transaction.changes) {
        if (after) this.docs.set(id, packDocument(after))
        else this.docs.delete(id)
        this.dirty.add(id)
      }
      this.lastTransactionId = transaction.id
    }
    if (pending.length) log.info(`LOCAL_DATASET ${datasetPath}: ${pending.length} journalled transactions applied over the file.`)
    this.dataset = this.version()
  }

  /** A document by id, image assets included: they are documents to GROQ and to the Studio, kept as files. */
  get(id: string): SanityDocument | undefined {
    const asset = this.docs.has(id) ? undefined : this.assets.get(id)
    return asset ? assetDocument(asset) : this.docs.get(id)
  }

  /** Called with each committed transaction, after it is durable and served. Returns the unsubscribe. */
  subscribe(listener: (transaction: CommittedTransaction) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Plans a transaction over the current documents and commits it: durable in the journal, then
   * served, then announced. A plan that throws changes nothing. Commits run one at a time.
   */
  commit(author: string, plan: (draft: TransactionDraft) => void | Promise<void>, transactionId: string = crypto.randomUUID()): Promise<CommittedTransaction> {
    return this.serially(async () => {
      const draft = new TransactionDraft(this.docs)
      await plan(draft)
      const transaction = this.transactionOf(draft, author, transactionId)
      if (transaction.changes.length) await this.apply(transaction)
      return transaction
    })
  }

  /** The documents of a document's history, oldest first (see historyDocuments for their content). */
  historyOf(id: string): HistoryEntry[] {
    return this.history.get(id) ?? []
  }

  /** The transaction of a history entry, read back from the journal. */
  readHistory(entry: HistoryEntry): Promise<JournalTransaction> {
    return readTransactionAt(this.journal.file, entry.at)
  }

  /** Adds an image file to the dataset's images folder (durably) and serves its asset. */
  async addImage(bytes: Buffer, { width, height, extension }: { width: number; height: number; extension: string }): Promise<LocalAsset> {
    const sha1 = crypto.createHash('sha1').update(bytes).digest('hex')
    const file = `${sha1}-${width}x${height}.${extension}`
    const asset = assetOfImageFile(file, this.baseDir)!
    return this.serially(async () => {
      if (!this.assets.has(asset.id)) {
        await writeFileDurably(asset.filePath, bytes)
        this.assets.set(asset.id, { ...asset, size: bytes.length })
        this.dataset = this.version()
        this.events.onVersion(this.dataset, false)
      }
      return this.assets.get(asset.id)!
    })
  }

  /** Watches the file for hand edits, which become transactions (see absorb). */
  setWatcher(watcher: WatchedDataset) {
    this.watcher = watcher
  }
  get fileVersion(): ParsedDatasetFile {
    return this.file
  }

  /**
   * A version of the file saved by someone else (a text editor, a script): each document whose
   * line changed, appeared or went away becomes part of one transaction, so the Studio's
   * listeners see it and the history holds it. Documents the store changed since its last write
   * of the file and the file did not touch keep the store's version.
   */
  absorb(parsed: ParsedDatasetFile): Promise<CommittedTransaction> {
    return this.serially(async () => {
      const before = new Map(this.fileDocuments(this.file).map((doc) => [doc._id, doc]))
      const unchanged = new Set(this.fileDocuments(this.file))
      const now = this.fileDocuments(parsed)
      this.file = parsed
      for (const asset of parsed.dataset.assets.values()) if (!this.assets.has(asset.id)) this.assets.set(asset.id, asset)
      const draft = new TransactionDraft(this.docs)
      for (const doc of now) {
        before.delete(doc._id)
        const current = this.docs.get(doc._id)
        if (unchanged.has(doc) || (current && sameContent(current, doc))) continue
        draft.put(doc)
      }
      for (const id of before.keys()) if (this.docs.has(id)) draft.delete(id)
      const transaction = this.transactionOf(draft, AUTHOR_OF_FILE_EDITS, crypto.randomUUID())
      // The file holds these changes already (only their revisions are the store's own).
      if (transaction.changes.length) await this.apply(transaction, { inFile: true })
      return transaction
    })
  }

  /** Writes the dataset file now with every committed change (tests, and before the server stops). */
  async flush(): Promise<void> {
    clearTimeout(this.writeTimer)
    this.writeTimer = undefined
    await this.writing
    if (this.dirty.size) await (this.writing = this.writeFile().finally(() => (this.writing = undefined)))
  }

  /** A planned transaction's changes, each document stamped with the transaction's revision and time. */
  private transactionOf(draft: TransactionDraft, author: string, transactionId: string): CommittedTransaction {
    const timestamp = new Date().toISOString()
    const changes: StoreChange[] = []
    for (const [id, after] of draft.changes) {
      const before = this.docs.get(id) ?? null
      if (before || after) changes.push({ id, before, after: after && stamp(after, before, transactionId, timestamp) })
    }
    return { transactionId, timestamp, author, changes }
  }

  private async apply(transaction: CommittedTransaction, { inFile = false } = {}) {
    const { transactionId, timestamp, author, changes } = transaction
    const durable = changes.filter((change) => !isEphemeral(change))
    if (durable.length) {
      const journalled = {
        id: transactionId,
        timestamp,
        author,
        changes: durable.map(({ id, before, after }) => ({ id, ...(this.history.has(id) ? {} : { before }), after })),
      }
      const at = await this.journal.append(journalled)
      this.record({ t: 'tx', ...journalled }, at)
      this.lastTransactionId = transactionId
      // A hand edit is in the file already: with nothing else waiting to be written, the file holds
      // every transaction up to this one. Left pending, it would be applied again at the next start,
      // over whatever the file says by then (a dataset put back or edited while the server was down).
      if (inFile && !this.dirty.size) await this.journal.checkpoint(transactionId)
    }
    for (const change of changes) {
      const { id, after } = change
      if (after) this.docs.set(id, after)
      else this.docs.delete(id)
      if (!inFile && !isEphemeral(change)) this.dirty.add(id)
    }
    this.dataset = this.version()
    this.events.onVersion(
      this.dataset,
      changes.some((change) => !isDraftId(change.id) && !isEphemeral(change)),
    )
    if (this.dirty.size) this.scheduleWrite()
    for (const listener of this.listeners) listener(transaction)
  }

  private record(transaction: JournalTransaction, at: JournalLocation) {
    const documentIds = transaction.changes.map(({ id }) => id)
    const entry = { transactionId: transaction.id, timestamp: transaction.timestamp, author: transaction.author, documentIds, at }
    for (const id of documentIds) {
      const list = this.history.get(id)
      if (list) list.push(entry)
      else this.history.set(id, [entry])
    }
  }

  private scheduleWrite() {
    const now = performance.now()
    if (!this.writeTimer) this.firstDirtyAt = now
    clearTimeout(this.writeTimer)
    const wait = Math.max(0, Math.min(WRITE_AFTER_MS, this.firstDirtyAt + WRITE_AT_MOST_AFTER_MS - now))
    this.writeTimer = setTimeout(() => {
      this.writeTimer = undefined
      this.flush().catch((error) => {
        log.error(`LOCAL_DATASET ${this.datasetPath}: could not rewrite the file (${String(error)}); the journal keeps every change.`)
        this.scheduleWrite()
      })
    }, wait).unref()
  }

  /**
   * Rewrites the file atomically (a temporary file, flushed, renamed over it): the lines of
   * unchanged documents are copied byte for byte, the changed ones replaced, new ones appended.
   * A file changed on disk since the store last read it is left for the watcher to take in first.
   */
  private async writeFile() {
    const { file, upTo, lines } = await this.serially(async () => {
      const lines = new Map<string, string | null>()
      for (const id of this.dirty) {
        const doc = this.docs.get(id)
        lines.set(id, doc ? exportLine(doc, this.assets) : null)
      }
      const snapshot = { file: this.file, upTo: this.lastTransactionId, lines }
      this.dirty = new Set()
      return snapshot
    })
    const restoreDirty = () => {
      for (const id of lines.keys()) this.dirty.add(id)
      this.scheduleWrite()
    }
    // Stamped before reading, so a save made during the read is seen. The file as the store last
    // read or wrote it needs no hashing to be recognised; any other is compared by content.
    const readStats = await fs.promises.stat(this.datasetPath)
    const bytes = await fs.promises.readFile(this.datasetPath)
    const unchanged = file.stamp ? sameStamp(readStats, file.stamp) : false
    if (!unchanged && layoutOf(bytes).digest !== file.digest) return restoreDirty()

    const parts: Buffer[] = []
    // The digests of the new file's lines that are copied from this version; the others are hashed.
    const known: (string | undefined)[] = []
    const add = (digest: string | undefined, ...line: Buffer[]) => {
      parts.push(...line)
      known.push(digest)
    }
    file.lines.forEach(({ start, end, result }, index) => {
      const id = result && 'document' in result ? result.document._id : undefined
      if (id !== undefined && lines.has(id)) {
        const line = lines.get(id)
        lines.delete(id)
        if (line !== null) add(undefined, Buffer.from(line + '\n'))
        return
      }
      if (end > start) add(file.lineDigests[index], bytes.subarray(start, end), NEWLINE)
    })
    for (const line of lines.values()) if (line !== null) add(undefined, Buffer.from(line + '\n'))
    known.push(undefined) // the empty line after the last newline
    const written = Buffer.concat(parts)

    const temporary = `${this.datasetPath}.${process.pid}.tmp`
    await writeAndSync(temporary, written)
    // The stamp of the file as written (a rename keeps it): a save by someone else after the rename gets another.
    const stamp = await fs.promises.stat(temporary)
    const current = await fs.promises.stat(this.datasetPath)
    if (!sameStamp(current, readStats)) {
      await fs.promises.rm(temporary, { force: true })
      return restoreDirty()
    }
    this.watcher?.expectOwnWrite(stamp)
    await fs.promises.rename(temporary, this.datasetPath)
    await syncDirectory(this.baseDir)
    const parsed = parseDatasetFile(written, this.baseDir, { previous: file, layout: layoutOf(written, known), stamp })
    await this.serially(async () => {
      this.file = parsed
      this.watcher?.adopt(parsed)
      if (upTo) await this.journal.checkpoint(upTo)
    })
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => {})
    return run
  }

  private version(): LocalDataset {
    return datasetOf([...this.docs.values()], this.assets)
  }

  private fileDocuments(file: ParsedDatasetFile): SanityDocument[] {
    const documents: SanityDocument[] = []
    for (const { result } of file.lines) if (result && 'document' in result) documents.push(result.document)
    return documents
  }

  private imagesOnDisk(): LocalAsset[] {
    let files: string[]
    try {
      files = fs.readdirSync(path.join(this.baseDir, 'images'))
    } catch {
      return []
    }
    return files.flatMap((file) => assetOfImageFile(file, this.baseDir) ?? [])
  }
}

/** A revision for a document of the file that has none: its content's digest, the same at every start. */
function withRevision(doc: SanityDocument): SanityDocument {
  if (typeof doc._rev === 'string') return doc
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(doc)) as SanityDocument
  copy._rev = digestOf(Buffer.from(JSON.stringify(doc))).slice(0, 22)
  return copy
}

/** The document as committed: a revision of its own, Sanity's timestamps, its bulky fields packed. */
function stamp(after: SanityDocument, before: SanityDocument | null, rev: string, timestamp: string): SanityDocument {
  const createdAt = before?._createdAt ?? after._createdAt ?? timestamp
  return packDocument({ ...after, _createdAt: createdAt, _updatedAt: timestamp, _rev: rev })
}

function sameContent(a: SanityDocument, b: SanityDocument): boolean {
  const { _rev: _a, _updatedAt: _ua, ...restA } = a
  const { _rev: _b, _updatedAt: _ub, ...restB } = b
  return JSON.stringify(restA) === JSON.stringify(restB)
}

async function writeAndSync(file: string, bytes: Buffer) {
  const handle = await fs.promises.open(file, 'w')
  try {
    await handle.write(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function syncDirectory(directory: string) {
  const handle = await fs.promises.open(directory, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** A new file, durable: written under a temporary name, flushed, renamed, and the folder flushed. */
async function writeFileDurably(file: string, bytes: Buffer) {
  await fs.promises.mkdir(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  await writeAndSync(temporary, bytes)
  await fs.promises.rename(temporary, file)
  await syncDirectory(path.dirname(file))
}
