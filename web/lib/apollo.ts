import { ApolloLink, HttpLink } from '@apollo/client';
import { ApolloClient, InMemoryCache, registerApolloClient } from '@apollo/client-integration-nextjs';
import { nextDataCache } from './api/next-data-cache';
import { config } from './config';

// Abort a hung API call so the page falls through to its error state instead of hanging,
// while keeping Apollo's own signal (used when an operation is torn down).
const fetchWithTimeout: typeof fetch = (input, init) =>
  fetch(input, {
    ...init,
    signal: AbortSignal.any(
      [init?.signal, AbortSignal.timeout(config.graphqlTimeoutMs)].filter((signal): signal is AbortSignal => signal != null),
    ),
  });

/**
 * The web's one GraphQL client, one per request (a server action or route handler gets a new one
 * per getClient()): the public pages' `query`, and, through lib/api/request.ts, the visitor's
 * calls and the staff pages and actions. Public queries are kept by Next's own data cache for
 * API_CACHE_SECONDS (lib/api/next-data-cache.ts); nothing else is.
 */
export const { getClient, query } = registerApolloClient(
  () =>
    new ApolloClient({
      cache: new InMemoryCache(),
      // Server pages read each answer once: normalising it into the cache and reading it back
      // cost about as much as rendering the page. Next's data cache shares answers between readers.
      defaultOptions: { query: { fetchPolicy: 'no-cache' }, mutate: { fetchPolicy: 'no-cache' } },
      link: ApolloLink.from([nextDataCache(config.apiCacheMs), new HttpLink({ uri: config.graphqlUrl, fetch: fetchWithTimeout })]),
    }),
);

// Apollo Client 4.1+ "modern" signatures type `data` from the error policy: with the default
// policy ("none") a query either resolves with data or rejects, so `data` is never undefined.
declare module '@apollo/client' {
  export interface TypeOverrides {
    signatureStyle: 'modern';
  }
}
