import { cookies } from 'next/headers';
import { clientAddressHeaders } from './api/client-address';
import { config } from './config';

// The anonymous respondent token the API issues on a first answer. The web keeps it in an
// httpOnly cookie of the same name as the API's own, relays it to the API with every poll
// request, and stores the one the API returns: that is how the API refuses a second answer from
// the same browser, with or without JavaScript.
export const RESPONDENT_COOKIE = 'nabz_respondent';

// Which polls this browser answered, so that the poll page shows the results instead of a form
// the API would refuse. A hint only: the API's refusal is what counts.
export const ANSWERED_COOKIE = 'nabz_answered';
const ANSWERED_MAX = 40;
const ONE_YEAR_SECONDS = 365 * 24 * 3600;
const TOKEN = /^[A-Za-z0-9_.-]{1,200}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Headers for an API call made for this visitor: their respondent cookie and their signed address. */
export async function visitorHeaders(): Promise<Record<string, string>> {
  const [cookieStore, address] = await Promise.all([cookies(), clientAddressHeaders()]);
  // The API counts submissions per address: the visitor's own, as the web vouches for it.
  const result: Record<string, string> = { ...address };
  const token = cookieStore.get(RESPONDENT_COOKIE)?.value;
  if (token && TOKEN.test(token)) result.cookie = `${RESPONDENT_COOKIE}=${token}`;
  return result;
}

export async function respondentToken(): Promise<string | undefined> {
  const token = (await cookies()).get(RESPONDENT_COOKIE)?.value;
  return token && TOKEN.test(token) ? token : undefined;
}

/** Only in a server action or route handler: keeps the token the API returned. */
export async function keepRespondentToken(token: string): Promise<void> {
  if (!TOKEN.test(token)) return;
  (await cookies()).set(RESPONDENT_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    maxAge: ONE_YEAR_SECONDS,
  });
}

export async function answeredPolls(): Promise<string[]> {
  const raw = (await cookies()).get(ANSWERED_COOKIE)?.value ?? '';
  return raw.split('.').filter((id) => UUID.test(id));
}

/** Only in a server action or route handler: remembers that this browser answered the poll. */
export async function rememberAnswered(pollId: string): Promise<void> {
  if (!UUID.test(pollId)) return;
  const ids = [pollId, ...(await answeredPolls()).filter((id) => id !== pollId)].slice(0, ANSWERED_MAX);
  (await cookies()).set(ANSWERED_COOKIE, ids.join('.'), {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    maxAge: ONE_YEAR_SECONDS,
  });
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
