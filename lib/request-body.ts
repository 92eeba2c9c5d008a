/**
 * A request's body, or undefined once it is larger than `limit` bytes: refused by its
 * Content-Length before anything is read; without one (a chunked upload), or past what it
 * declared, as soon as the bytes read pass the limit, the rest of the upload cancelled and
 * nothing beyond the limit kept. Callers answer 413 for undefined.
 */
export async function readBodyWithin(request: Request, limit: number): Promise<Buffer | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return undefined
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
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
