import { PortableText, type PortableTextComponents } from '@portabletext/react'
import type { EditTarget } from '@/lib/content'
import type { Body, BodyImage } from '@/lib/content'
import { Picture } from '../Picture'
import styles from './article.module.css'

const components: PortableTextComponents = {
  block: {
    blockquote: ({ children }) => (
      <blockquote className={styles.quote}>
        <p>{children}</p>
      </blockquote>
    ),
  },
  marks: {
    // Unsafe addresses were dropped at validation (lib/content/schemas.ts): their text stays, unlinked.
    link: ({ value, children }) => {
      const href = (value as { href?: string } | undefined)?.href
      return href ? <a href={href}>{children}</a> : <>{children}</>
    },
  },
  types: {
    image: ({ value }: { value: BodyImage }) => (
      <figure className={styles.inlineImage}>
        <Picture image={value} sizes="(min-width: 40rem) 38rem, 100vw" />
        {value.caption ? <figcaption>{value.caption}</figcaption> : null}
      </figure>
    ),
  },
}

/** The story's text: paragraphs, subheadings, quotes, links and images. */
export function ArticleBody({ body, edit }: { body: Body; edit?: EditTarget }) {
  return (
    <div className={styles.body} {...edit?.('body')}>
      <PortableText value={body} components={components} />
    </div>
  )
}
