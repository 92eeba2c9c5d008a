import type { ValidationContext } from 'sanity'

/** Link schemes an editor may use in body text: the web, e-mail, and pages of this site. */
export const LINK_SCHEMES = ['http', 'https', 'mailto']

/**
 * Alt text is required as soon as an image is chosen, and only then: an empty
 * image field needs no description, a chosen one always does.
 */
export function altRequiredWithImage(alt: string | undefined, context: ValidationContext) {
  const image = context.parent as { asset?: unknown } | undefined
  if (image?.asset && !alt?.trim()) {
    return 'Describe the image for readers who cannot see it (alt text).'
  }
  return true
}

/** A correction puts right what was published, so it cannot be dated before the publication. */
export function notBeforePublication(date: string | undefined, context: ValidationContext) {
  const publishedAt = (context.document as { publishedAt?: string } | undefined)?.publishedAt
  if (date && publishedAt && Date.parse(date) < Date.parse(publishedAt)) return 'A correction cannot come before the publication time.'
  return true
}
