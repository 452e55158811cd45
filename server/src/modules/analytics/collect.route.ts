import { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { AppError, ErrorCode } from '../../common/errors';
import { errorBody } from '../../graphql/http-error';
import { type AnalyticsService } from './analytics.service';
import { BEACON_MAX_BYTES, PageViewError, parseBeacon } from './beacon';

export const COLLECT_PATH = '/collect';

/** Headers of every beacon answer: sendBeacon cannot read it; fetch() callers on any origin can, without credentials. */
export const BEACON_HEADERS = {
  'access-control-allow-origin': '*',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

/** 429 for an address over its page views of the minute; 503 for the other refusals (ANALYTICS_UNAVAILABLE). */
function beaconRefusalStatus(error: AppError): number {
  return error.extensions.code === ErrorCode.RATE_LIMITED ? 429 : 503;
}

/** Answers with the API's error shape. Returns nothing: a handler that returns the reply it already sent makes Fastify warn. */
function refuse(reply: FastifyReply, status: number, code: string, message: string, field?: string | null, retryAfter?: unknown): void {
  const body = errorBody(reply.request.id, code, message, { ...(field ? { field } : {}), ...(retryAfter ? { retryAfter } : {}) });
  void reply.code(status).headers(BEACON_HEADERS).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/**
 * POST /collect: the site's page-view beacon (`navigator.sendBeacon(url, JSON.stringify({...}))`,
 * which sends text/plain; application/json is accepted too). 204 when counted or ignored as a bot's;
 * refusals carry the API's error shape and a stable code: 400 BAD_USER_INPUT (with `field`), 413
 * PAYLOAD_TOO_LARGE, 415 UNSUPPORTED_MEDIA_TYPE, 429 RATE_LIMITED, 503 ANALYTICS_UNAVAILABLE. No access-log line:
 * page views are counted, not logged. A plain Fastify route: the request id, the client address
 * (`request.ip`, pinned for TRUST_PROXY and WEB_API_SECRET) and the hooks are the app's own.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any logger: the app's is pino's, Fastify's default type is narrower
export function registerCollectRoute(http: FastifyInstance<any, any, any, any>, analytics: AnalyticsService): void {
  void http.register(async (scope) => {
    // Only in this scope: the beacon's body is read as a string and checked by parseBeacon.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      ['text/plain', 'application/json'],
      { parseAs: 'string', bodyLimit: BEACON_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );

    scope.options(COLLECT_PATH, { logLevel: 'warn' }, (_request, reply) => {
      void reply
        .code(204)
        .headers({
          ...BEACON_HEADERS,
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'content-type',
          'access-control-max-age': '86400',
        })
        .send();
    });

    scope.post(
      COLLECT_PATH,
      {
        logLevel: 'warn',
        errorHandler(error: FastifyError, _request, reply) {
          if (error.statusCode === 413) refuse(reply, 413, 'PAYLOAD_TOO_LARGE', `A beacon is at most ${BEACON_MAX_BYTES} bytes.`);
          else if (error.statusCode === 415)
            refuse(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send a beacon as text/plain or application/json.');
          else if (error instanceof AppError) {
            if (error.extensions.code === ErrorCode.RATE_LIMITED) void reply.header('retry-after', String(error.extensions.retryAfter));
            refuse(reply, beaconRefusalStatus(error), String(error.extensions.code), error.message, null, error.extensions.retryAfter);
          } else throw error; // the app's error handler logs it and answers INTERNAL_SERVER_ERROR
        },
      },
      (request: FastifyRequest, reply: FastifyReply): Promise<void> | void => {
        let fields;
        try {
          fields = parseBeacon(request.body);
        } catch (err) {
          if (err instanceof PageViewError) return refuse(reply, 400, ErrorCode.BAD_USER_INPUT, err.message, err.field);
          throw err;
        }
        const headers = request.headers;
        const client = {
          address: request.ip,
          userAgent: headers['user-agent'],
          origin: headers.origin,
          acceptLanguage: headers['accept-language'],
        };
        const outcome = analytics.record(client, fields);
        const done = () => void reply.code(204).headers(BEACON_HEADERS).send();
        return typeof outcome === 'string' ? done() : outcome.then(done);
      },
    );
  });
}
