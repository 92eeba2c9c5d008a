import { badRequest, LakeError } from './errors'

/**
 * A request's body, refused with 413 once it passes `limit` bytes: by its Content-Length before
 * anything is read, or while it streams in.
 */
export async function readBody(request: Request, limit: number): Promise<Buffer> {
  const tooLarge = () => new LakeError(413, 'payloadTooLarge', `The request body is over the limit of ${Math.round(limit / 1024 / 1024)} MB.`)
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > limit) throw tooLarge()
  if (!request.body) return Buffer.alloc(0)
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
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
