import { defineArrayMember, defineField, defineType } from 'sanity'
import { altField, captionField } from './imageWithAlt'
import { LINK_SCHEMES } from './rules'

/** The article body: paragraphs, two heading levels, quotes, links and images. */
export const blockContent = defineType({
  name: 'blockContent',
  title: 'Body',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        { title: 'Paragraph', value: 'normal' },
        { title: 'Heading', value: 'h2' },
        { title: 'Subheading', value: 'h3' },
        { title: 'Quote', value: 'blockquote' },
      ],
      lists: [
        { title: 'Bullets', value: 'bullet' },
        { title: 'Numbers', value: 'number' },
      ],
      marks: {
        decorators: [
          { title: 'Strong', value: 'strong' },
          { title: 'Emphasis', value: 'em' },
        ],
        annotations: [
          defineArrayMember({
            name: 'link',
            title: 'Link',
            type: 'object',
            fields: [
              defineField({
                name: 'href',
                title: 'URL',
                type: 'url',
                description: 'A web address (https://…), an e-mail link (mailto:…) or a page of this site (/sections/world).',
                validation: (rule) =>
                  rule
                    .required()
                    .uri({ scheme: LINK_SCHEMES, allowRelative: true })
                    .error('Use a web address starting with https://, a mailto: link, or a path of this site starting with /.'),
              }),
            ],
          }),
        ],
      },
    }),
    defineArrayMember({
      type: 'image',
      options: { hotspot: true },
      fields: [altField, captionField],
    }),
  ],
})
