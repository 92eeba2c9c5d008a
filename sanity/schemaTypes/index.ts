import { article } from './article'
import { blockContent } from './blockContent'
import { byline } from './byline'
import { correction } from './correction'
import { person } from './person'
import { profileLink } from './profileLink'
import { section } from './section'
import { siteSettings } from './siteSettings'
import { source } from './source'

export const schemaTypes = [article, person, section, siteSettings, blockContent, byline, correction, source, profileLink]
