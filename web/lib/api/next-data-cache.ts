import { ApolloLink } from '@apollo/client';
import { OperationTypeNode } from 'graphql';
import { mergeMap, of, tap } from 'rxjs';

/** The tag of every API answer Next's data cache keeps (`revalidateTag(GRAPHQL_CACHE_TAG)` forgets them all). */
export const GRAPHQL_CACHE_TAG = 'graphql';

type FetchOptions = RequestInit & { next?: { revalidate?: number | false; tags?: string[] } };

/**
 * Decides, per operation, whether Next's own data cache may keep the API's answer: a query that
 * is the same for every reader (no cookie, no authorization, no `fetchOptions.cache` of the
 * caller's own) is fetched with `next: { revalidate }`, so fifty readers on the same pages cost the
 * API one query per page every few seconds instead of one per view. Everything else (mutations,
 * a visitor's or a staff member's requests, `ttlMs` 0) is `cache: 'no-store'`.
 *
 * Next's data cache (next/dist/server/lib/patch-fetch) keys an answer on the URL, method, headers
 * and body, so POSTed GraphQL is cached per query text and variables once `revalidate` is given.
 * Two of its ways do not suit answers that must be right within seconds, and are undone here by
 * asking the API again past the cache:
 * - it keeps any 200 answer, one whose body carries GraphQL `errors` too (a passing failure, or a
 *   NOT_FOUND): such an answer is never used from it;
 * - it serves an answer older than `revalidate` once more while it fetches a fresh one behind it
 *   (stale-while-revalidate): an answer whose `Date` is older than `revalidate` (and a second of
 *   the header's rounding) is not used either, so a reader never sees one much older than that.
 */
export function nextDataCache(ttlMs: number): ApolloLink {
  const revalidate = ttlMs / 1000;
  return new ApolloLink((operation, forward) => {
    const { headers = {}, fetchOptions = {} } = operation.getContext() as { headers?: Record<string, string>; fetchOptions?: FetchOptions };
    const shareable =
      revalidate > 0 &&
      operation.operationType === OperationTypeNode.QUERY &&
      fetchOptions.cache === undefined &&
      !hasHeader(headers, 'cookie') &&
      !hasHeader(headers, 'authorization');
    const uncached = (): FetchOptions => ({ ...fetchOptions, cache: fetchOptions.cache ?? 'no-store' });
    // An answer straight from the API tells how far the web's clock is from the API's.
    const uncachedForward = () => {
      operation.setContext({ fetchOptions: uncached() });
      return forward(operation).pipe(tap(() => clock.learn(operation.getContext().response as Response | undefined)));
    };
    if (!shareable) return uncachedForward();
    operation.setContext({ fetchOptions: { ...fetchOptions, next: { revalidate, tags: [GRAPHQL_CACHE_TAG] } } });
    return forward(operation).pipe(
      mergeMap((result) => {
        const { response } = operation.getContext() as { response?: Response };
        if (!result.errors?.length && !clock.olderThan(response, revalidate + 1)) return of(result);
        return uncachedForward();
      }),
    );
  });
}

/**
 * The API's `Date` header against the web's clock. The two machines' clocks may differ: the
 * difference seen on the last answer straight from the API (never from the cache) is taken off,
 * so a web clock running ahead does not make every kept answer look expired. (`Date` counts whole
 * seconds, hence the second allowed for on top of `revalidate`.)
 */
const clock = {
  skewMs: 0,
  learn(response: Response | undefined): void {
    const date = dateOf(response);
    if (date !== undefined) this.skewMs = Date.now() - date;
  },
  olderThan(response: Response | undefined, seconds: number): boolean {
    const date = dateOf(response);
    return date !== undefined && Date.now() - this.skewMs - date > seconds * 1000;
  },
};

function dateOf(response: Response | undefined): number | undefined {
  const date = Date.parse(response?.headers.get('date') ?? '');
  return Number.isFinite(date) ? date : undefined;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}
