import { type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { type GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { type ValidationError } from 'class-validator';
import { AppError, ErrorCode } from '../common/errors';
import { isDatabaseUnavailable } from '../db/unavailable';
import { type Logger } from '../logger';
import { type Context } from './context';

/** Codes Apollo Server itself gives to requests that never reached a resolver; they are safe to show. */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Apollo Server refuses an automatic persisted query whose sha256Hash is not its query's with a
 * plain GraphQLError (HTTP 400, no code): the caller's mistake, given a code and a message of ours.
 */
const APQ_HASH_MISMATCH = 'provided sha does not match query';

/** The input path of the first failed constraint, e.g. `input.titleFa`. */
function firstField(errors: ValidationError[], prefix: string[] = []): { field: string; message: string } | null {
  for (const e of errors) {
    const pathHere = [...prefix, e.property];
    if (e.constraints) return { field: pathHere.join('.'), message: Object.values(e.constraints)[0] };
    const nested = firstField(e.children ?? [], pathHere);
    if (nested) return nested;
  }
  return null;
}

/**
 * By the API conventions a mutation's argument is `input` (an `XInput` class) and a list's is
 * `filter` (an `XFilter` class); other arguments (`first`, `after`) are validated as top-level args.
 */
function argumentName(target: unknown): string | undefined {
  const name = (target as { constructor?: { name?: string } } | undefined)?.constructor?.name ?? '';
  if (name.endsWith('Input')) return 'input';
  if (name.endsWith('Filter')) return 'filter';
  return undefined;
}

/**
 * The one place that decides what a client sees of an error: known codes pass with their message,
 * everything else becomes INTERNAL_SERVER_ERROR without message, stack or SQL (the request id in
 * the response and the log ties the two together).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof ArgumentValidationError) {
    const errors = original.extensions.validationErrors;
    const first = firstField(errors);
    const field = first ? [argumentName(errors[0]?.target), first.field].filter(Boolean).join('.') : undefined;
    return {
      ...base,
      message: first ? `Invalid input: ${first.message}.` : 'Invalid input.',
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
    };
  }
  if (original instanceof AppError) {
    // `http` sets the response status (Apollo reads it before this); it is not for the client.
    const { http: _http, ...extensions } = original.extensions;
    return { ...base, message: original.message, extensions };
  }
  if (isDatabaseUnavailable(original)) {
    // The database did not answer, so whatever the request wrote was rolled back with its
    // transaction; the client may retry the same request.
    return {
      ...base,
      message: 'The service is briefly unavailable (its database does not answer). Try again in a few seconds.',
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfter: 5 },
    };
  }
  const code = formatted.extensions?.code;
  if (!formatted.path && formatted.message === APQ_HASH_MISMATCH)
    return {
      message: "The persisted query's sha256Hash is not the SHA-256 of the query sent with it.",
      extensions: { code: 'BAD_REQUEST' },
    };
  if (typeof code === 'string' && APOLLO_REQUEST_CODES.has(code) && !formatted.path) {
    // graphql-armor words its depth, alias, cost and directive refusals "Syntax Error: …", though
    // the query parsed (a real syntax error is GRAPHQL_PARSE_FAILED).
    const message = code === 'GRAPHQL_VALIDATION_FAILED' ? formatted.message.replace(/^Syntax Error: /, '') : formatted.message;
    return { message, locations: formatted.locations, extensions: { code } };
  }
  return {
    message: 'Unexpected error. Quote the requestId when reporting it.',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/**
 * Logs an error as the server sees it: an unexpected one in full, a database outage as a warning;
 * errors the caller caused (known codes, invalid input, refused requests) are not logged.
 */
export function logUnexpectedError(log: Logger, error: GraphQLError, requestId: string | undefined): void {
  const original = unwrapResolverError(error);
  if (original instanceof AppError || original instanceof ArgumentValidationError) return;
  if (!error.path && typeof error.extensions?.code === 'string' && APOLLO_REQUEST_CODES.has(error.extensions.code)) return;
  if (!error.path && error.message === APQ_HASH_MISMATCH) return;
  if (isDatabaseUnavailable(original)) log.warn({ err: original, requestId }, 'database unavailable');
  else log.error({ err: original, path: error.path, requestId }, 'unexpected error');
}

/** Gives a masked error the request id, which ties it to the log line. */
export function stampRequestId(error: GraphQLFormattedError, requestId: string): void {
  if (error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) (error.extensions as Record<string, unknown>).requestId = requestId;
}

/** Logs every unexpected error in full, and stamps masked errors with the request id. */
export function errorLoggingPlugin(log: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) logUnexpectedError(log, error, contextValue?.requestId);
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const e of response.body.singleResult.errors ?? []) stampRequestId(e, contextValue.requestId);
        },
      };
    },
  };
}
