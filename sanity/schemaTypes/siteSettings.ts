import { defineField, defineType } from 'sanity'
import { altField } from './imageWithAlt'

/** The publication itself: one document, id SITE_SETTINGS_ID (sanity/constants.ts). */
export const siteSettings = defineType({
  name: 'siteSettings',
  title: 'Site settings',
  type: 'document',
  fields: [
    defineField({
      name: 'title',
      title: 'Publication name',
      type: 'string',
      validation: (rule) => rule.required().error('Enter the publication’s name.'),
    }),
    defineField({ name: 'description', title: 'Description', type: 'text', rows: 2 }),
    defineField({
      name: 'language',
      title: 'Language',
      type: 'string',
      initialValue: 'en',
      description: 'The language tag of the site, e.g. en.',
      validation: (rule) => rule.required().error('Set the site’s language, e.g. en.'),
    }),
    defineField({
      name: 'timeZone',
      title: 'Time zone',
      type: 'string',
      initialValue: 'UTC',
      description: 'The newsroom’s time zone (IANA name, e.g. Europe/London or Asia/Shanghai): dates are shown in it.',
      validation: (rule) =>
        rule.custom((zone?: string) => {
          if (!zone) return true
          try {
            new Intl.DateTimeFormat('en', { timeZone: zone })
            return true
          } catch {
            return 'Use a time zone name such as Europe/London or Asia/Shanghai.'
          }
        }),
    }),
    defineField({ name: 'logo', title: 'Logo', type: 'image', fields: [altField] }),
    defineField({
      name: 'shareImage',
      title: 'Default share image',
      type: 'image',
      description: 'Shown by social networks for pages that have no image of their own.',
      fields: [altField],
    }),
  ],
  preview: { prepare: () => ({ title: 'Site settings' }) },
})
