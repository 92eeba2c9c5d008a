import 'server-only'
import { log } from '@/lib/log'
import { ARTICLE_PREVIEW_QUERY } from './queries'
import { readingTime } from './reading-time'
import { BodySchema, DraftArticleSchema, type DraftArticle } from './schemas'
import { contentSource } from './sources'

export type PreviewArticle = DraftArticle & { readingTimeMinutes: number }
export type ArticlePreview = { article: PreviewArticle; problems: string[] }

const FIELDS = DraftArticleSchema.shape
const BLOCK = BodySchema.element

/**
 * The draft of an article as a reviewer should see it. Unlike the public path, an
 * invalid draft is not hidden: every field that validates is kept, an invalid body
 * block is dropped, and each problem is reported so the page can name it.
 */
export async function getArticlePreview(slug: string): Promise<ArticlePreview | undefined> {
  const raw = (await contentSource().fetch(ARTICLE_PREVIEW_QUERY, { slug }, { perspective: 'drafts', tags: [] })) as Record<string, unknown> | null
  if (!raw) return undefined
  const strict = DraftArticleSchema.safeParse(raw)
  if (strict.success) return { article: withReadingTime(strict.data), problems: [] }

  const problems = strict.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`)
  log.warn(`Preview of ${String(raw._id)} shows a draft that fails validation: ${problems.join('; ')}`)
  return { article: withReadingTime(salvage(raw, slug)), problems }
}

function salvage(raw: Record<string, unknown>, slug: string) {
  const kept: Record<string, unknown> = {}
  for (const [key, schema] of Object.entries(FIELDS)) {
    const result = schema.safeParse(raw[key])
    if (result.success) kept[key] = result.data
  }
  const body = Array.isArray(raw.body)
    ? raw.body.flatMap((block) => {
        const result = BLOCK.safeParse(block)
        return result.success ? [result.data] : []
      })
    : []
  return {
    heroImage: undefined,
    keyPoints: [],
    tags: [],
    bylines: [],
    corrections: [],
    ...kept,
    _id: String(raw._id),
    headline: (kept.headline as string | undefined) ?? '(No headline yet)',
    slug,
    body,
  } as Omit<PreviewArticle, 'readingTimeMinutes'>
}

function withReadingTime<T extends Omit<PreviewArticle, 'readingTimeMinutes'>>(article: T) {
  return { ...article, readingTimeMinutes: readingTime(article) }
}
