#!/usr/bin/env node
// The website's server: Next.js's own request handler behind a plain node:http server, so that each
// request's client address is decided here, where the connection is still visible. `next start`
// cannot: it keeps whatever X-Forwarded-For the visitor sent (and adds the peer only when there is
// none), so a visitor could be any address they liked to the API's per-address limits.
//
// The address is the connection's peer, or, when that peer is a proxy listed in TRUST_PROXY (the
// web's own setting: true, false, or addresses, CIDR ranges and loopback/linklocal/uniquelocal),
// the nearest X-Forwarded-For entry those proxies did not add. Forwarded headers from anyone else
// are dropped. The app reads the address from CLIENT_ADDRESS_HEADER, stamped with a secret of this
// process, so a header sent from outside (or under `next dev`, which does not run this file) is
// never taken for it (see lib/api/client-address.ts).
//
// Usage: node server.mjs [-p port] [-H hostname]   (PORT and HOSTNAME work too)
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { BlockList, isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CLIENT_ADDRESS_HEADER = 'x-nabz-client-address';
const FORWARDED = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip'];
// Shared with the app through the process's global object (the same process serves both).
const STAMP = Symbol.for('nabz.clientAddressStamp');

const NAMED = {
  loopback: [
    ['127.0.0.1', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
  ],
  linklocal: [
    ['169.254.0.0', 16, 'ipv4'],
    ['fe80::', 10, 'ipv6'],
  ],
  uniquelocal: [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
    ['fc00::', 7, 'ipv6'],
  ],
};

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) as the IPv4 address it is. */
function plain(address) {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address ?? '');
  return mapped ? mapped[1] : (address ?? '');
}

/** TRUST_PROXY as a predicate on addresses; a malformed entry stops start-up with its name. */
export function trustPredicate(raw) {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false' || value === '0') return () => false;
  if (value === 'true' || value === '1') return () => true;
  const list = new BlockList();
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    if (NAMED[entry]) {
      for (const [net, prefix, family] of NAMED[entry]) list.addSubnet(net, prefix, family);
      continue;
    }
    const [net, prefixText] = entry.split('/');
    const family = isIP(net);
    const prefix = prefixText === undefined ? (family === 6 ? 128 : 32) : Number(prefixText);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`TRUST_PROXY: "${entry}" is not an address, a CIDR range or loopback/linklocal/uniquelocal`);
    }
    list.addSubnet(net, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return (address) => {
    const bare = plain(address);
    const family = isIP(bare);
    return family !== 0 && list.check(bare, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/** The client's address: the peer, or behind trusted proxies the nearest X-Forwarded-For entry they did not add. */
export function clientAddress(peer, forwardedFor, trusted) {
  let address = plain(peer);
  if (!trusted(address)) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((h) => plain(h.trim()))
    .filter(Boolean);
  while (hops.length) {
    const hop = hops.pop();
    if (!isIP(hop)) break; // a malformed entry: keep the last address a trusted proxy vouched for
    address = hop;
    if (!trusted(address)) break;
  }
  return address;
}

function option(flag, env, fallback) {
  const at = process.argv.indexOf(flag);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : process.env[env] || fallback;
}

async function main() {
  process.env.NODE_ENV ??= 'production';
  const port = Number(option('-p', 'PORT', '3000'));
  // Listen on all interfaces unless told otherwise: a literal 127.0.0.1 breaks Next 16's locale rewrite.
  const hostname = option('-H', 'HOSTNAME', undefined);
  const trusted = trustPredicate(process.env.TRUST_PROXY);
  const stamp = randomBytes(18).toString('base64url');
  globalThis[STAMP] = stamp;

  const { default: next } = await import('next');
  const app = next({ dev: false, dir: path.dirname(fileURLToPath(import.meta.url)), hostname: hostname ?? 'localhost', port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    const peerTrusted = trusted(plain(req.socket.remoteAddress));
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trusted);
    // Only a trusted proxy may say which host and scheme the visitor asked for, or who they are.
    if (!peerTrusted) for (const name of FORWARDED) delete req.headers[name];
    req.headers['x-forwarded-for'] = address;
    req.headers[CLIENT_ADDRESS_HEADER] = `${stamp} ${address}`;
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.listen(port, hostname, () => console.log(`web: listening on http://${hostname ?? 'localhost'}:${port}`));

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => app.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
