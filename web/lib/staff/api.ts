import { ServerError } from '@apollo/client';
import { updateTag } from 'next/cache';
import { notFound } from 'next/navigation';
import { clientAddressHeaders } from '../api/client-address';
import { GRAPHQL_CACHE_TAG } from '../api/next-data-cache';
import { runOperation, toResponse, type GraphqlError, type GraphqlResponse, type Operation } from '../api/request';
import { sessionEnded, staffToken } from './session';

// GraphQL for the staff pages and actions, through the request's Apollo Client: the staff token
// as a Bearer, never kept by Next's data cache. A session the API no longer accepts (HTTP 401, or
// UNAUTHENTICATED) sends the person to sign in again.

export class StaffApiError extends Error {
  constructor(readonly errors: GraphqlError[]) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export async function staffRequest<T, V>(document: Operation<T, V>, variables?: V): Promise<GraphqlResponse<T>> {
  const token = await staffToken();
  if (!token) return sessionEnded(false);
  const outcome = await runOperation(document, (variables ?? {}) as V, {
    authorization: `Bearer ${token}`,
    ...(await clientAddressHeaders()),
  });
  if (ServerError.is(outcome.error) && outcome.error.statusCode === 401) return sessionEnded(true);
  const body = toResponse(outcome);
  if (body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return sessionEnded(true);
  return body;
}

/** A query whose data the page needs: NOT_FOUND is the 404 page, any other error the error page. */
export async function staffQuery<T, V>(document: Operation<T, V>, variables?: V): Promise<T> {
  const body = await staffRequest(document, variables);
  if (body.errors?.length) {
    const codes = body.errors.map((e) => e.extensions?.code);
    if (codes.includes('NOT_FOUND') || (codes.includes('BAD_USER_INPUT') && !body.data)) notFound();
    throw new StaffApiError(body.errors);
  }
  if (!body.data) throw new Error('GraphQL API answered without data');
  return body.data;
}

export type MutationResult<T> = { ok: true; data: T } | { ok: false; error: GraphqlError };

/**
 * A mutation from a form (a server action): refusals come back to show beside the form. A change
 * that went through forgets the public answers Next's data cache keeps, so the next view of any
 * public page (the staff member's own, or a citizen's) asks the API afresh instead of showing the
 * page as it was before the change.
 */
export async function staffMutation<T, V>(document: Operation<T, V>, variables: V): Promise<MutationResult<T>> {
  const body = await staffRequest(document, variables);
  if (body.data) updateTag(GRAPHQL_CACHE_TAG);
  if (body.errors?.length) return { ok: false, error: body.errors[0] };
  if (!body.data) return { ok: false, error: { message: 'No data', extensions: { code: 'INTERNAL_SERVER_ERROR' } } };
  return { ok: true, data: body.data };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);
export function uuidOr404(value: string): string {
  if (!isUuid(value)) notFound();
  return value;
}
