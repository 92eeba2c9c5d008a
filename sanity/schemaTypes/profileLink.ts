import { defineField, defineType } from 'sanity'

/** A link from a person's profile to elsewhere: their site, a social profile. */
export const profileLink = defineType({
  name: 'profileLink',
  title: 'Profile link',
  type: 'object',
  fields: [
    defineField({
      name: 'label',
      title: 'Label',
      type: 'string',
      validation: (rule) => rule.required().error('Say where the link goes, e.g. "Website" or "Mastodon".'),
    }),
    defineField({
      name: 'url',
      title: 'URL',
      type: 'url',
      validation: (rule) =>
        rule
          .required()
          .uri({ scheme: ['http', 'https'] })
          .error('Use a web address starting with https://.'),
    }),
  ],
})
