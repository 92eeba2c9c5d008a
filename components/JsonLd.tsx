import type { Thing, WithContext } from 'schema-dts'

/**
 * JSON for a <script> element. `<` (and `>`, `&`, and the two line separators that
 * old JavaScript parsers reject) become \u escapes: the JSON means the same, and text
 * such as `</script>` or `<!--` in a headline cannot end the script early.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** Structured data for search engines, from a builder in lib/seo/structured-data.ts. */
export function JsonLd({ data }: { data: WithContext<Thing> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
}
