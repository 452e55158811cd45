import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from './webhook-signature';
import { type WebhookUrlPolicy, isBlockedAddress, safeLookup } from './webhook-url';
import { WEBHOOK_ERROR_MAX } from './webhook.entity';

export const DELIVERY_TIMEOUT_MS = 5000;
const USER_AGENT = 'Nabz-Webhooks/1.0';

export interface DeliveryRequest {
  url: string;
  secret: string;
  deliveryId: string;
  eventType: string;
  body: string;
}

/** What one attempt came to: a status (any, 2xx or not) or an error without an answer. */
export interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

const short = (message: string) => (message.length > WEBHOOK_ERROR_MAX ? `${message.slice(0, WEBHOOK_ERROR_MAX - 1)}…` : message);

/** One line a partner can act on, never a stack. */
function describe(err: NodeJS.ErrnoException, timedOut: boolean): string {
  if (timedOut) return `timed out after ${DELIVERY_TIMEOUT_MS / 1000} s`;
  if (err.code === 'EADDRNOTALLOWED') return short(err.message);
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (err.code === 'ECONNREFUSED') return 'connection refused';
  if (err.code === 'ECONNRESET') return 'connection reset by the receiver';
  if (err.code?.startsWith('ERR_TLS') || err.code?.includes('CERT') || err.code === 'DEPTH_ZERO_SELF_SIGNED_CERT')
    return short(`TLS error: ${err.code}`);
  return short(err.code ? `${err.code}: ${err.message}` : err.message || 'request failed');
}

/**
 * POSTs one delivery: signed, with a 5 s limit on the whole exchange, following no redirect, and
 * refusing private addresses unless the policy allows them (checked on the address actually
 * connected to, so DNS rebinding does not get around it). Resolves always; never throws.
 */
export function sendDelivery(request: DeliveryRequest, policy: WebhookUrlPolicy): Promise<AttemptOutcome> {
  const started = Date.now();
  const done = (statusCode: number | null, error: string | null): AttemptOutcome => ({
    statusCode,
    error,
    durationMs: Date.now() - started,
  });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return Promise.resolve(done(null, 'the URL is not valid'));
  }
  if (url.protocol === 'http:' && !policy.allowHttp)
    return Promise.resolve(done(null, 'http:// URLs are not sent to in production; register an https:// URL'));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!policy.allowPrivate && isIP(host) && isBlockedAddress(host))
    return Promise.resolve(done(null, `${host} is a private address, which webhooks may not reach`));

  const body = Buffer.from(request.body, 'utf8');
  return new Promise((resolve) => {
    let timedOut = false;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, DELIVERY_TIMEOUT_MS);
    const finish = (outcome: AttemptOutcome) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      agent: false,
      signal: controller.signal,
      lookup: policy.allowPrivate ? undefined : safeLookup,
      headers: {
        'content-type': 'application/json',
        'content-length': body.length,
        'user-agent': USER_AGENT,
        [EVENT_HEADER]: request.eventType,
        [DELIVERY_HEADER]: request.deliveryId,
        [SIGNATURE_HEADER]: signatureHeader(request.secret, request.body),
      },
    });
    req.on('response', (res) => {
      // Only the status matters; the receiver's body is not read (nor kept).
      const status = res.statusCode ?? 0;
      res.destroy();
      const ok = status >= 200 && status < 300;
      const error = ok
        ? null
        : status >= 300 && status < 400
          ? `HTTP ${status}: redirects are not followed; register the final URL`
          : `HTTP ${status}`;
      finish(
        done(status >= 100 && status <= 599 ? status : null, error ?? (status >= 100 && status <= 599 ? null : 'invalid HTTP status')),
      );
    });
    req.on('error', (err: NodeJS.ErrnoException) => finish(done(null, describe(err, timedOut))));
    req.end(body);
  });
}
