// The one place the web app reads its environment; everything else imports `config`.
const DEFAULT_GRAPHQL_URL = 'http://localhost:4000/graphql';

function readUrl(name: string, raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    // Fail at start-up with the reason rather than on the first page view.
    throw new Error(`${name} must be an absolute URL (got "${raw}")`);
  }
}

function readSeconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 3600)
    throw new Error(`${name} must be a number of seconds from 0 to 3600 (got "${raw}")`);
  return value;
}

function readSecret(name: string): string | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 32) throw new Error(`${name} must be at least 32 characters`);
  return raw;
}

const graphqlUrl = readUrl('GRAPHQL_URL', process.env.GRAPHQL_URL || DEFAULT_GRAPHQL_URL);

/** The same endpoint over WebSocket (graphql-ws), for live poll results. */
function websocketUrl(url: URL): string {
  const ws = new URL(url);
  ws.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return ws.toString();
}

/**
 * The API as browsers reach it (`PUBLIC_API_URL`), for the page-view beacon (POST /collect).
 * Unset, GRAPHQL_URL's origin: right when the browser can reach the API there (one machine, or
 * one domain in front of both); set it when GRAPHQL_URL is an internal address.
 */
const publicApiUrl = process.env.PUBLIC_API_URL ? readUrl('PUBLIC_API_URL', process.env.PUBLIC_API_URL).origin : graphqlUrl.origin;

export const config = {
  graphqlUrl: graphqlUrl.toString(),
  beaconUrl: `${publicApiUrl}/collect`,
  /** The API's iCalendar feed as the web server reaches it (GRAPHQL_URL's origin), relayed at the site's own /calendar.ics. */
  apiCalendarFeedUrl: `${graphqlUrl.origin}/calendar.ics`,
  /** The API's uploaded files (GET /files/<key>) as the web server reaches them, relayed at the site's own /files/<key>. */
  apiFilesUrl: `${graphqlUrl.origin}/files`,
  graphqlWebSocketUrl: websocketUrl(graphqlUrl),
  /**
   * The site's public origin (`SITE_URL`, e.g. https://nabz.example) for canonical links, Open
   * Graph and the sitemap. Unset, it is taken from the request's Host header.
   */
  siteUrl: process.env.SITE_URL ? readUrl('SITE_URL', process.env.SITE_URL).origin : null,
  /**
   * Cookies only over HTTPS (`COOKIE_SECURE`): on in production, as on the API, whatever SITE_URL
   * says (browsers accept Secure cookies from http://localhost too). Set COOKIE_SECURE=false only
   * to serve a production build over plain http at another address.
   */
  cookieSecure: process.env.COOKIE_SECURE ? process.env.COOKIE_SECURE === 'true' : process.env.NODE_ENV === 'production',
  /**
   * How long the web keeps the API's public answers (`API_CACHE_SECONDS`, default 5; 0 turns it
   * off). Answers for a visitor (with their cookie) are never kept.
   */
  apiCacheMs: readSeconds('API_CACHE_SECONDS', 5) * 1000,
  /**
   * Shared with the API (`WEB_API_SECRET`, 32+ characters): the web signs each visitor's address
   * with it so that the API counts its limits per visitor. Unset, the API sees every visitor as
   * the website itself (one shared limit): set it in production.
   */
  webApiSecret: readSecret('WEB_API_SECRET'),
  /** A page gives up on the API after this long and shows the error state. */
  graphqlTimeoutMs: 10_000,
} as const;
