import { config } from '@/lib/config';
import { isLocale } from '@/lib/i18n/locales';
import { isUuid } from '@/lib/staff/api';
import { staffToken } from '@/lib/staff/session';

// No ".csv" in the address: the locale proxy skips paths that look like files.
const FILES = new Set(['responses', 'results']);

function refuse(status: number, code: string, message: string): Response {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * A poll's CSV export through the web: the browser has the web's staff cookie, not the API's, so
 * this route adds the staff token and passes the API's stream through as it arrives (nothing is
 * buffered here), with the API's status and file headers.
 */
export async function GET(request: Request, { params }: RouteContext<'/[locale]/staff/exports/polls/[id]/[file]'>) {
  const { locale, id, file } = await params;
  if (!isUuid(id) || !FILES.has(file) || !isLocale(locale)) return refuse(404, 'NOT_FOUND', 'No such export.');
  const token = await staffToken();
  if (!token) return refuse(401, 'UNAUTHENTICATED', 'Sign in to export.');

  const url = new URL(`/exports/polls/${id}/${file}.csv`, config.graphqlUrl);
  url.searchParams.set('locale', locale);
  const upstream = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    cache: 'no-store',
    // Stop reading from the API when the browser goes away.
    signal: request.signal,
  });
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of ['content-type', 'content-disposition']) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
