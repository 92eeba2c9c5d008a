import { defineField, defineType } from 'sanity'

export const section = defineType({
  name: 'section',
  title: 'Section',
  type: 'document',
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      validation: (rule) => rule.required().error('Name the section, e.g. "World".'),
    }),
    defineField({
      name: 'slug',
      title: 'URL slug',
      type: 'slug',
      options: { source: 'title', maxLength: 64 },
      validation: (rule) => rule.required().error('Generate a URL slug from the title.'),
    }),
    defineField({ name: 'description', title: 'Description', type: 'text', rows: 2 }),
    defineField({
      name: 'order',
      title: 'Order in navigation',
      type: 'number',
      description: 'Sections are listed from the lowest number to the highest.',
      validation: (rule) => rule.integer().min(0).error('Use a whole number, 0 or more.'),
    }),
  ],
  orderings: [{ title: 'Navigation order', name: 'orderAsc', by: [{ field: 'order', direction: 'asc' }] }],
  preview: { select: { title: 'title', subtitle: 'slug.current' } },
})
