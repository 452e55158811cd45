import type { ImageFieldsFragment } from './api/graphql.generated';

/** The keys the API stores files under (server/src/modules/files/storage.ts). */
export const FILE_KEY = /^(images|documents)\/[0-9a-f]{64}(-\d{2,5})?\.(webp|pdf)$/;

/** An attached image as pages read it: what the IMAGE_FIELDS fragment (lib/api/image.fragment.ts) selects. */
export type ImageFields = ImageFieldsFragment;

/**
 * The site's own address of a file the API names (/files/<key>, relayed by app/files): pages do
 * not depend on the API's public address, and images stay within the page's own origin.
 */
export function sitePath(apiUrl: string): string {
  const { pathname } = new URL(apiUrl, 'http://api.invalid');
  const key = pathname.replace(/^.*?\/files\//, '');
  return FILE_KEY.test(key) ? `/files/${key}` : '';
}

/** A page's Open Graph image (pageMetadata's `image`) from its attached image, at the site's own address. */
export function openGraphImage(
  image: ImageFields | null | undefined,
): { url: string; width: number; height: number; alt: string } | undefined {
  const url = image ? sitePath(image.url) : '';
  return image && url ? { url, width: image.width, height: image.height, alt: image.alt } : undefined;
}
