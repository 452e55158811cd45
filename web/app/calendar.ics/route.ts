import { config } from '@/lib/config';

export const dynamic = 'force-dynamic';

/** The feed's own query parameters (docs/events.md); anything else is not passed on. */
const PASSED_ON = ['locale', 'district', 'kinds'] as const;
const RELAYED_HEADERS = ['content-type', 'content-disposition', 'cache-control', 'etag', 'last-modified'];

/**
 * The API's iCalendar feed at the website's own address (/calendar.ics, where the README and the
 * calendar page point), so a subscription does not need the API's host. Relayed as the API answers,
 * errors included; an API out of reach is a 503.
 */
export async function GET(request: Request) {
  const asked = new URL(request.url).searchParams;
  const upstream = new URL(config.apiCalendarFeedUrl);
  // Every value given, as given (a few at most): the API answers a repeated parameter as it would
  // at its own address, so the two hosts give the same feed, or the same 400, for one query.
  for (const name of PASSED_ON) for (const value of asked.getAll(name).slice(0, 5)) upstream.searchParams.append(name, value.slice(0, 200));
  let answer: Response;
  try {
    answer = await fetch(upstream, {
      headers: { 'accept-language': request.headers.get('accept-language') ?? 'fa' },
      cache: 'no-store',
      signal: AbortSignal.timeout(config.graphqlTimeoutMs),
    });
  } catch {
    return new Response('The calendar is not available right now. / تقویم اکنون در دسترس نیست.', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '30' },
    });
  }
  const headers = new Headers();
  for (const name of RELAYED_HEADERS) {
    const value = answer.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(answer.body, { status: answer.status, headers });
}
