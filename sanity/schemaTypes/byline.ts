import { defineField, defineType } from 'sanity'

export const BYLINE_ROLES = [
  { title: 'Author', value: 'author' },
  { title: 'Editor', value: 'editor' },
  { title: 'Photographer', value: 'photographer' },
  { title: 'Translator', value: 'translator' },
  { title: 'Contributor', value: 'contributor' },
] as const

/** One person's credit on an article, with the part they played. */
export const byline = defineType({
  name: 'byline',
  title: 'Byline',
  type: 'object',
  fields: [
    defineField({
      name: 'person',
      title: 'Person',
      type: 'reference',
      to: [{ type: 'person' }],
      validation: (rule) => rule.required().error('Choose the person to credit.'),
    }),
    defineField({
      name: 'role',
      title: 'Role',
      type: 'string',
      initialValue: 'author',
      options: { list: [...BYLINE_ROLES], layout: 'radio', direction: 'horizontal' },
      validation: (rule) => rule.required().error('Say what this person did: author, editor, photographer, translator or contributor.'),
    }),
  ],
  preview: {
    select: { name: 'person.name', role: 'role', media: 'person.portrait' },
    prepare: ({ name, role, media }) => ({ title: name ?? 'No person chosen', subtitle: role, media }),
  },
})
