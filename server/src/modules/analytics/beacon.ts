import { isCleanText } from '../../common/validation';
import { ScreenClass } from './analytics.enums';

/** The largest beacon body accepted (bytes): a page view's fields with room to spare. */
export const BEACON_MAX_BYTES = 4096;
/** Longest path as sent (percent-encoded), and as stored (decoded). */
export const PATH_MAX_SENT = 2048;
export const PATH_MAX = 512;
export const REFERRER_MAX = 2048;
export const LANGUAGE_MAX = 35;
/** Longest page title kept. */
export const TITLE_MAX = 300;

/** What is kept of a page view's report: no query string, only the referrer's host, the primary language. */
export interface PageViewFields {
  path: string;
  referrerHost: string | null;
  screen: ScreenClass | null;
  language: string | null;
  /** The page's title (document.title), shown to staff beside its path; the latest one per path is kept. */
  title: string | null;
}

/** A refused report; `field` names the part at fault (prefixed, e.g. `input.path`, for GraphQL). */
export class PageViewError extends Error {
  constructor(
    message: string,
    readonly field: string | null,
  ) {
    super(message);
    this.name = 'PageViewError';
  }
}

const FIELDS = new Set(['path', 'referrer', 'screen', 'language', 'title']);
const SCREENS: Record<string, ScreenClass> = { mobile: ScreenClass.MOBILE, tablet: ScreenClass.TABLET, desktop: ScreenClass.DESKTOP };
const LANGUAGE_TAG = /^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$/;
const TABS_AND_BREAKS = /[\t\n\r]/;

/**
 * Reads a beacon body (the JSON text that `navigator.sendBeacon` sends as text/plain or
 * application/json) into the fields kept of a page view. Throws PageViewError.
 */
export function parseBeacon(body: unknown): PageViewFields {
  if (typeof body !== 'string' || body.length === 0)
    throw new PageViewError('The beacon body is empty: send a JSON object such as {"path":"/"}.', null);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new PageViewError('The beacon body is not valid JSON.', null);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new PageViewError('The beacon body must be a JSON object such as {"path":"/"}.', null);
  for (const key of Object.keys(parsed)) {
    if (!FIELDS.has(key))
      throw new PageViewError(
        `Unknown field "${key.slice(0, 40)}": a beacon has path, referrer, screen, language and title.`,
        key.slice(0, 40),
      );
  }
  return checkPageView(parsed as Record<string, unknown>);
}

/** Checks and normalises a page view report (beacon or trackPageview); `prefix` is added to field names. */
export function checkPageView(
  input: { path?: unknown; referrer?: unknown; screen?: unknown; language?: unknown; title?: unknown },
  prefix = '',
): PageViewFields {
  return {
    path: checkPath(input.path, `${prefix}path`),
    referrerHost: checkReferrer(input.referrer, `${prefix}referrer`),
    screen: checkScreen(input.screen, `${prefix}screen`),
    language: checkLanguage(input.language, `${prefix}language`),
    // A page with a query string may have it in its title (a search): its title is not kept.
    title: typeof input.path === 'string' && /[?#]/.test(input.path) ? null : checkTitle(input.title, `${prefix}title`),
  };
}

/** A page's title: the site's own text (the website sends none for a page with a query string, whose title may echo it). */
function checkTitle(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new PageViewError('title must be a string: document.title.', field);
  const title = value.replace(/\s+/g, ' ').trim();
  if (!title) return null;
  if (title.length > TITLE_MAX) throw new PageViewError(`title is longer than ${TITLE_MAX} characters.`, field);
  if (!isCleanText(title)) throw new PageViewError('title contains control characters.', field);
  return title;
}

function checkPath(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new PageViewError('path is required: the page\'s path, such as "/goals".', field);
  if (value.length > PATH_MAX_SENT) throw new PageViewError(`path is longer than ${PATH_MAX_SENT} characters.`, field);
  if (!value.startsWith('/') || value.startsWith('//'))
    throw new PageViewError('path must start with a single "/" (a path on the site, not a URL).', field);
  // The query string and fragment can carry personal data (search words, tokens, e-mail addresses): never kept.
  const end = value.search(/[?#]/);
  let path = end === -1 ? value : value.slice(0, end);
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding: keep it as sent.
  }
  if (!isCleanText(path) || TABS_AND_BREAKS.test(path)) throw new PageViewError('path contains control characters.', field);
  if (path.length > PATH_MAX) throw new PageViewError(`path is longer than ${PATH_MAX} characters once decoded.`, field);
  return path;
}

function checkReferrer(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new PageViewError('referrer must be a string: document.referrer, or empty.', field);
  if (value.length > REFERRER_MAX) throw new PageViewError(`referrer is longer than ${REFERRER_MAX} characters.`, field);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PageViewError('referrer must be an absolute URL (document.referrer), or empty.', field);
  }
  // Only the host is kept: the rest of a URL can identify a person.
  const host = url.hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return host && host.length <= 253 ? host : null;
}

function checkScreen(value: unknown, field: string): ScreenClass | null {
  if (value === undefined || value === null || value === '') return null;
  const screen = typeof value === 'string' ? SCREENS[value.toLowerCase()] : undefined;
  if (!screen) throw new PageViewError('screen is "mobile", "tablet" or "desktop".', field);
  return screen;
}

function checkLanguage(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > LANGUAGE_MAX)
    throw new PageViewError('language must be a language tag such as "fa-IR" (navigator.language).', field);
  const language = primaryLanguage(value);
  if (!language) throw new PageViewError('language must be a language tag such as "fa-IR" (navigator.language).', field);
  return language;
}

/** The primary language subtag of a tag, lower-case ("fa-IR" → "fa"), or null when it is not a tag. */
export function primaryLanguage(tag: string): string | null {
  const m = LANGUAGE_TAG.exec(tag);
  return m ? m[1].toLowerCase() : null;
}

/** The first language of an Accept-Language header, as a primary subtag; null when there is none. */
export function languageFromHeader(header: string | undefined): string | null {
  if (!header) return null;
  const first = header.split(',', 1)[0].split(';', 1)[0].trim();
  return first.length <= LANGUAGE_MAX ? primaryLanguage(first) : null;
}
