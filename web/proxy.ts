import { NextResponse, type NextRequest } from 'next/server';
import { defaultLocale } from './lib/i18n/locales';
import { REQUEST_PATH_HEADER, REQUEST_SEARCH_HEADER, splitLocale } from './lib/i18n/routing';
import { config as site } from './lib/config';
import { NONCE_HEADER } from './lib/csp';

// The API's origin as browsers reach it: the page-view beacon posts there (connect-src).
const API_ORIGIN = new URL(site.beaconUrl).origin;
const DEVELOPMENT = process.env.NODE_ENV !== 'production';

/**
 * The page's Content-Security-Policy: scripts only with this response's nonce (Next.js puts it on
 * its own scripts, the beacon reads it) and whatever those load (strict-dynamic: the lazily loaded
 * chart library); no plugins, no framing by other sites, forms and <base> to this site only.
 * Styles may be inline: React renders style attributes and the charts set them.
 */
function contentSecurityPolicy(nonce: string, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${DEVELOPMENT ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // The ALTCHA widget's proof-of-work worker is a file of this site (strict-dynamic ignores 'self' for scripts).
    "worker-src 'self'",
    `connect-src 'self' ${API_ORIGIN}${DEVELOPMENT ? ' ws: wss:' : ''}`,
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "manifest-src 'self'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Over https (as TLS-terminating proxies trusted by server.mjs say, or SITE_URL), browsers are told to stay on it. */
function servedOverHttps(request: NextRequest): boolean {
  return (
    request.headers.get('x-forwarded-proto') === 'https' ||
    request.nextUrl.protocol === 'https:' ||
    site.siteUrl?.startsWith('https:') === true
  );
}

function secured<T extends NextResponse>(response: T, csp: string, https: boolean): T {
  response.headers.set('content-security-policy', csp);
  if (https) response.headers.set('strict-transport-security', 'max-age=31536000');
  return response;
}

// The pages live in app/[locale]/. Persian URLs carry no prefix, so they are rewritten to
// /fa/...; a /fa/... URL typed by hand redirects to its canonical unprefixed form.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const { locale, path, prefixed } = splitLocale(pathname);
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const https = servedOverHttps(request);
  const csp = contentSecurityPolicy(nonce, https);

  if (prefixed && locale === defaultLocale) {
    const canonical = request.nextUrl.clone();
    canonical.pathname = path;
    return secured(NextResponse.redirect(canonical, 308), csp, https);
  }

  // Layouts cannot see the URL; they need it for the language switch (which keeps the query: the
  // same search, filter or month in the other language) and the current nav item.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_PATH_HEADER, pathname);
  requestHeaders.set(REQUEST_SEARCH_HEADER, request.nextUrl.search);
  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set('content-security-policy', csp);

  if (prefixed) {
    return secured(NextResponse.next({ request: { headers: requestHeaders } }), csp, https);
  }
  // Clone nextUrl rather than resolve against request.url: its origin is the one Next listens
  // on, so the rewrite stays internal whatever Host header the visitor sent.
  const rewritten = request.nextUrl.clone();
  rewritten.pathname = `/${defaultLocale}${pathname === '/' ? '' : pathname}`;
  return secured(NextResponse.rewrite(rewritten, { request: { headers: requestHeaders } }), csp, https);
}

export const config = {
  // Everything except Next's own assets and files with an extension (icons, fonts).
  matcher: ['/((?!_next/|.*\\.[A-Za-z0-9]+$).*)'],
};
