/** The site's URL scheme, in one place. Page 1 of a listing has no /page/ segment. */
const paged = (base: string, page = 1) => (page > 1 ? `${base}/page/${page}` : base)

export const routes = {
  home: () => '/',
  latest: (page?: number) => paged('/latest', page),
  article: (slug: string) => `/articles/${encodeURIComponent(slug)}`,
  section: (slug: string, page?: number) => paged(`/sections/${encodeURIComponent(slug)}`, page),
  person: (slug: string, page?: number) => paged(`/people/${encodeURIComponent(slug)}`, page),
}

/**
 * Reads the page number of a /page/<n> segment. Only canonical numbers count
 * ("2", not "02" or "2.0"); page 1 lives at the listing's own URL.
 */
export function parsePageParam(value: string): number | undefined {
  if (!/^[1-9][0-9]{0,5}$/.test(value)) return undefined
  const page = Number(value)
  return page >= 2 ? page : undefined
}
