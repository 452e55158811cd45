import { type FastifyReply } from 'fastify';
import { AppError, ErrorCode } from '../common/errors';

/** The HTTP status of each code a route outside GraphQL answers with. */
const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/**
 * The API's error shape outside GraphQL (the same as a GraphQL error's): one error with its
 * message, its stable code, any details, and the request id to quote.
 */
export function errorBody(requestId: string, code: string, message: string, details: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...details, requestId } }] };
}

/** Answers `status` with the error shape, not to be cached. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): FastifyReply {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send(errorBody(reply.request.id, code, message, details));
}

/**
 * An AppError a route threw, as its HTTP answer (its code's status, its field and reason); anything else is
 * thrown on for the app's error handler, which logs it and masks it as INTERNAL_SERVER_ERROR.
 */
export function sendAppError(reply: FastifyReply, err: unknown, statuses: Partial<Record<string, number>> = STATUS): FastifyReply {
  const status = err instanceof AppError ? statuses[String(err.extensions.code)] : undefined;
  if (!status || !(err instanceof AppError)) throw err;
  const { code, field, reason, retryAfter } = err.extensions as { code: string; field?: string; reason?: string; retryAfter?: number };
  if (retryAfter) reply.header('retry-after', String(retryAfter));
  return sendError(reply, status, code, err.message, {
    ...(field ? { field } : {}),
    ...(reason ? { reason } : {}),
    ...(retryAfter ? { retryAfter } : {}),
  });
}
