import { defineArrayMember, defineField, defineType } from 'sanity'
import { altField, captionField } from './imageWithAlt'

export const HEADLINE_MAX = 120
export const KEY_POINTS_MAX = 5
export const KEY_POINT_LENGTH_MAX = 200

/** A BCP 47 language tag such as en, zh-Hans or pt-BR. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/

export const article = defineType({
  name: 'article',
  title: 'Article',
  type: 'document',
  groups: [
    { name: 'story', title: 'Story', default: true },
    { name: 'credits', title: 'Credits' },
    { name: 'publishing', title: 'Publishing' },
  ],
  fields: [
    defineField({
      name: 'headline',
      title: 'Headline',
      type: 'string',
      group: 'story',
      validation: (rule) => [
        rule.required().error('Every article needs a headline.'),
        rule.max(HEADLINE_MAX).error(`Keep the headline to ${HEADLINE_MAX} characters or fewer.`),
      ],
    }),
    defineField({
      name: 'slug',
      title: 'URL slug',
      type: 'slug',
      group: 'story',
      description: 'The last part of the article’s address. Generate it from the headline.',
      options: { source: 'headline', maxLength: 96 },
      validation: (rule) => rule.required().error('Generate a URL slug from the headline.'),
    }),
    defineField({
      name: 'standfirst',
      title: 'Standfirst',
      type: 'text',
      rows: 3,
      group: 'story',
      description: 'One or two sentences under the headline that say what the story is.',
    }),
    defineField({
      name: 'keyPoints',
      title: 'Key points',
      type: 'array',
      group: 'story',
      of: [
        defineArrayMember({
          type: 'string',
          validation: (rule) => rule.max(KEY_POINT_LENGTH_MAX).error(`Keep each key point to ${KEY_POINT_LENGTH_MAX} characters or fewer.`),
        }),
      ],
      validation: (rule) => rule.max(KEY_POINTS_MAX).error(`Use at most ${KEY_POINTS_MAX} key points.`),
    }),
    defineField({
      name: 'heroImage',
      title: 'Main image',
      type: 'image',
      group: 'story',
      options: { hotspot: true },
      fields: [
        altField,
        captionField,
        defineField({ name: 'credit', title: 'Credit', type: 'string', description: 'Photographer or agency, e.g. "Photo: Reuters".' }),
      ],
    }),
    defineField({ name: 'body', title: 'Body', type: 'blockContent', group: 'story' }),
    defineField({
      name: 'section',
      title: 'Section',
      type: 'reference',
      to: [{ type: 'section' }],
      group: 'publishing',
      validation: (rule) => rule.required().error('Choose the section this article belongs to.'),
    }),
    defineField({
      name: 'tags',
      title: 'Tags',
      type: 'array',
      group: 'publishing',
      of: [defineArrayMember({ type: 'string' })],
      options: { layout: 'tags' },
    }),
    defineField({
      name: 'bylines',
      title: 'Bylines',
      type: 'array',
      group: 'credits',
      of: [defineArrayMember({ type: 'byline' })],
    }),
    defineField({ name: 'source', title: 'Source', type: 'source', group: 'credits' }),
    defineField({
      name: 'publishedAt',
      title: 'Published at',
      type: 'datetime',
      group: 'publishing',
      initialValue: () => new Date().toISOString(),
      validation: (rule) => rule.required().error('Set the date and time of publication.'),
    }),
    defineField({
      name: 'updatedAt',
      title: 'Updated at',
      type: 'datetime',
      group: 'publishing',
      description: 'Set only for a substantive update; readers see it beside the publication time. A correction counts as an update by itself.',
      validation: (rule) => rule.min(rule.valueOfField('publishedAt')).error('An update cannot come before the publication time.'),
    }),
    defineField({
      name: 'corrections',
      title: 'Corrections',
      type: 'array',
      group: 'publishing',
      description: 'Add one for each error put right after publication; readers see it above the story and on the corrections page.',
      of: [defineArrayMember({ type: 'correction' })],
    }),
    defineField({
      name: 'readingTimeOverride',
      title: 'Reading time (minutes)',
      type: 'number',
      group: 'publishing',
      description: 'Leave empty to compute it from the body.',
      validation: (rule) => rule.integer().min(1).max(240).error('Give a whole number of minutes between 1 and 240.'),
    }),
    defineField({
      name: 'language',
      title: 'Language',
      type: 'string',
      group: 'publishing',
      initialValue: 'en',
      description: 'A language tag such as en, zh-Hans or fr.',
      validation: (rule) => rule.regex(LANGUAGE_TAG, { name: 'language tag' }).error('Use a language tag such as en, zh-Hans or pt-BR.'),
    }),
  ],
  orderings: [{ title: 'Newest first', name: 'publishedAtDesc', by: [{ field: 'publishedAt', direction: 'desc' }] }],
  preview: {
    select: { title: 'headline', section: 'section.title', publishedAt: 'publishedAt', media: 'heroImage' },
    prepare: ({ title, section, publishedAt, media }) => ({
      title,
      subtitle: [section, publishedAt?.slice(0, 10)].filter(Boolean).join(' · '),
      media,
    }),
  },
})
