import { AppError, ErrorCode } from '../common/errors';
import { type CallerKey } from '../modules/partners/api-key.service';
import { type PendingSignIn } from '../modules/staff/sign-in-stage';
import { type Viewer } from '../modules/staff/staff.policy';
import { type Services } from '../services';
import { bearerToken, MALFORMED_AUTHORIZATION } from './transport';

/** Who is calling: a signed-in staff member, a partner's API key, or nobody in particular. */
export type Identity =
  | { kind: 'staff'; viewer: Viewer; token: string }
  | { kind: 'apiKey'; apiKey: CallerKey }
  | {
      kind: 'anonymous';
      /** A session cookie came that no longer signs anyone in (clear it). */
      staleCookie: boolean;
      /**
       * A restricted session: someone half-way through signing in (a second-factor code, a new
       * password or enrolment still ahead). It acts as nobody; only that step's mutations read it.
       */
      pending?: PendingSignIn;
    };

/** The credentials a request presents, however it came (HTTP headers and cookies, a WebSocket's connectionParams). */
export interface Credentials {
  /** The Authorization header's value. */
  authorization?: string;
  /** The partner API key header's value. */
  apiKey?: string;
  /** The session cookie's value. */
  sessionCookie?: string;
}

export const sessionExpired = () =>
  new AppError(ErrorCode.UNAUTHENTICATED, 'The session token is unknown or has expired. Sign in again.', { http: { status: 401 } });

/**
 * The one place that works out who is calling, for GraphQL over HTTP and over WebSocket, the CSV
 * exports and every other route: a malformed Authorization header or a bearer token that signs no
 * one in is UNAUTHENTICATED (a tool that sends a token wants to act as someone); an API key acts
 * for no one (a staff cookie that comes along is ignored), and with a bearer token as well is
 * BAD_USER_INPUT; a session cookie that has expired leaves the caller anonymous, as a browser
 * expects.
 */
export async function authenticate(credentials: Credentials, services: Pick<Services, 'auth' | 'apiKeys'>): Promise<Identity> {
  const { authorization, apiKey, sessionCookie } = credentials;
  const bearer = bearerToken(authorization);
  if (authorization && !bearer) throw new AppError(ErrorCode.UNAUTHENTICATED, MALFORMED_AUTHORIZATION, { http: { status: 401 } });
  if (apiKey !== undefined) {
    if (bearer)
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'Send either an API key or a staff token, not both.', { http: { status: 400 } });
    return { kind: 'apiKey', apiKey: await services.apiKeys.authenticate(apiKey) };
  }
  const token = bearer ?? sessionCookie;
  const session = token ? await services.auth.sessionForToken(token) : null;
  if (session?.viewer && token) return { kind: 'staff', viewer: session.viewer, token };
  if (session?.pending) return { kind: 'anonymous', staleCookie: false, pending: session.pending };
  if (bearer) throw sessionExpired();
  return { kind: 'anonymous', staleCookie: sessionCookie !== undefined };
}

/** The sign-in an identity is half-way through, or null. */
export const pendingOf = (identity: Identity): PendingSignIn | null => (identity.kind === 'anonymous' ? (identity.pending ?? null) : null);

/** The staff member an identity signs in, or null. */
export const viewerOf = (identity: Identity): Viewer | null => (identity.kind === 'staff' ? identity.viewer : null);
