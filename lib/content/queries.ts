import { defineQuery } from 'groq'

/**
 * Every GROQ query the site runs. Fragments are plain strings spliced into the
 * queries so that each projection is written once.
 */

const imageAsset = /* groq */ `"asset": asset->{ _id, "width": metadata.dimensions.width, "height": metadata.dimensions.height, "lqip": metadata.lqip }`

const image = /* groq */ `{ ${imageAsset}, alt, caption, credit, hotspot, crop }`

const sectionLink = /* groq */ `{ _id, title, "slug": slug.current }`

const personLink = /* groq */ `{ _id, name, "slug": slug.current }`

const articleCard = /* groq */ `{
  _id, headline, "slug": slug.current, standfirst, publishedAt, updatedAt, language,
  "section": section->${sectionLink},
  "heroImage": heroImage${image},
  "authors": bylines[role == "author" && defined(person->slug.current)].person->${personLink}
}`

const publishedArticle = /* groq */ `_type == "article" && defined(slug.current) && defined(publishedAt)`

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

export const ARTICLE_QUERY = defineQuery(`*[${publishedArticle} && slug.current == $slug][0]{
  _id, headline, "slug": slug.current, standfirst, keyPoints, tags, publishedAt, updatedAt, readingTimeOverride, language,
  "section": section->${sectionLink},
  "heroImage": heroImage${image},
  "bylines": bylines[defined(person->slug.current)]{ _key, role, "person": person->{ ...${personLink}, jobTitle } },
  "source": source{ name, url },
  "body": body[]{
    ...,
    _type == "image" => { ${imageAsset} }
  }
}`)

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

export const ARTICLE_SLUGS_QUERY = defineQuery(`*[${publishedArticle}].slug.current`)

export const SECTION_SLUGS_QUERY = defineQuery(`*[_type == "section" && defined(slug.current)].slug.current`)

export const PERSON_SLUGS_QUERY = defineQuery(`*[_type == "person" && defined(slug.current)].slug.current`)
