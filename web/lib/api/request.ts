import { config } from '../config';

export interface GraphqlError {
  message: string;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/**
 * A GraphQL document as text that carries the types GraphQL Code Generator made for it
 * (lib/api/graphql.generated.ts): `const Q: Operation<FooQuery, FooQueryVariables> = /* GraphQL *\/ \`query Foo …\``.
 * The request helpers take their result and variables types from it, so a page cannot ask for
 * one shape and read another.
 */
export type Operation<TResult, TVariables> = string & { readonly __operationTypes?: [TResult, TVariables] };

export interface GraphqlResponse<T> {
  data?: T | null;
  errors?: GraphqlError[];
}

/**
 * One GraphQL request with plain fetch, for the few calls that need the whole answer (errors
 * beside data, per-visitor headers) rather than Apollo's page queries. Network failures and
 * non-JSON answers throw.
 */
export async function graphqlRequest<T, V>(
  query: Operation<T, V>,
  variables: V,
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<T>> {
  const response = await fetch(config.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    cache: 'no-store',
    signal: AbortSignal.timeout(config.graphqlTimeoutMs),
  });
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) throw new Error(`GraphQL API answered ${response.status} ${type}`);
  return (await response.json()) as GraphqlResponse<T>;
}
