/**
 * The digest of a LakeUnavailableError (lib/content/sources/lake-outage.ts). Next keeps a digest
 * an error already has, and hands only the digest to the error page in the browser: it is how
 * that page tells an outage of the Content Lake from a bug. A module of its own, for the client.
 */
export const LAKE_UNAVAILABLE_DIGEST = 'CONTENT_LAKE_UNAVAILABLE'
