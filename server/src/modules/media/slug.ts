/**
 * Press-release slugs are ASCII (lower-case letters, digits, hyphens), so a news address survives
 * being pasted into any app or message without percent-encoding. They come from the English title
 * when there is one; otherwise (or when the English title yields nothing) from the release's id:
 * `news-` and its first eight hex digits. A slug is fixed once the release is first published.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;
const BASE_MAX = 60;

/** The slug an English title gives, or '' when it gives none. */
export function slugFromTitle(title: string | null | undefined): string {
  if (!title) return '';
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > BASE_MAX) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, BASE_MAX);
}

export function slugFromId(id: string): string {
  return `news-${id.replace(/-/g, '').slice(0, 8)}`;
}

/** The slug for a new release; `taken` says whether another release already has a slug. */
export function chooseSlug(id: string, titleEn: string | null | undefined, taken: (slug: string) => boolean): string {
  const base = slugFromTitle(titleEn);
  if (!base) return slugFromId(id);
  if (!taken(base)) return base;
  return `${base}-${id.replace(/-/g, '').slice(0, 6)}`;
}
