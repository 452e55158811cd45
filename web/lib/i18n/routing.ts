import { defaultLocale, isLocale, type Locale } from './locales';

// Persian lives at unprefixed URLs (/, /goals); every other locale under its own prefix
// (/en, /en/goals). The app tree is app/[locale]/..., reached through proxy.ts.

/** Set by proxy.ts: the path the visitor asked for, before the locale rewrite. */
export const REQUEST_PATH_HEADER = 'x-nabz-path';
/** Set by proxy.ts: the query string the visitor asked with ("?q=park", or empty). */
export const REQUEST_SEARCH_HEADER = 'x-nabz-search';

/** The public URL of a page in a locale: ("en", "/goals") → "/en/goals"; ("fa", "/goals") → "/goals". */
export function localePath(locale: Locale, path: string): string {
  if (locale === defaultLocale) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/** The inverse of `localePath`: "/en/goals" → { locale: "en", path: "/goals" }. */
export function splitLocale(pathname: string): { locale: Locale; path: string; prefixed: boolean } {
  const [, first] = pathname.split('/');
  if (isLocale(first)) {
    return { locale: first, path: pathname.slice(first.length + 1) || '/', prefixed: true };
  }
  return { locale: defaultLocale, path: pathname, prefixed: false };
}
