import { config } from '@/lib/config';
import { FILE_KEY } from '@/lib/images';

export const dynamic = 'force-dynamic';

const RELAYED_HEADERS = ['content-type', 'content-length', 'cache-control', 'content-disposition', 'content-security-policy'];

/**
 * The API's uploaded images and PDFs at the website's own address (/files/<key>): pages show them
 * from their own origin (the Content-Security-Policy allows images from 'self' only) whatever
 * address the API has. Keys are content hashes, so the API's year-long immutable caching holds.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join('/');
  if (!FILE_KEY.test(key)) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  let answer: Response;
  try {
    answer = await fetch(`${config.apiFilesUrl}/${key}`, { cache: 'no-store', signal: AbortSignal.timeout(config.graphqlTimeoutMs) });
  } catch {
    return new Response('Not available right now.', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '30' },
    });
  }
  if (!answer.ok) {
    await answer.body?.cancel();
    if (answer.status === 404) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    // The API's file store is down (503) or something failed: try again later, and let nothing cache the failure.
    return new Response('Not available right now.', {
      status: answer.status === 503 ? 503 : 502,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        'retry-after': answer.headers.get('retry-after') ?? '30',
      },
    });
  }
  const headers = new Headers();
  for (const name of RELAYED_HEADERS) {
    const value = answer.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(answer.body, { status: 200, headers });
}
