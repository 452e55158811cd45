import { headers } from 'next/headers';
import { config } from './config';

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The site's public origin, for absolute URLs (canonical links, Open Graph, the sitemap). SITE_URL
 * when set; otherwise the request's Host (a malformed one falls back to localhost rather than
 * being echoed into the page).
 */
export async function siteOrigin(): Promise<string> {
  if (config.siteUrl) return config.siteUrl;
  const requestHeaders = await headers();
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host') ?? '';
  const proto = requestHeaders.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return HOST.test(host) ? `${proto}://${host}` : 'http://localhost:3000';
}
