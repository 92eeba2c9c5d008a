/** The id of the one siteSettings document. Kept apart from the schema so light modules can use it. */
export const SITE_SETTINGS_ID = 'siteSettings'
