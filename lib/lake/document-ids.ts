import { randomUUID } from 'node:crypto'
import { badRequest } from './errors'

/** Sanity's rules for a new document's id: none makes a random one, one ending in `.` is a prefix for it. */
export function newDocumentId(requested: unknown): string {
  if (requested === undefined || requested === '') return randomUUID()
  if (typeof requested !== 'string') throw badRequest('"_id" must be a string.')
  return requested.endsWith('.') ? requested + randomUUID() : requested
}

/** Ids as Sanity accepts them: letters, digits, `_`, `-` and `.` separating parts, at most 128 characters. */
export const isValidDocumentId = (id: unknown): id is string =>
  typeof id === 'string' && id.length > 0 && id.length <= 128 && /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(id)
