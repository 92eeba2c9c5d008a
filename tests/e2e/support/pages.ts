// Pages that the accessibility and HTML validity checks cover.
export const SEED_ARTICLE = '/articles/one-belt-one-road-creates-opportunities-for-central-asia'

/** A search with results (words marked) and a topic page. */
export const SEARCH_PAGE = '/search?q=kyrgyzstan'
export const TAG_PAGE = '/tags/central-asia'

export const KEY_PAGES = ['/', '/sections/world', SEED_ARTICLE, '/people/he-yuting', SEARCH_PAGE, TAG_PAGE]
export const MOBILE_PAGES = ['/', SEED_ARTICLE, SEARCH_PAGE]
