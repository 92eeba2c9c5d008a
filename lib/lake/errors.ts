/**
 * An answer of the local Content Lake that is not a success, in Sanity's error shape
 * (`{ error: { description, type } }`) and status, so the Studio shows it as it would
 * the Content Lake's.
 */
export class LakeError extends Error {
  override name = 'LakeError'
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 503,
    readonly type: string,
    description: string,
  ) {
    super(description)
  }
}

export const badRequest = (description: string) => new LakeError(400, 'validationError', description)
export const conflict = (description: string) => new LakeError(409, 'mutationError', description)
export const notFound = (description: string) => new LakeError(404, 'notFoundError', description)
