import { defineField } from 'sanity'
import { altRequiredWithImage } from './rules'

/** Fields shared by every editorial image: alt text (required once an image is set) and a caption. */
export const altField = defineField({
  name: 'alt',
  title: 'Alternative text',
  type: 'string',
  description: 'What the image shows, for readers using screen readers.',
  validation: (rule) => rule.custom(altRequiredWithImage),
})

export const captionField = defineField({
  name: 'caption',
  title: 'Caption',
  type: 'string',
})
