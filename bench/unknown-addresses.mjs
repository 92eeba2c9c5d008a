// Made-up addresses of each kind the site routes: unknown slugs, tags and people, pages far past the end.

/** A generator of such addresses, drawing from `random` (a seeded prng). */
export function unknownAddress(random) {
  const word = () => Math.floor(random() * 36 ** 8).toString(36)
  const far = () => 10_000 + Math.floor(random() * 1e6)
  const kinds = [
    () => `/articles/${word()}`,
    () => `/articles/${word()}/share-card`,
    () => `/latest/page/${far()}`,
    () => `/sections/${word()}`,
    () => `/sections/world/page/${far()}`,
    () => `/tags/${word()}`,
    () => `/people/${word()}`,
    () => `/people/${word()}/rss.xml`,
  ]
  return () => kinds[Math.floor(random() * kinds.length)]()
}
