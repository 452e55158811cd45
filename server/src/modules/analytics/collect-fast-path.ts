import { clientAddressOf, type TrustProxy } from '../../common/client-address';
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { AppError, ErrorCode } from '../../common/errors';
import { type Logger } from '../../logger';
import { type AnalyticsService, type PageViewClient } from './analytics.service';
import { BEACON_MAX_BYTES, PageViewError, parseBeacon } from './beacon';

export const COLLECT_PATH = '/collect';

/** Headers of every beacon answer: sendBeacon cannot read it; fetch() callers on any origin can, without credentials. */
export const BEACON_HEADERS = { 'access-control-allow-origin': '*', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;
const ACCEPTED_TYPE = /^\s*(?:text\/plain|application\/json)\s*(?:;|$)/i;
const CONTENT_LENGTH = /^\d{1,5}$/;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** 429 for an address over its page views of the minute; 503 for the other refusals (ANALYTICS_UNAVAILABLE). */
export function beaconRefusalStatus(error: AppError): number {
  return error.extensions.code === ErrorCode.RATE_LIMITED ? 429 : 503;
}

/** The error body of a refused beacon: the API's error shape. */
export function refusal(code: string, message: string, field: string | null | undefined, requestId: string, retryAfter?: unknown): string {
  return JSON.stringify({ errors: [{ message, extensions: { code, ...(field ? { field } : {}), ...(retryAfter ? { retryAfter } : {}), requestId } }] });
}

/**
 * The beacon's hot path, ahead of Fastify's router: a well-formed beacon (POST /collect, text/plain
 * or application/json, a Content-Length of at most BEACON_MAX_BYTES) is read, checked, counted and
 * answered here, without Fastify's per-request work (child logger, request id, hooks, reply
 * pipeline), which costs more than the page view itself. Returns false for anything else, which
 * Fastify then handles as usual, the /collect route included (OPTIONS, chunked or oversized bodies,
 * other media types). It answers as that route does: same codes, same error shape, no log line.
 */
export function collectFastPath(analytics: AnalyticsService, trustProxy: TrustProxy, log: Logger, webSecret?: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  // As the app pins `request.ip` for the same TRUST_PROXY and WEB_API_SECRET.
  const clientAddress = clientAddressOf(trustProxy, webSecret);
  const send = (res: ServerResponse, status: number, body?: string) => {
    if (body === undefined) {
      res.writeHead(status, BEACON_HEADERS);
      res.end();
    } else {
      res.writeHead(status, { ...BEACON_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    }
  };
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string, field?: string | null, retryAfter?: unknown) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', requestId);
    send(res, status, refusal(code, message, field, requestId, retryAfter));
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    let client: PageViewClient;
    let outcome;
    try {
      const fields = parseBeacon(body);
      const headers = req.headers;
      client = { address: clientAddress(req), userAgent: headers['user-agent'], origin: headers.origin, acceptLanguage: headers['accept-language'] };
      outcome = analytics.record(client, fields);
    } catch (err) {
      return failed(req, res, err);
    }
    if (typeof outcome === 'string') return send(res, 204);
    // The first page view of the day waits for the day's salt.
    outcome.then(
      () => send(res, 204),
      (err: unknown) => failed(req, res, err),
    );
  };

  const failed = (req: IncomingMessage, res: ServerResponse, err: unknown) => {
    if (err instanceof PageViewError) return refuse(req, res, 400, ErrorCode.BAD_USER_INPUT, err.message, err.field);
    if (err instanceof AppError) {
      if (err.extensions.code === ErrorCode.RATE_LIMITED) res.setHeader('retry-after', String(err.extensions.retryAfter));
      return refuse(req, res, beaconRefusalStatus(err), String(err.extensions.code), err.message, null, err.extensions.retryAfter);
    }
    log.error({ err }, 'analytics: a beacon failed');
    refuse(req, res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected error. Quote the requestId when reporting it.');
  };

  return (req, res) => {
    if (req.method !== 'POST' || (req.url !== COLLECT_PATH && !req.url?.startsWith(`${COLLECT_PATH}?`))) return false;
    const type = req.headers['content-type'];
    const length = req.headers['content-length'];
    if (!type || !ACCEPTED_TYPE.test(type) || !length || !CONTENT_LENGTH.test(length) || Number(length) > BEACON_MAX_BYTES || req.headers['transfer-encoding']) return false;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => res.destroy());
    return true;
  };
}
