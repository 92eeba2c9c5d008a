import type { DocumentLocationResolverObject, PresentationPluginOptions } from 'sanity/presentation'
import { routes } from '../../lib/routes'

type Named = { title?: string; name?: string; headline?: string; slug?: string; correctedAt?: string }

// Typed like sanity/presentation's defineLocations (an identity function), without loading the Studio bundle.
const defineLocations = <K extends string>(resolver: DocumentLocationResolverObject<K>) => resolver

const at = (title: string | undefined, href: string) => ({ title: title ?? 'Untitled', href })

/** Where each document shows on the site, for the Presentation tool: its own page, the front page, and /corrections once corrected. */
export const locations = {
  article: defineLocations({
    select: { headline: 'headline', slug: 'slug.current', correctedAt: 'corrections.0.date' },
    resolve: (doc: Named | null) =>
      doc?.slug
        ? {
            locations: [
              at(doc.headline, routes.article(doc.slug)),
              at('Front page', routes.home()),
              ...(doc.correctedAt ? [at('Corrections', routes.corrections())] : []),
            ],
          }
        : null,
  }),
  person: defineLocations({
    select: { name: 'name', slug: 'slug.current' },
    resolve: (doc: Named | null) => (doc?.slug ? { locations: [at(doc.name, routes.person(doc.slug))] } : null),
  }),
  section: defineLocations({
    select: { title: 'title', slug: 'slug.current' },
    resolve: (doc: Named | null) => (doc?.slug ? { locations: [at(doc.title, routes.section(doc.slug)), at('Front page', routes.home())] } : null),
  }),
} satisfies NonNullable<PresentationPluginOptions['resolve']>['locations']
