import { ServerError } from '@apollo/client';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { config } from '../config';
import { currentRoute } from '../i18n/request';
import { localePath } from '../i18n/routing';
import type { Locale } from '../i18n/locales';
import { canUse, type Role, type Section } from './roles';
import type { StaffMeQuery, StaffMeQueryVariables } from '@/lib/api/graphql.generated';
import { runOperation, toResponse, type Operation } from '@/lib/api/request';

// The staff session. Signing in happens in a server action of the web (the API is another origin),
// which keeps the API's session token in the web's own httpOnly cookie; every staff request the
// web makes carries it to the API as `Authorization: Bearer <token>`. The browser never sees it.
export const STAFF_COOKIE = 'nabz_staff';
const TOKEN = /^[A-Za-z0-9_.~+/=-]{16,512}$/;

export interface Viewer {
  id: string;
  displayName: string;
  email: string;
  role: Role;
}

export async function staffToken(): Promise<string | undefined> {
  const token = (await cookies()).get(STAFF_COOKIE)?.value;
  return token && TOKEN.test(token) ? token : undefined;
}

/** Only in a server action or route handler. */
export async function keepStaffToken(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(STAFF_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    expires: expiresAt,
  });
}

// The device token the API returned at the last successful sign-in in this browser (kept after
// signing out: it vouches for the browser, not for a session).
const DEVICE_COOKIE = 'nabz_staff_device';
const DEVICE_TOKEN = /^d1\.[A-Za-z0-9.:_-]{10,190}$/;
const DEVICE_MAX_AGE_SECONDS = 180 * 24 * 3600;

export async function staffDeviceToken(): Promise<string | undefined> {
  const token = (await cookies()).get(DEVICE_COOKIE)?.value;
  return token && DEVICE_TOKEN.test(token) ? token : undefined;
}

/** Only in a server action or route handler. */
export async function keepStaffDeviceToken(token: string): Promise<void> {
  if (!DEVICE_TOKEN.test(token)) return;
  (await cookies()).set(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    maxAge: DEVICE_MAX_AGE_SECONDS,
  });
}

/** Only in a server action or route handler. */
export async function forgetStaffToken(): Promise<void> {
  (await cookies()).delete({ name: STAFF_COOKIE, path: '/' });
}

/** A path inside the staff area to come back to after signing in, or the dashboard. */
export function safeReturnPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/staff') || raw.startsWith('/staff/sign-in') || /[\\\s]|\/\//.test(raw)) return '/staff';
  // The steps of signing in are never where one comes back to.
  if (/^\/staff\/(change-password|two-factor)(\/|\?|$)/.test(raw)) return '/staff';
  return raw;
}

export function signInPath(locale: Locale, options: { expired?: boolean; next?: string } = {}): string {
  const params = new URLSearchParams();
  if (options.expired) params.set('expired', '1');
  if (options.next && options.next !== '/staff') params.set('next', safeReturnPath(options.next));
  const query = params.toString();
  return localePath(locale, '/staff/sign-in') + (query ? `?${query}` : '');
}

/**
 * Sends the visitor to the sign-in page and comes back here afterwards. `expired`: they had a
 * session that the API no longer accepts, so the page says so rather than asking out of the blue.
 */
export async function sessionEnded(expired: boolean): Promise<never> {
  const { locale, path } = await currentRoute();
  redirect(signInPath(locale, { expired, next: path }));
}

/** The step of signing in still ahead of a restricted session (see the API's SignInState). */
export type PendingStep = 'SECOND_FACTOR_REQUIRED' | 'PASSWORD_CHANGE_REQUIRED' | 'SECOND_FACTOR_ENROLMENT_REQUIRED';

type MeResult = { viewer: Viewer; pending?: undefined } | { viewer: null; expired: boolean; pending?: PendingStep };

const ME_QUERY: Operation<StaffMeQuery, StaffMeQueryVariables> = /* GraphQL */ `
  query StaffMe {
    me {
      id
      displayName
      email
      role
    }
    signInProgress {
      state
    }
  }
`;

const STEP_PATHS: Record<PendingStep, string> = {
  SECOND_FACTOR_REQUIRED: '/staff/sign-in/code',
  PASSWORD_CHANGE_REQUIRED: '/staff/change-password',
  SECOND_FACTOR_ENROLMENT_REQUIRED: '/staff/two-factor',
};

/** The page of a sign-in step (or, once signed in, `next`), keeping where to go afterwards. */
export function stepPath(locale: Locale, state: string, next: string): string {
  const path = STEP_PATHS[state as PendingStep];
  if (!path) return localePath(locale, safeReturnPath(next));
  const safe = safeReturnPath(next);
  return localePath(locale, path) + (safe !== '/staff' ? `?next=${encodeURIComponent(safe)}` : '');
}

/** Who is signed in, asked once per request. */
export const currentViewer = cache(async (): Promise<MeResult> => {
  const token = await staffToken();
  if (!token) return { viewer: null, expired: false };
  const outcome = await runOperation(ME_QUERY, {}, { authorization: `Bearer ${token}` });
  if (ServerError.is(outcome.error) && outcome.error.statusCode === 401) return { viewer: null, expired: true };
  const body = toResponse(outcome);
  const me = body.data?.me;
  if (me) return { viewer: me };
  const state = body.data?.signInProgress?.state;
  const pending = state && state !== 'SIGNED_IN' ? state : undefined;
  return pending ? { viewer: null, expired: false, pending } : { viewer: null, expired: true };
});

/**
 * The signed-in staff member; anyone else goes to the sign-in page, and someone half-way through
 * signing in to the step still ahead (nothing else works until it is done).
 */
export async function requireStaff(): Promise<Viewer> {
  const me = await currentViewer();
  if (me.pending) {
    const { locale, path } = await currentRoute();
    redirect(stepPath(locale, me.pending, path));
  }
  if (!me.viewer) return sessionEnded(me.expired);
  return me.viewer;
}

/**
 * The signed-in staff member, if their role may use `section`; otherwise the desk's "forbidden"
 * answer (403, at the page's own address: staff/(desk)/forbidden.tsx). Every staff page calls this
 * on the server, whatever the navigation shows.
 */
export async function requireSection(section: Section): Promise<Viewer> {
  const viewer = await requireStaff();
  if (!canUse(viewer.role, section)) forbidden();
  return viewer;
}

/**
 * A page of a sign-in step: the restricted session at that step may use it, and (`signedInToo`)
 * a signed-in person too (changing the password, enrolling a second factor from the account page).
 * Anyone else goes where they belong: to their own step, on to `next`, or to the sign-in page.
 */
export async function requireStep(
  step: PendingStep,
  next: string,
  options: { signedInToo?: boolean } = {},
): Promise<{ pending: true; viewer?: undefined } | { pending: false; viewer: Viewer }> {
  const me = await currentViewer();
  const { locale } = await currentRoute();
  if (me.pending === step) return { pending: true };
  if (me.pending) redirect(stepPath(locale, me.pending, next));
  if (me.viewer && options.signedInToo) return { pending: false, viewer: me.viewer };
  if (me.viewer) redirect(localePath(locale, safeReturnPath(next)));
  redirect(signInPath(locale, { expired: me.expired }));
}
