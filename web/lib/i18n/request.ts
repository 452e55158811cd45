import { headers } from 'next/headers';
import { REQUEST_PATH_HEADER, REQUEST_SEARCH_HEADER, splitLocale } from './routing';

/**
 * The locale and locale-free path of the current request, for links that point at "this page",
 * and its query string (`search`: "?q=park" or ""), which the language switch keeps.
 */
export async function currentRoute() {
  const requestHeaders = await headers();
  // One leading slash: "//host" or "/\host" in a link back to this page would lead off the site.
  const pathname = (requestHeaders.get(REQUEST_PATH_HEADER) ?? '/').replace(/^[/\\]+/, '/');
  return { ...splitLocale(pathname), search: requestHeaders.get(REQUEST_SEARCH_HEADER) ?? '' };
}
