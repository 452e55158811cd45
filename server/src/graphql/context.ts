import { type Locale } from './locale';
import { type Loaders } from './loaders';
import { type Services } from '../services';
import { type Viewer } from '../modules/staff/staff.policy';

/** The session cookie the web uses; partner tools send the same token as `Authorization: Bearer`. */
export const SESSION_COOKIE = 'nabz_session';

/** The anonymous respondent token the web keeps for a citizen (never tied to a person). */
export const RESPONDENT_COOKIE = 'nabz_respondent';

export interface RespondentCookie {
  token: string | undefined;
  set(token: string): void;
}

export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/** One per request: who is calling, in which language, and request-scoped DataLoaders. */
export interface Context {
  requestId: string;
  locale: Locale;
  viewer: Viewer | null;
  /** A hash of the client's address, for rate limits; the raw address is never kept. */
  clientKey: string;
  services: Services;
  loaders: Loaders;
  sessionCookie: SessionCookie;
  respondentCookie: RespondentCookie;
}
