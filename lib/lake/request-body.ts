import { readBodyWithin } from '@/lib/request-body'
import { badRequest, LakeError } from './errors'

/** A request's body, refused with 413 once it passes `limit` bytes (lib/request-body.ts). */
export async function readBody(request: Request, limit: number): Promise<Buffer> {
  const body = await readBodyWithin(request, limit)
  if (!body) throw new LakeError(413, 'payloadTooLarge', `The request body is over the limit of ${Math.round(limit / 1024 / 1024)} MB.`)
  return body
}

/** A JSON body, at most `limit` bytes; anything else is a 400 that says why. */
export async function readJson<T>(request: Request, limit: number): Promise<T> {
  const bytes = await readBody(request, limit)
  try {
    return JSON.parse(bytes.toString('utf8')) as T
  } catch (error) {
    throw badRequest(`The request body is not valid JSON: ${(error as Error).message}`)
  }
}

/** A JSON object body (a query, a channel request, mutations or actions): `null`, an array or a scalar is a 400. */
export async function readJsonObject<T extends object>(request: Request, limit: number): Promise<Partial<T>> {
  const body = await readJson<unknown>(request, limit)
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The request body must be a JSON object.')
  return body as Partial<T>
}
