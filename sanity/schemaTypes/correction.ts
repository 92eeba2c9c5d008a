import { defineField, defineType } from 'sanity'
import { notBeforePublication } from './rules'

export const CORRECTION_TEXT_MAX = 600

/**
 * A dated correction to a published article. Readers see it above the body, on /corrections
 * and in its feed; its date also counts as the article's last update (dateline, dateModified,
 * sitemaps, feeds), so an editor does not have to set "Updated at" as well.
 */
export const correction = defineType({
  name: 'correction',
  title: 'Correction',
  type: 'object',
  fields: [
    defineField({
      name: 'date',
      title: 'Corrected at',
      type: 'datetime',
      initialValue: () => new Date().toISOString(),
      validation: (rule) => [rule.required().error('Set the date and time of the correction.'), rule.custom(notBeforePublication)],
    }),
    defineField({
      name: 'text',
      title: 'What was corrected',
      type: 'text',
      rows: 3,
      description: 'Say what the article got wrong and what is right, e.g. "An earlier version gave the wrong year."',
      validation: (rule) => [
        rule.required().error('Say what was corrected.'),
        rule.max(CORRECTION_TEXT_MAX).error(`Keep a correction to ${CORRECTION_TEXT_MAX} characters or fewer.`),
      ],
    }),
  ],
  preview: {
    select: { text: 'text', date: 'date' },
    prepare: ({ text, date }) => ({ title: text ?? 'No text yet', subtitle: date?.slice(0, 10) }),
  },
})
