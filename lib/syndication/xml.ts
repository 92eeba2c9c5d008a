/** Helpers for the XML the site writes by hand (sitemaps). */

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'

// Characters XML 1.0 does not allow at all: C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Removes characters XML cannot carry, even escaped (an editor's pasted control character). */
export const xmlSafe = (value: string) => value.replace(NOT_XML, '')

/** Text or attribute content, escaped. */
export const xmlText = (value: string) =>
  xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')

/** `<name>text</name>`, escaped; nothing when the value is missing. */
export const element = (name: string, value: string | undefined) => (value === undefined ? '' : `<${name}>${xmlText(value)}</${name}>`)

/** The later of two instants given as ISO strings (either may be missing). */
export function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return Date.parse(b) > Date.parse(a) ? b : a
}

/** Absolute URL for a site path (from lib/routes.ts), on the configured site URL (which has no trailing slash). */
export const absolute = (siteUrl: string, path: string) => `${siteUrl}${path}`
