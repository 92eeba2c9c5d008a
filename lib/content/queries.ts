import { defineQuery } from 'groq'

/**
 * Every GROQ query the site runs. Fragments are plain strings spliced into the
 * queries so that each projection is written once.
 */

const imageAsset = /* groq */ `"asset": asset->{ _id, "width": metadata.dimensions.width, "height": metadata.dimensions.height, "lqip": metadata.lqip }`

const image = /* groq */ `{ ${imageAsset}, alt, caption, credit, hotspot, crop }`

const sectionLink = /* groq */ `{ _id, title, "slug": slug.current }`

const personLink = /* groq */ `{ _id, name, "slug": slug.current }`

/** A correction whose date GROQ can read; any other is left out here and by the site's validation alike. */
const dated = /* groq */ `defined(dateTime(date))`

const datedCorrections = /* groq */ `corrections[${dated}]`

/** The one no other is later than; a filter, not order(), so groq-js sorts nothing per article (tests/unit/query-plan.test.ts). */
const newestCorrection = /* groq */ `${datedCorrections}[count(^.${datedCorrections}[dateTime(date) > dateTime(^.date)]) == 0][0].date`

/**
 * When the article last changed after publication: the editor's "Updated at" or its newest
 * correction, whichever is later. Every dateline, dateModified, sitemap lastmod and feed date reads this.
 */
const updatedAt = /* groq */ `"updatedAt": select(
  !defined(${newestCorrection}) || dateTime(updatedAt) >= dateTime(${newestCorrection}) => updatedAt,
  ${newestCorrection}
)`

/** In the editor's order; lib/content/schemas.ts puts them newest first. */
const corrections = /* groq */ `"corrections": ${datedCorrections}{ _key, date, text }`

const articleCard = /* groq */ `{
  _id, headline, "slug": slug.current, standfirst, publishedAt, ${updatedAt}, language,
  "section": section->${sectionLink},
  "heroImage": heroImage${image},
  "authors": bylines[role == "author" && defined(person->slug.current)].person->${personLink}
}`

const publishedArticle = /* groq */ `_type == "article" && defined(slug.current) && defined(publishedAt)`

/** Of every published article, flattened (an article without corrections adds nothing, not a null). */
const everyDatedCorrection = /* groq */ `(*[${publishedArticle}].corrections[])[${dated}]`

export const SITE_CHROME_QUERY = defineQuery(`{
  "settings": *[_id == "siteSettings"][0]{ title, description, language, timeZone, "logo": logo${image}, "shareImage": shareImage${image} },
  "sections": *[_type == "section" && defined(slug.current)] | order(order asc, title asc)${sectionLink}
}`)

export const FRONT_PAGE_QUERY = defineQuery(`{
  "latest": *[${publishedArticle}] | order(publishedAt desc)[0...$latestCount]${articleCard},
  "sections": *[_type == "section" && defined(slug.current)] | order(order asc, title asc){
    ...${sectionLink},
    "articles": *[${publishedArticle} && section._ref == ^._id] | order(publishedAt desc)[0...$perSection]${articleCard}
  }
}`)

const articleFields = /* groq */ `{
  _id, headline, "slug": slug.current, standfirst, keyPoints, tags, publishedAt, ${updatedAt}, readingTimeOverride, language, ${corrections},
  "section": section->${sectionLink},
  "heroImage": heroImage${image},
  "bylines": bylines[defined(person->slug.current)]{ _key, role, "person": person->{ ...${personLink}, jobTitle, "links": links[]{ _key, label, url } } },
  "source": source{ name, url },
  "body": body[]{
    ...,
    _type == "image" => { ${imageAsset} }
  }
}`

export const ARTICLE_QUERY = defineQuery(`*[${publishedArticle} && slug.current == $slug][0]${articleFields}`)

/** A draft being previewed may not have a publication time yet. */
export const ARTICLE_PREVIEW_QUERY = defineQuery(`*[_type == "article" && slug.current == $slug][0]${articleFields}`)

export const LATEST_QUERY = defineQuery(`{
  "items": *[${publishedArticle}] | order(publishedAt desc)[$start...$end]${articleCard},
  "total": count(*[${publishedArticle}])
}`)

export const SECTION_QUERY = defineQuery(`*[_type == "section" && slug.current == $slug][0]{
  ...${sectionLink}, description,
  "items": *[${publishedArticle} && section._ref == ^._id] | order(publishedAt desc)[$start...$end]${articleCard},
  "total": count(*[${publishedArticle} && section._ref == ^._id])
}`)

export const PERSON_QUERY = defineQuery(`*[_type == "person" && slug.current == $slug][0]{
  ...${personLink}, jobTitle, bio, "portrait": portrait${image}, "links": links[]{ _key, label, url },
  "items": *[${publishedArticle} && ^._id in bylines[].person._ref] | order(publishedAt desc)[$start...$end]${articleCard},
  "total": count(*[${publishedArticle} && ^._id in bylines[].person._ref])
}`)

/**
 * Every correction of a published article, newest first, with the article it corrects. Each
 * article's corrections are projected inside it (so `^` is the article), then flattened.
 */
