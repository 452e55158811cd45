'use client';

import Image, { type ImageLoader } from 'next/image';
import { sitePath, type ImageFields } from '@/lib/images';

/**
 * An uploaded image with next/image: the API already made it WebP at a few widths, so the loader
 * picks the narrowest of them at least as wide as asked (next/image builds the srcset), from the
 * site's own /files relay; nothing is re-encoded again.
 */
export function ApiImage({ image, sizes, eager, className }: { image: ImageFields; sizes: string; eager?: boolean; className?: string }) {
  const sources = [...image.sources].sort((a, b) => a.width - b.width);
  const loader: ImageLoader = ({ width }) => sitePath((sources.find((s) => s.width >= width) ?? sources[sources.length - 1] ?? image).url);
  return (
    <Image
      loader={loader}
      src={sitePath(image.url)}
      alt={image.alt}
      width={image.width}
      height={image.height}
      sizes={sizes}
      loading={eager ? 'eager' : 'lazy'}
      fetchPriority={eager ? 'high' : undefined}
      className={className}
    />
  );
}

/** A record page's own image across the column, when it has one (loaded at once: it is near the top). */
export function PageFigure({ image }: { image: ImageFields | null | undefined }) {
  if (!image) return null;
  return (
    <figure className="page__figure">
      <ApiImage image={image} sizes="(max-width: 48rem) 100vw, 48rem" eager />
    </figure>
  );
}
