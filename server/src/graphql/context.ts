import { type Locale } from '../common/locale';
import { type Loaders } from './loaders';
import { type Services } from '../services';
import { type Viewer } from '../modules/staff/staff.policy';
import { type PendingSignIn } from '../modules/staff/sign-in-stage';
import { type CallerKey } from '../modules/partners/api-key.service';

/** The session cookie the web uses; partner tools send the same token as `Authorization: Bearer`. */
export const SESSION_COOKIE = 'nabz_session';

/** The header partner apps send their API key in. */
export const API_KEY_HEADER = 'x-api-key';

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
  /**
   * A restricted session (half-way through signing in), when the request carries one: the caller is
   * still nobody (viewer null); only the next sign-in step's mutations act on it.
   */
  pending?: PendingSignIn | null;
  /**
   * Asks again who the request's session stands for (null once it was signed out, expired or its
   * account deactivated). Set over WebSocket, where one subscription outlives many HTTP requests.
   */
  currentViewer?: () => Promise<Viewer | null>;
  /** The partner API key the request was made with (`X-Api-Key`); never together with a viewer. */
  apiKey: CallerKey | null;
  /** A hash of the client's address, for rate limits; the raw address is never kept. */
  clientKey: string;
  /** The caller's address and user agent, for analytics' visitor key (hashed, never stored or logged). Absent over WebSocket. */
  client?: { address: string; userAgent: string | undefined; acceptLanguage: string | undefined };
  services: Services;
  loaders: Loaders;
  sessionCookie: SessionCookie;
  respondentCookie: RespondentCookie;
}
