// Pages that the accessibility and HTML validity checks cover.
export const SEED_ARTICLE = '/articles/one-belt-one-road-creates-opportunities-for-central-asia'

/** A search with results (words marked) and a topic page. */
export const SEARCH_PAGE = '/search?q=kyrgyzstan'
export const TAG_PAGE = '/tags/central-asia'

/** The demo's corrected article (a notice above the body, Updated from its correction) and the corrections page. */
export const CORRECTED_ARTICLE = '/articles/mekong-drought-rice-planting'
export const CORRECTIONS_PAGE = '/corrections'

export const KEY_PAGES = ['/', '/sections/world', SEED_ARTICLE, '/people/he-yuting', SEARCH_PAGE, TAG_PAGE, CORRECTED_ARTICLE, CORRECTIONS_PAGE]
export const MOBILE_PAGES = ['/', SEED_ARTICLE, SEARCH_PAGE]
