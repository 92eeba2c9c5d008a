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
