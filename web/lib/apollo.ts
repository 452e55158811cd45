import { HttpLink } from "@apollo/client";
import {
  ApolloClient,
  InMemoryCache,
  registerApolloClient,
} from "@apollo/client-integration-nextjs";
import { config } from "./config";

// Abort a hung API call so the page falls through to its error state instead of hanging,
// while keeping Apollo's own signal (used when an operation is torn down).
const fetchWithTimeout: typeof fetch = (input, init) =>
  fetch(input, {
    ...init,
    signal: AbortSignal.any(
      [init?.signal, AbortSignal.timeout(config.graphqlTimeoutMs)].filter(
        (signal): signal is AbortSignal => signal != null,
      ),
    ),
  });

// One client per request, shared by the server components rendering that request.
export const { query } = registerApolloClient(
  () =>
    new ApolloClient({
      cache: new InMemoryCache(),
      link: new HttpLink({
        uri: config.graphqlUrl,
        fetch: fetchWithTimeout,
        // Public pages are rendered per request; never serve a cached API answer.
        fetchOptions: { cache: "no-store" },
      }),
    }),
);

// Apollo Client 4.1+ "modern" signatures type `data` from the error policy: with the default
// policy ("none") a query either resolves with data or rejects, so `data` is never undefined.
declare module "@apollo/client" {
  export interface TypeOverrides {
    signatureStyle: "modern";
  }
}
