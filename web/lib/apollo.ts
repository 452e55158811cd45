import { HttpLink } from '@apollo/client';
import { ApolloClient, InMemoryCache, registerApolloClient } from '@apollo/client-integration-nextjs';
import { MicroCache } from './api/micro-cache';
import { config } from './config';

const publicAnswers = new MicroCache(config.apiCacheMs);

// Abort a hung API call so the page falls through to its error state instead of hanging,
// while keeping Apollo's own signal (used when an operation is torn down).
const fetchWithTimeout: typeof fetch = (input, init) =>
  fetch(input, {
    ...init,
    signal: AbortSignal.any(
      [init?.signal, AbortSignal.timeout(config.graphqlTimeoutMs)].filter((signal): signal is AbortSignal => signal != null),
    ),
  });

// Public answers come from the micro-cache when a reader asked the same a moment ago.
const cachedFetch: typeof fetch = (input, init) => publicAnswers.fetch(fetchWithTimeout, input, init);

// One client per request, shared by the server components rendering that request.
export const { query } = registerApolloClient(
  () =>
    new ApolloClient({
      cache: new InMemoryCache(),
      // Server pages read each answer once: normalising it into the cache and reading it back
      // cost about as much as rendering the page. The micro-cache shares answers between readers.
      defaultOptions: { query: { fetchPolicy: 'no-cache' } },
      link: new HttpLink({
        uri: config.graphqlUrl,
        fetch: cachedFetch,
        // Not Next's own fetch cache: the micro-cache above is the only one, and it is short.
        fetchOptions: { cache: 'no-store' },
      }),
    }),
);

// Apollo Client 4.1+ "modern" signatures type `data` from the error policy: with the default
// policy ("none") a query either resolves with data or rejects, so `data` is never undefined.
declare module '@apollo/client' {
  export interface TypeOverrides {
    signatureStyle: 'modern';
  }
}
