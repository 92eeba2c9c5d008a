import type { z } from 'zod'
import { log } from '@/lib/log'

const idOf = (value: unknown) =>
  typeof value === 'object' && value !== null && typeof (value as { _id?: unknown })._id === 'string' ? (value as { _id: string })._id : '(no _id)'

const describe = (error: z.ZodError) => error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')

/**
 * Validates one document. On failure it logs an error naming the document and the
 * failing path, and answers undefined, so the caller can answer "not found".
 */
export function validateDocument<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> | undefined {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  log.error(`${what} ${idOf(value)} failed validation and is not shown: ${describe(result.error)}`)
  return undefined
}

/** Validates each item of a listing; an invalid item is left out with one warning, the rest are kept. */
export function validateEach<S extends z.ZodType>(schema: S, values: unknown, what: string): z.output<S>[] {
  if (!Array.isArray(values)) return []
  return values.flatMap((value) => {
    const result = schema.safeParse(value)
    if (result.success) return [result.data]
    log.warn(`${what} ${idOf(value)} left out of a listing: ${describe(result.error)}`)
    return []
  })
}
