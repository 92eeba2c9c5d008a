import fs from 'node:fs'
import type { SanityDocument } from './ndjson'

/**
 * The local store's write-ahead journal (docs/local-content-lake.md, "Durability"): one line per
 * committed transaction, appended and flushed to disk (fdatasync) before the transaction is
 * acknowledged, and a checkpoint line each time the dataset file has been rewritten with every
 * transaction up to one. At start the transactions after the last checkpoint are applied again
 * over the file; each holds the whole document after it, so applying one twice changes nothing.
 *
 * The journal is also the documents' history (the Studio's history panel): it is kept whole.
 */
export type JournalChange = {
  id: string
  /** The document before, for its first change in the journal: the revision that came with the file. */
  before?: SanityDocument | null
  after: SanityDocument | null
}
export type JournalTransaction = { t: 'tx'; id: string; timestamp: string; author: string; changes: JournalChange[] }
type Checkpoint = { t: 'checkpoint'; upTo: string }
type Entry = JournalTransaction | Checkpoint

/** Where a transaction is in the journal file, to read its documents back for the history. */
export type JournalLocation = { offset: number; length: number }

export type ReadJournal = {
  /** Every transaction, in order, with where it is. */
  transactions: { transaction: JournalTransaction; at: JournalLocation }[]
  /** The transactions the dataset file does not hold yet: those after the last checkpoint. */
  pending: JournalTransaction[]
}

/**
 * Reads the journal; a missing one is empty. A last line cut short by a crash (it was never
 * acknowledged) is cut off the file, so the next append starts on a line of its own.
 */
export function readJournal(file: string): ReadJournal {
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { transactions: [], pending: [] }
    throw error
  }
  const transactions: ReadJournal['transactions'] = []
  let pendingFrom = 0
  let offset = 0
  while (offset < bytes.length) {
    const newline = bytes.indexOf(0x0a, offset)
    if (newline < 0) {
      fs.truncateSync(file, offset)
      break
    }
    const entry = JSON.parse(bytes.toString('utf8', offset, newline)) as Entry
    if (entry.t === 'tx') transactions.push({ transaction: entry, at: { offset, length: newline - offset } })
    else {
      const index = transactions.findIndex(({ transaction }) => transaction.id === entry.upTo)
      pendingFrom = index + 1
    }
    offset = newline + 1
  }
  return { transactions, pending: transactions.slice(pendingFrom).map(({ transaction }) => transaction) }
}

/** Reads one transaction back from where readJournal or append said it is. */
export async function readTransactionAt(file: string, { offset, length }: JournalLocation): Promise<JournalTransaction> {
  const handle = await fs.promises.open(file, 'r')
  try {
    const bytes = Buffer.alloc(length)
    await handle.read(bytes, 0, length, offset)
    return JSON.parse(bytes.toString('utf8')) as JournalTransaction
  } finally {
    await handle.close()
  }
}

export class Journal {
  private handle?: fs.promises.FileHandle
  private size?: number

  constructor(readonly file: string) {}

  /** Appends a transaction; resolves once it is on disk, with where it is. */
  async append(transaction: Omit<JournalTransaction, 't'>): Promise<JournalLocation> {
    const line = JSON.stringify({ t: 'tx', ...transaction })
    return this.write(line)
  }

  /** Records that the dataset file holds every transaction up to this one. */
  async checkpoint(upTo: string): Promise<void> {
    await this.write(JSON.stringify({ t: 'checkpoint', upTo } satisfies Checkpoint))
  }

  private async write(line: string): Promise<JournalLocation> {
    if (!this.handle) {
      this.handle = await fs.promises.open(this.file, 'a')
      this.size = (await this.handle.stat()).size
    }
    const bytes = Buffer.from(line + '\n', 'utf8')
    const offset = this.size!
    await this.handle.write(bytes)
    await this.handle.datasync()
    this.size = offset + bytes.length
    return { offset, length: bytes.length - 1 }
  }

  async close() {
    await this.handle?.close()
    this.handle = undefined
  }
}
