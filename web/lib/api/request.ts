import { CombinedGraphQLErrors, ServerError, gql, type ErrorLike, type OperationVariables, type TypedDocumentNode } from '@apollo/client';
import { Kind, OperationTypeNode, type DocumentNode } from 'graphql';
import { getClient } from '../apollo';

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

interface ParsedOperation {
  document: DocumentNode;
  mutation: boolean;
}

// Each document text is parsed once and the same DocumentNode reused, as Apollo Client expects
// (it keys its own work on the document object). The texts are the web's constants, a few dozen.
const parsed = new Map<string, ParsedOperation>();
const PARSED_MAX = 1_000;

function parse(text: string): ParsedOperation {
  let operation = parsed.get(text);
  if (!operation) {
    const document = gql(text);
    const definition = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    operation = { document, mutation: definition?.operation === OperationTypeNode.MUTATION };
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(text, operation);
  }
  return operation;
}

/** What Apollo Client made of one operation: the data, and whatever went wrong beside it. */
export interface OperationOutcome<T> {
  data?: T | null;
  error?: ErrorLike;
}

/**
 * One operation through the request's Apollo Client (lib/apollo.ts) with `errorPolicy: 'all'`:
 * GraphQL errors come back beside the data, and so does a transport failure (ServerError for an
 * HTTP error status, a TimeoutError, …) instead of being thrown. With `headers` (a visitor's
 * cookie, a staff token, the signed client address) and never kept by Next's data cache.
 */
export async function runOperation<T, V>(
  text: Operation<T, V>,
  variables: V,
  headers: Record<string, string>,
): Promise<OperationOutcome<T>> {
  const { document, mutation } = parse(text);
  // The types come from the Operation at the call site; Apollo sees plain variables.
  const typed = document as TypedDocumentNode<T, OperationVariables>;
  const vars = (variables ?? {}) as OperationVariables;
  // The caller's answer only: not one for Next to share between visitors.
  const context = { headers, fetchOptions: { cache: 'no-store' as const } };
  const client = getClient();
  const { data, error } = mutation
    ? await client.mutate({ mutation: typed, variables: vars, errorPolicy: 'all', context })
    : await client.query({ query: typed, variables: vars, errorPolicy: 'all', fetchPolicy: 'no-cache', context });
  return { data: data as T | null | undefined, error };
}

/**
 * The outcome as the API's answer: the data and its GraphQL errors. An HTTP error status whose
 * body is the API's error shape counts as those errors; any other failure (network, timeout,
 * an answer that is not GraphQL) is thrown.
 */
export function toResponse<T>({ data, error }: OperationOutcome<T>): GraphqlResponse<T> {
  if (!error) return { data };
  if (CombinedGraphQLErrors.is(error)) return { data, errors: error.errors as GraphqlError[] };
  if (ServerError.is(error)) {
    const errors = errorsIn(error.bodyText);
    if (errors) return { data, errors };
  }
  throw error;
}

function errorsIn(bodyText: string): GraphqlError[] | undefined {
  try {
    const body = JSON.parse(bodyText) as { errors?: unknown };
    return Array.isArray(body.errors) && body.errors.length ? (body.errors as GraphqlError[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One GraphQL request for the calls that need the whole answer (errors beside data) or carry a
 * visitor's own headers, through the same Apollo Client as the pages. Network failures and
 * answers that are not GraphQL throw.
 */
export async function graphqlRequest<T, V>(
  query: Operation<T, V>,
  variables: V,
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<T>> {
  return toResponse(await runOperation(query, variables, headers));
}
