import { config } from '../config';

export interface GraphqlError {
  message: string;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export interface GraphqlResponse<T> {
  data?: T | null;
  errors?: GraphqlError[];
}

/**
 * One GraphQL request with plain fetch, for the few calls that need the whole answer (errors
 * beside data, per-visitor headers) rather than Apollo's page queries. Network failures and
 * non-JSON answers throw.
 */
export async function graphqlRequest<T>(
  query: string,
  variables: Record<string, unknown>,
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
