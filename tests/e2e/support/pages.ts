// Pages that the accessibility and HTML validity checks cover.
export const SEED_ARTICLE = '/articles/one-belt-one-road-creates-opportunities-for-central-asia'

export const KEY_PAGES = ['/', '/sections/world', SEED_ARTICLE, '/people/he-yuting']
export const MOBILE_PAGES = ['/', SEED_ARTICLE]
