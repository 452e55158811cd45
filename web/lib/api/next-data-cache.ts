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
 * It serves an expired answer once more while it fetches a fresh one behind it
 * (stale-while-revalidate), as Next does for every page it keeps. It also keeps any 200 answer,
 * one whose body carries GraphQL `errors` too (a passing failure, or a NOT_FOUND): such an answer
 * is never used from it, and is asked of the API again past the cache.
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
    const uncachedForward = () => {
      operation.setContext({ fetchOptions: { ...fetchOptions, cache: fetchOptions.cache ?? 'no-store' } });
      return forward(operation);
    };
    if (!shareable) return uncachedForward();
    operation.setContext({ fetchOptions: { ...fetchOptions, next: { revalidate, tags: [GRAPHQL_CACHE_TAG] } } });
    return forward(operation).pipe(mergeMap((result) => (result.errors?.length ? uncachedForward() : of(result))));
  });
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}
