import { headers } from 'next/headers';
import { REQUEST_PATH_HEADER, splitLocale } from './routing';

/** The locale and locale-free path of the current request, for links that point at "this page". */
export async function currentRoute() {
  const pathname = (await headers()).get(REQUEST_PATH_HEADER) ?? '/';
  return splitLocale(pathname);
}
