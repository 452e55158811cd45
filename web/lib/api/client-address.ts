import { createHmac } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { headers } from 'next/headers';
import { config } from '../config';

// The visitor's address, as server.mjs decided it from the connection (and the web's TRUST_PROXY),
// signed for the API: `X-Nabz-Client: <address>;<unix seconds>;<HMAC-SHA256 under WEB_API_SECRET,
// base64url>`. The API believes it only with that signature, so a visitor cannot choose the address
// its limits count; the visitor's own X-Forwarded-For is never passed on.
const CLIENT_ADDRESS_HEADER = 'x-nabz-client-address';
const WEB_CLIENT_HEADER = 'x-nabz-client';
const STAMP = Symbol.for('nabz.clientAddressStamp');
const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;

/** The address server.mjs stamped on this request; undefined without server.mjs (`next dev`) or when forged. */
export async function visitorAddress(): Promise<string | undefined> {
  const stamp = (globalThis as Record<symbol, unknown>)[STAMP];
  const value = (await headers()).get(CLIENT_ADDRESS_HEADER);
  if (typeof stamp !== 'string' || !value) return undefined;
  const [given, address] = value.split(' ');
  return given === stamp && address && ADDRESS.test(address) ? address : undefined;
}

/**
 * The unit a per-visitor limit counts, as the API counts its own (server/src/common/client-address.ts):
 * an IPv4 address (an IPv4-mapped IPv6 one as IPv4) or an IPv6 address's /64. One subscriber is
 * routinely given a whole /64, so counting single IPv6 addresses let one client step around a limit.
 */
export function addressGroup(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${(parsed as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`;
}

/** The header that tells the API which visitor an API call is made for; none when it cannot be vouched for. */
export async function clientAddressHeaders(): Promise<Record<string, string>> {
  const secret = config.webApiSecret;
  if (!secret) return {};
  const address = await visitorAddress();
  if (!address) return {};
  const seconds = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', secret).update(`${address}\n${seconds}`).digest('base64url');
  return { [WEB_CLIENT_HEADER]: `${address};${seconds};${signature}` };
}
