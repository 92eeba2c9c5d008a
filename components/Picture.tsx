import { responsiveImage, type ImageSource } from '@/lib/image'

type Props = {
  image: ImageSource & { alt?: string }
  /** The CSS `sizes` of the slot the image fills. */
  sizes: string
  aspectRatio?: number
  /** Above the fold: load at once and with high priority (the largest contentful paint). */
  priority?: boolean
  className?: string
}

/** A responsive <img>; an image without alt text is treated as decorative. */
export function Picture({ image, sizes, aspectRatio, priority = false, className }: Props) {
  const { src, srcSet, width, height } = responsiveImage(image, { aspectRatio })
  return (
    // A plain <img> with the srcset lib/image.ts builds: the images are served by Sanity's CDN or the site's own image route, not next/image's optimiser.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      className={className}
      src={src}
      srcSet={srcSet}
      sizes={sizes}
      width={width}
      height={height}
      alt={image.alt ?? ''}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      decoding="async"
      style={image.asset.lqip ? { backgroundImage: `url(${image.asset.lqip})`, backgroundSize: 'cover' } : undefined}
    />
  )
}