export const CORRECTIONS_QUERY = defineQuery(`{
  "items": (*[${publishedArticle} && defined(corrections)]{
    "list": ${datedCorrections}{ _key, date, text, "article": ^{ _id, headline, "slug": slug.current, language, "section": section->${sectionLink} } }
  }.list[] | order(dateTime(date) desc, article.slug asc, _key asc))[$start...$end],
  "total": count(${everyDatedCorrection})
}`)

export const ARTICLE_SLUGS_QUERY = defineQuery(`*[${publishedArticle}].slug.current`)

export const SECTION_SLUGS_QUERY = defineQuery(`*[_type == "section" && defined(slug.current)].slug.current`)

export const PERSON_SLUGS_QUERY = defineQuery(`*[_type == "person" && defined(slug.current)].slug.current`)

// Syndication: feeds, sitemaps and the Google News sitemap (lib/content/syndication.ts).

const feedArticle = /* groq */ `{
  _id, headline, "slug": slug.current, standfirst, keyPoints, tags, publishedAt, ${updatedAt}, language,
  "section": section->${sectionLink},
  "heroImage": heroImage${image},
  "authors": bylines[role == "author" && defined(person->slug.current)].person->${personLink}
}`

export const SITE_FEED_QUERY = defineQuery(`*[${publishedArticle}] | order(publishedAt desc)[0...$limit]${feedArticle}`)

export const SECTION_FEED_QUERY = defineQuery(`*[_type == "section" && slug.current == $slug][0]{
  ...${sectionLink}, description,
  "items": *[${publishedArticle} && section._ref == ^._id] | order(publishedAt desc)[0...$limit]${feedArticle}
}`)

export const PERSON_FEED_QUERY = defineQuery(`*[_type == "person" && slug.current == $slug][0]{
  ...${personLink}, bio,
  "items": *[${publishedArticle} && ^._id in bylines[].person._ref] | order(publishedAt desc)[0...$limit]${feedArticle}
}`)

export const SITEMAP_QUERY = defineQuery(`{
  "articles": *[${publishedArticle}] | order(publishedAt desc){
    "slug": slug.current, headline, publishedAt, ${updatedAt}, tags,
    "section": section->slug.current,
    "people": bylines[].person->slug.current
  },
  "sections": *[_type == "section" && defined(slug.current)] | order(order asc, title asc).slug.current,
  "people": *[_type == "person" && defined(slug.current)] | order(name asc).slug.current,
  "correctedAt": (${everyDatedCorrection} | order(dateTime(date) desc))[0].date
}`)

export const NEWS_SITEMAP_QUERY = defineQuery(`*[${publishedArticle} && dateTime(publishedAt) >= dateTime($since)] | order(publishedAt desc){
  _id, headline, "slug": slug.current, publishedAt, ${updatedAt}, language
}`)

// Search, tags and related articles. `$terms` holds `match` patterns built by
// lib/search-terms.ts from the reader's words; it is always a parameter, never spliced in.

/** Every word of the query must appear somewhere in the headline, standfirst, key points or body. */
const searchMatch = /* groq */ `([headline, coalesce(standfirst, ""), pt::text(body)] + coalesce(keyPoints, [])) match $terms`

/** Headline matches count most, then the standfirst and key points, then the body. */
const searchScore = /* groq */ `score(
  boost(headline match $terms, 3),
  boost(standfirst match $terms, 2),
  boost(keyPoints match $terms, 2),
  pt::text(body) match $terms
)`

export const SEARCH_QUERY = defineQuery(`{
  "items": *[${publishedArticle} && ${searchMatch}] | ${searchScore} | order(_score desc, publishedAt desc)[$start...$end]${articleCard},
  "total": count(*[${publishedArticle} && ${searchMatch}])
}`)

export const TAG_QUERY = defineQuery(`{
  "items": *[${publishedArticle} && $tag in tags] | order(publishedAt desc)[$start...$end]${articleCard},
  "total": count(*[${publishedArticle} && $tag in tags])
}`)

export const TAGS_QUERY = defineQuery(`array::compact(array::unique(*[${publishedArticle} && defined(tags)].tags[]))`)

/**
 * Articles in the same section or sharing a tag, among the newest `$window`: most shared tags
 * first, then the same section, then newest. The window bounds the work (each candidate's
 * shared tags are counted) however large the archive grows.
 */
export const RELATED_QUERY =
  defineQuery(`(*[${publishedArticle}] | order(publishedAt desc)[0...$window])[_id != $id && (section._ref == $section || count(coalesce(tags, [])[@ in $tags]) > 0)]
  | order(count(coalesce(tags, [])[@ in $tags]) desc, (section._ref == $section) desc, publishedAt desc)[0...$limit]${articleCard}`)

// Webhook revalidation (app/api/revalidate). Webhook projections cannot run sub-queries,
// so the route asks which articles show a changed person or section.

/** Slugs of the published articles that reference a document (a person in a byline, their section). */
export const REFERENCING_ARTICLES_QUERY = defineQuery(`*[${publishedArticle} && references($id)].slug.current`)
