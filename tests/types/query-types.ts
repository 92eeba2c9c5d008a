/**
 * Type-level test, checked by `npm run test:types` (tsc): the types Sanity's typegen
 * derives from the schema and lib/content/queries.ts (sanity/types.ts, made by
 * `npm run typegen`) agree with the zod schemas the content layer validates against.
 * - every field the zod schema keeps is one the query fetches, and the other way round;
 * - each fetched scalar, once present, is a value the zod type accepts.
 * A query or schema change that breaks either rule fails the type check.
 */
import type { z } from 'zod'
import type {
  ArticleCardSchema,
  ArticleSchema,
  BylineSchema,
  CorrectionEntrySchema,
  CorrectionSchema,
  ImageSchema,
  PersonSchema,
  SectionSchema,
  SiteSettingsSchema,
} from '@/lib/content/schemas'
import type {
  ARTICLE_QUERY_RESULT,
  CORRECTIONS_QUERY_RESULT,
  LATEST_QUERY_RESULT,
  PERSON_QUERY_RESULT,
  SECTION_QUERY_RESULT,
  SITE_CHROME_QUERY_RESULT,
} from '@/sanity/types'

type Expect<T extends true> = T
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
/** The keys of a query result, as the zod schema names them (listing extras aside). */
type Fetched<T, Extra extends string = never> = Exclude<keyof NonNullable<T>, Extra>
/** A fetched value, once present, is accepted as the zod output type. */
type Fits<Fetched, Validated> = [NonNullable<Fetched>] extends [NonNullable<Validated>] ? true : false

type Article = NonNullable<ARTICLE_QUERY_RESULT>
type Card = LATEST_QUERY_RESULT['items'][number]
type Byline = NonNullable<Article['bylines']>[number]
type HeroImage = NonNullable<Article['heroImage']>
type ArticleCorrection = NonNullable<Article['corrections']>[number]
type CorrectionRow = NonNullable<CORRECTIONS_QUERY_RESULT['items'][number]>

export type Checks = [
  // Same fields on both sides.
  Expect<Equal<Fetched<Article>, keyof z.output<typeof ArticleSchema>>>,
  Expect<Equal<Fetched<Card>, keyof z.output<typeof ArticleCardSchema>>>,
  Expect<Equal<Fetched<Byline>, keyof z.output<typeof BylineSchema>>>,
  Expect<Equal<Fetched<HeroImage>, keyof z.output<typeof ImageSchema>>>,
  Expect<Equal<Fetched<ArticleCorrection>, keyof z.output<typeof CorrectionSchema>>>,
  Expect<Equal<Fetched<CorrectionRow>, keyof z.output<typeof CorrectionEntrySchema>>>,
  Expect<Equal<Fetched<CorrectionRow['article']>, keyof z.output<typeof CorrectionEntrySchema>['article']>>,
  Expect<Equal<Fetched<PERSON_QUERY_RESULT, 'items' | 'total'>, keyof z.output<typeof PersonSchema>>>,
  Expect<Equal<Fetched<SECTION_QUERY_RESULT, 'items' | 'total'>, keyof z.output<typeof SectionSchema>>>,
  Expect<Equal<Fetched<SITE_CHROME_QUERY_RESULT['settings']>, keyof z.output<typeof SiteSettingsSchema>>>,
  // Scalars the schema validates are the types the query returns.
  Expect<Fits<Article['headline'], z.output<typeof ArticleSchema>['headline']>>,
  Expect<Fits<Article['publishedAt'], z.output<typeof ArticleSchema>['publishedAt']>>,
  Expect<Fits<Article['keyPoints'], z.output<typeof ArticleSchema>['keyPoints']>>,
  Expect<Fits<Article['tags'], z.output<typeof ArticleSchema>['tags']>>,
  Expect<Fits<Article['readingTimeOverride'], z.output<typeof ArticleSchema>['readingTimeOverride']>>,
  Expect<Fits<Byline['role'], z.output<typeof BylineSchema>['role']>>,
  Expect<Fits<NonNullable<HeroImage['asset']>['width'], z.output<typeof ImageSchema>['asset']['width']>>,
  Expect<Fits<ArticleCorrection['date'], z.output<typeof CorrectionSchema>['date']>>,
  Expect<Fits<Card['updatedAt'], z.output<typeof ArticleCardSchema>['updatedAt']>>,
  Expect<Fits<Card['standfirst'], z.output<typeof ArticleCardSchema>['standfirst']>>,
  Expect<Fits<NonNullable<SITE_CHROME_QUERY_RESULT['settings']>['timeZone'], z.output<typeof SiteSettingsSchema>['timeZone']>>,
]
