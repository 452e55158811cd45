import { type TrustProxy } from '../../common/client-address';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { AppError, ErrorCode } from '../../common/errors';
import { type Logger } from '../../logger';
import { type AnalyticsService } from './analytics.service';
import { BEACON_MAX_BYTES, PageViewError, parseBeacon } from './beacon';
import { BEACON_HEADERS, beaconRefusalStatus, COLLECT_PATH, collectFastPath, refusal } from './collect-fast-path';

/** Answers with the API's error shape. Returns nothing: a handler that returns the reply it already sent makes Fastify warn. */
function refuse(reply: FastifyReply, status: number, code: string, message: string, field?: string | null, retryAfter?: unknown): void {
  void reply.code(status).headers(BEACON_HEADERS).type('application/json; charset=utf-8').send(refusal(code, message, field, reply.request.id, retryAfter));
}

/**
 * POST /collect: the site's page-view beacon (`navigator.sendBeacon(url, JSON.stringify({...}))`,
 * which sends text/plain; application/json is accepted too). 204 when counted or ignored as a bot's;
 * refusals carry the API's error shape and a stable code: 400 BAD_USER_INPUT (with `field`), 413
 * PAYLOAD_TOO_LARGE, 415 UNSUPPORTED_MEDIA_TYPE, 429 RATE_LIMITED, 503 ANALYTICS_UNAVAILABLE. No access-log line:
 * page views are counted, not logged.
 *
 * Well-formed beacons are answered by collectFastPath ahead of Fastify's router (see there why);
 * this Fastify route answers the rest the same way: the CORS preflight, chunked bodies, and the
 * refusals of oversized bodies and other media types.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any logger: the app's is pino's, Fastify's default type is narrower
export function registerCollectRoute(http: FastifyInstance<any, any, any, any>, analytics: AnalyticsService, options: { trustProxy: TrustProxy; webSecret?: string; log: Logger }): void {
  // `routing` is Fastify's own request handler, the server's only 'request' listener: put the fast path in front of it.
  const route = http.routing;
  const fast = collectFastPath(analytics, options.trustProxy, options.log, options.webSecret);
  const listeners = http.server.listenerCount('request');
  http.server.removeListener('request', route);
  if (http.server.listenerCount('request') !== listeners - 1) throw new Error('Fastify\'s request handler is not the server\'s request listener: the beacon fast path cannot be installed');
  http.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!fast(req, res)) route(req, res);
  });

  void http.register(async (scope) => {
    // Only in this scope: the beacon's body is read as a string and checked by parseBeacon.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(['text/plain', 'application/json'], { parseAs: 'string', bodyLimit: BEACON_MAX_BYTES }, (_request, body, done) => done(null, body));

    scope.options(COLLECT_PATH, { logLevel: 'warn' }, (_request, reply) => {
      void reply
        .code(204)
        .headers({ ...BEACON_HEADERS, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '86400' })
        .send();
    });

    scope.post(
      COLLECT_PATH,
      {
        logLevel: 'warn',
        errorHandler(error: FastifyError, _request, reply) {
          if (error.statusCode === 413) refuse(reply, 413, 'PAYLOAD_TOO_LARGE', `A beacon is at most ${BEACON_MAX_BYTES} bytes.`);
          else if (error.statusCode === 415) refuse(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send a beacon as text/plain or application/json.');
          else if (error instanceof AppError) {
            if (error.extensions.code === ErrorCode.RATE_LIMITED) void reply.header('retry-after', String(error.extensions.retryAfter));
            refuse(reply, beaconRefusalStatus(error), String(error.extensions.code), error.message, null, error.extensions.retryAfter);
          }
          else throw error; // the app's error handler logs it and answers INTERNAL_SERVER_ERROR
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
        const client = { address: request.ip, userAgent: headers['user-agent'], origin: headers.origin, acceptLanguage: headers['accept-language'] };
        const outcome = analytics.record(client, fields);
        const done = () => void reply.code(204).headers(BEACON_HEADERS).send();
        return typeof outcome === 'string' ? done() : outcome.then(done);
      },
    );
  });
}
