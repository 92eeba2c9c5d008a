import { defineField, defineType } from 'sanity'

/** The publisher or wire service a story comes from, credited on the article. */
export const source = defineType({
  name: 'source',
  title: 'Source',
  type: 'object',
  fields: [
    defineField({
      name: 'name',
      title: 'Publisher or wire',
      type: 'string',
      validation: (rule) => rule.required().error('Name the publisher or wire service, or remove the source.'),
    }),
    defineField({
      name: 'url',
      title: 'Original URL',
      type: 'url',
      validation: (rule) => rule.uri({ scheme: ['http', 'https'] }).error('Use a web address starting with https://.'),
    }),
  ],
})
