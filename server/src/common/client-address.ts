import { createHmac, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyaddr from '@fastify/proxy-addr';
import ipaddr from 'ipaddr.js';
import { hashKey } from './rate-limit';

/** TRUST_PROXY: no proxy, every proxy, or the proxies at these addresses (IPs, CIDRs, `loopback`, `uniquelocal`...). */
export type TrustProxy = boolean | string[];

/** Throws when an entry of a TRUST_PROXY list is not an address, a CIDR range or a named range. */
export function checkTrustList(list: string[]): void {
  proxyaddr.compile(list);
}

/**
 * The header the website sends its visitor's address in, for the API to count limits by that
 * visitor instead of by the website: `<address>;<unix seconds>;<signature>`, the signature being
 * HMAC-SHA256 under WEB_API_SECRET (shared by the two) of `<address>\n<unix seconds>`, base64url.
 * Believed only with a valid signature less than WEB_CLIENT_MAX_AGE_S old: a caller without the
 * secret cannot pass for the website, and a header seen once is of no use for long.
 */
export const WEB_CLIENT_HEADER = 'x-nabz-client';
export const WEB_CLIENT_MAX_AGE_S = 300;

function webClientSignature(secret: string, address: string, seconds: number): Buffer {
  return createHmac('sha256', secret).update(`${address}\n${seconds}`).digest();
}

/** The header value the website sends for `address` (the website has its own copy; tests use this one). */
export function signWebClient(secret: string, address: string, nowMs = Date.now()): string {
  const seconds = Math.floor(nowMs / 1000);
  return `${address};${seconds};${webClientSignature(secret, address, seconds).toString('base64url')}`;
}

/** The address a WEB_CLIENT_HEADER value vouches for, or null when it is malformed, stale or not signed with `secret`. */
export function verifyWebClient(secret: string, value: string | string[] | undefined, nowMs = Date.now()): string | null {
  if (typeof value !== 'string' || value.length > 200) return null;
  const [address, time, signature, ...rest] = value.split(';');
  if (rest.length || !address || !isIP(address) || !/^\d{1,12}$/.test(time ?? '') || !signature) return null;
  const seconds = Number(time);
  if (Math.abs(nowMs / 1000 - seconds) > WEB_CLIENT_MAX_AGE_S) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = webClientSignature(secret, address, seconds);
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : null;
}

/**
 * The client's address, decided the same way for every path (Fastify's `request.ip` is pinned to
 * it, the beacon's fast path and WebSocket upgrades call it): the website's signed visitor address
 * when the request carries a valid one, else the connection's peer or, behind proxies trusted by
 * TRUST_PROXY, the nearest X-Forwarded-For entry they did not add (as Fastify derives it).
 */
export function clientAddressOf(trust: TrustProxy, webSecret?: string): (req: IncomingMessage) => string {
  const forwarded: (req: IncomingMessage) => string =
    trust === false
      ? (req) => req.socket.remoteAddress ?? ''
      : (
          (trusted) => (req: IncomingMessage) =>
            proxyaddr(req, trusted)
        )(trust === true ? () => true : proxyaddr.compile(trust));
  if (!webSecret) return forwarded;
  return (req) => {
    const header = req.headers[WEB_CLIENT_HEADER];
    return (header !== undefined && verifyWebClient(webSecret, header)) || forwarded(req);
  };
}

/**
 * A client address as proxies write it, parsed: brackets, a port (`198.51.100.7:4711`,
 * `[2001:db8::1]:4711`, as some load balancers put into X-Forwarded-For) and an IPv6 zone are
 * dropped, and an IPv4-mapped IPv6 address, dotted or in hex (::ffff:c633:643d), is its IPv4 one.
 * Null when what is left is not an IP address.
 */
export function parseClientAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  let bare = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(bare);
  if (bracketed) bare = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(bare)) bare = bare.slice(0, bare.lastIndexOf(':'));
  bare = bare.replace(/%.*$/, '');
  // isIP first: ipaddr.js also takes shorthand IPv4 forms ("127.1") that no socket reports.
  return isIP(bare) ? ipaddr.process(bare) : null;
}

/** Anything a trusted proxy forwarded that is not an address: one client, however it varies. */
const NOT_AN_ADDRESS = 'not-an-address';

/**
 * The unit a per-client limit counts: an IPv4 address (an IPv4-mapped IPv6 one as IPv4), or an
 * IPv6 address's /64 network. One subscriber is routinely given a whole /64, so counting single
 * IPv6 addresses would let one client step around any limit by changing its last 64 bits; and a
 * value that is not an address at all would be a new client each time it changes.
 */
export function addressGroup(address: string): string {
  const parsed = parseClientAddress(address);
  if (!parsed) return NOT_AN_ADDRESS;
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${(parsed as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`;
}

/**
 * The key every per-client limit counts a request under (submissions, codes, sign-in failures):
 * the hash of its address group, so that neither a whole IPv6 /64 nor the two spellings of an
 * IPv4 address (`198.51.100.7`, `::ffff:198.51.100.7`) are several clients.
 */
export function clientKeyOf(address: string): string {
  return hashKey(`client:${addressGroup(address)}`);
}

/** How often a refused WEB_CLIENT_HEADER is logged: a misconfigured secret shows, a forger cannot fill the log. */
const REFUSAL_LOG_MS = 60_000;

/**
 * A Fastify onRequest hook: a request with a valid WEB_CLIENT_HEADER has `request.ip` pinned to the
 * visitor's address it vouches for, so every later reader (rate limits, analytics) counts that
 * visitor. An invalid one is ignored: the request counts as its sender's, as without the header.
 */
export function pinWebClientAddress(secret: string, log: { warn(obj: object, msg: string): void }) {
  let lastRefusal = 0;
  return (request: { headers: IncomingMessage['headers']; ip: string }, _reply: unknown, done: () => void): void => {
    const header = request.headers[WEB_CLIENT_HEADER];
    if (header !== undefined) {
      const address = verifyWebClient(secret, header);
      if (address) Object.defineProperty(request, 'ip', { value: address, enumerable: true });
      else if (Date.now() - lastRefusal > REFUSAL_LOG_MS) {
        lastRefusal = Date.now();
        log.warn(
          { sender: request.ip },
          `a request carried an invalid ${WEB_CLIENT_HEADER} header (not signed with this WEB_API_SECRET, or stale): counted as its sender's`,
        );
      }
    }
    done();
  };
}
