import { type IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
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

/**
 * The unit a per-client limit counts: an IPv4 address (an IPv4-mapped IPv6 one as IPv4), or an
 * IPv6 address's /64 network. One subscriber is routinely given a whole /64, so counting single
 * IPv6 addresses would let one client step around any limit by changing its last 64 bits.
 */
export function addressGroup(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped) return mapped[1];
  if (isIP(bare) !== 6) return bare;
  const [head, tail] = bare.toLowerCase().split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(head);
  // A trailing dotted IPv4 part stands for two groups; the /64 prefix never reaches it unless `::` is absent.
  const rightCount = groups(tail).reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const all = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - rightCount)).fill('0'), ...groups(tail)];
  return `${all.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}
