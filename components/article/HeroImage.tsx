import type { EditTarget } from '@/lib/content'
import type { Image } from '@/lib/content'
import { Picture } from '../Picture'
import styles from './article.module.css'

/** The article's main image with its caption and credit. */
export function HeroImage({ image, edit }: { image?: Image; edit?: EditTarget }) {
  if (!image) return null
  return (
    <figure className={styles.hero} {...edit?.('heroImage')}>
      <Picture image={image} sizes="(min-width: 76rem) 76rem, 100vw" priority />
      {image.caption || image.credit ? (
        <figcaption>
          {image.caption}
          {image.credit ? <span className={styles.credit}> {image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  )
}
