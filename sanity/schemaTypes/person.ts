import { defineArrayMember, defineField, defineType } from 'sanity'
import { altField } from './imageWithAlt'

export const person = defineType({
  name: 'person',
  title: 'Person',
  type: 'document',
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      validation: (rule) => rule.required().error('Enter the person’s name as it appears in bylines.'),
    }),
    defineField({
      name: 'slug',
      title: 'URL slug',
      type: 'slug',
      options: { source: 'name', maxLength: 96 },
      validation: (rule) => rule.required().error('Generate a URL slug from the name.'),
    }),
    defineField({ name: 'jobTitle', title: 'Job title', type: 'string' }),
    defineField({
      name: 'bio',
      title: 'Short bio',
      type: 'text',
      rows: 3,
      validation: (rule) => rule.max(600).warning('Keep the bio short: 600 characters or fewer.'),
    }),
    defineField({
      name: 'portrait',
      title: 'Portrait',
      type: 'image',
      options: { hotspot: true },
      fields: [altField],
    }),
    defineField({
      name: 'links',
      title: 'Profile links',
      type: 'array',
      of: [defineArrayMember({ type: 'profileLink' })],
    }),
  ],
  preview: { select: { title: 'name', subtitle: 'jobTitle', media: 'portrait' } },
})
