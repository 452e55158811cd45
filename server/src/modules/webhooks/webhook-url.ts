import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { BlockList, isIP, isIPv4 } from 'node:net';
import { badInput } from '../../common/errors';
import { isCleanText } from '../../common/validation';
import { WEBHOOK_URL_MAX } from './webhook.entity';

/** Where a webhook may point. Production: https:// only, public addresses only. */
export interface WebhookUrlPolicy {
  /** http:// as well as https:// (outside production). */
  allowHttp: boolean;
  /** localhost and private, loopback and link-local addresses (tests, or a city-internal partner on purpose). */
  allowPrivate: boolean;
}

/**
 * Addresses a webhook may never reach unless `allowPrivate`: the server's own network (SSRF).
 * Loopback, private, shared (CGNAT), link-local, unspecified, multicast, reserved and documentation ranges.
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  // 64:ff9b:1::/48 is NAT64 for local use (RFC 8215): its IPv4 part may sit at any prefix length,
  // so the whole range is refused. 2002::/16 (6to4) and 2001::/32 (Teredo) are refused whole too.
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (which may end in a dotted IPv4 part). */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    if (!isIPv4(dotted[1])) return null;
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/**
 * The IPv4 address inside an IPv6 address that carries one in its last 32 bits, if any: mapped
 * (::ffff:0:0/96), translated (::ffff:0:0:0/96, SIIT), compatible (::/96) or well-known NAT64
 * (64:ff9b::/96). A host that routes them reaches that IPv4 address.
 */
function embeddedIPv4(groups: number[]): string | null {
  const zeros = (n: number) => groups.slice(0, n).every((g) => g === 0);
  const mapped = zeros(5) && groups[5] === 0xffff;
  const translated = zeros(4) && groups[4] === 0xffff && groups[5] === 0;
  const compatible = zeros(6);
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (!mapped && !translated && !compatible && !nat64) return null;
  return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
}

/** True for an address a webhook must not reach (see BLOCKED). Anything that is not an IP address is blocked too. */
export function isBlockedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (isIPv4(bare)) return BLOCKED.check(bare, 'ipv4');
  if (isIP(bare) !== 6) return true;
  const groups = ipv6Groups(bare);
  if (!groups) return true;
  const v4 = embeddedIPv4(groups);
  if (v4) return BLOCKED.check(v4, 'ipv4');
  return BLOCKED.check(bare.replace(/%.*$/, ''), 'ipv6');
}

/** `localhost`, `x.localhost` (and with a trailing dot): always the machine itself. */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

export type ResolveAll = (hostname: string) => Promise<string[]>;

const RESOLVE_TIMEOUT_MS = 3000;

/** Every address a host name resolves to; rejects when it does not resolve within a few seconds. */
export const resolveAll: ResolveAll = (hostname) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('DNS lookup timed out')), RESOLVE_TIMEOUT_MS);
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(addresses.map((a) => a.address));
    });
  });

const field = 'input.url';

/**
 * Checks a URL a partner registers and returns it normalised. BAD_USER_INPUT (field `input.url`)
 * with a message saying what to change. A host name that does not resolve (yet) is accepted:
 * every delivery checks the addresses again when it connects (see safeLookup), which is what
 * actually keeps requests off private addresses.
 */
export async function validateWebhookUrl(raw: string, policy: WebhookUrlPolicy, resolve: ResolveAll = resolveAll): Promise<string> {
  const text = raw.trim();
  if (!text) throw badInput('Give the URL the events are to be POSTed to.', field);
  if (text.length > WEBHOOK_URL_MAX) throw badInput(`The URL is longer than ${WEBHOOK_URL_MAX} characters.`, field);
  if (!isCleanText(text) || /\s/.test(text)) throw badInput('The URL contains spaces or control characters.', field);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput('The URL is not valid: give an absolute URL such as https://partner.example/nabz-webhook.', field);
  }
  if (url.protocol === 'http:' && !policy.allowHttp) throw badInput('Webhook URLs must use https:// in production.', field);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badInput('Webhook URLs must start with https://.', field);
  if (url.username || url.password)
    throw badInput('Put no user name or password in the URL: receivers check the signature instead (docs/webhooks.md).', field);
  if (url.hash) throw badInput('Remove the #fragment: it is never sent.', field);
  if (!policy.allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const privateHost = () =>
      badInput(
        "The URL points to this machine or a private, loopback or link-local network address; use the partner's public address.",
        field,
      );
    if (isLocalhostName(host)) throw privateHost();
    if (isIP(host)) {
      if (isBlockedAddress(host)) throw privateHost();
    } else {
      const addresses = await resolve(host).catch(() => [] as string[]);
      if (addresses.some(isBlockedAddress))
        throw badInput(
          "The URL's host name resolves to a private, loopback or link-local network address; use the partner's public address.",
          field,
        );
    }
  }
  return url.href;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that refuses blocked addresses, so a host name that resolves to a
 * private address at delivery time (DNS rebinding) is refused too, after the connection's own lookup.
 */
export function safeLookup(hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, []);
    const refused = addresses.find((a) => isBlockedAddress(a.address));
    if (refused || isLocalhostName(hostname)) {
      const error: NodeJS.ErrnoException = new Error(
        `${hostname} resolves to a private address (${refused?.address ?? 'localhost'}), which webhooks may not reach`,
      );
      error.code = 'EADDRNOTALLOWED';
      return callback(error, []);
    }
    if ((options as LookupAllOptions).all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}
