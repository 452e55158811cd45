import { type IncomingMessage } from 'node:http';
import proxyaddr from '@fastify/proxy-addr';

/** TRUST_PROXY: no proxy, every proxy, or the proxies at these addresses (IPs, CIDRs, `loopback`, `uniquelocal`...). */
export type TrustProxy = boolean | string[];

/** Throws when an entry of a TRUST_PROXY list is not an address, a CIDR range or a named range. */
export function checkTrustList(list: string[]): void {
  proxyaddr.compile(list);
}

/**
 * The client's address as Fastify derives it for the same TRUST_PROXY: the connection's peer, or
 * the nearest X-Forwarded-For entry not added by a trusted proxy. Used where a request is seen
 * before or beside Fastify (the beacon's fast path, WebSocket upgrades), so that every path agrees.
 */
export function clientAddressOf(trust: TrustProxy): (req: IncomingMessage) => string {
  if (trust === false) return (req) => req.socket.remoteAddress ?? '';
  const trusted = trust === true ? () => true : proxyaddr.compile(trust);
  return (req) => proxyaddr(req, trusted);
}
