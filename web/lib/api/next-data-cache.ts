import { ApolloLink } from '@apollo/client';
import { OperationTypeNode } from 'graphql';
import { mergeMap, of } from 'rxjs';

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
    if (!shareable) {
      operation.setContext({ fetchOptions: uncached() });
      return forward(operation);
    }
    operation.setContext({ fetchOptions: { ...fetchOptions, next: { revalidate, tags: [GRAPHQL_CACHE_TAG] } } });
    return forward(operation).pipe(
      mergeMap((result) => {
        const { response } = operation.getContext() as { response?: Response };
        if (!result.errors?.length && !olderThan(response, revalidate + 1)) return of(result);
        operation.setContext({ fetchOptions: uncached() });
        return forward(operation);
      }),
    );
  });
}

/** Whether the answer's `Date` is more than `seconds` ago (false when it has none). */
function olderThan(response: Response | undefined, seconds: number): boolean {
  const date = Date.parse(response?.headers.get('date') ?? '');
  return Number.isFinite(date) && Date.now() - date > seconds * 1000;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}
