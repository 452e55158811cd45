import { config } from '@/lib/config';
import { isLocale } from '@/lib/i18n/locales';

export const dynamic = 'force-dynamic';

/**
 * "Add to my calendar": the API writes the event's iCalendar file (the same writer as its
 * `/calendar.ics` feed, so the UID and fields match the feed's); this route passes it through in
 * the page's language, with the API's status and file headers.
 */
export async function GET(request: Request, { params }: RouteContext<'/[locale]/events/[id]/ics'>) {
  const { locale, id } = await params;
  if (!isLocale(locale)) return new Response('Not found', { status: 404 });
  const url = new URL(`/calendar/events/${encodeURIComponent(decodeURIComponent(id))}/event.ics`, config.graphqlUrl);
  url.searchParams.set('locale', locale);
  const upstream = await fetch(url, {
    cache: 'no-store',
    signal: AbortSignal.any([request.signal, AbortSignal.timeout(config.graphqlTimeoutMs)]),
  });
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of ['content-type', 'content-disposition']) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
