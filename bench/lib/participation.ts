import { createHash, createPublicKey, type KeyObject, randomBytes } from 'node:crypto';

/**
 * What a browser or partner app does before answering, in bulk, so that a benchmark can send
 * every request with its own solved challenge or blind token (each buys one answer). What
 * tests/helpers/participation.ts does, batched (many aliases in one GraphQL request).
 */

async function post<T = Record<string, any>>(
  graphqlUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

/** Runs `work` over `items` with at most `concurrency` at once, keeping their order. */
async function pool<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]);
      }
    }),
  );
  return out;
}

// The API refuses more than 15 aliases in one operation.
const BATCH = 15;

/** `n` ALTCHA payloads (base64 JSON `{ challenge, solution }`), each from `altchaChallenge` and solved as the widget does. */
export async function solvedChallenges(graphqlUrl: string, n: number): Promise<string[]> {
  const { solveChallenge } = require('altcha-lib');
  const { deriveKey } = require('altcha-lib/algorithms/sha');
  const batches = Array.from({ length: Math.ceil(n / BATCH) }, (_, b) => Math.min(BATCH, n - b * BATCH));
  const fetched = await pool(batches, 8, async (size) => {
    const query = `{ ${Array.from({ length: size }, (_, i) => `c${i}: altchaChallenge { json }`).join(' ')} }`;
    const data = await post<Record<string, { json: string }>>(graphqlUrl, query);
    return Object.values(data).map((c) => JSON.parse(c.json));
  });
  return pool(fetched.flat(), 16, async (challenge) => {
    const solution = await solveChallenge({ challenge, deriveKey });
    if (!solution) throw new Error('an ALTCHA challenge could not be solved');
    return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
  });
}

/** The poll's public key (modulus and exponent), as a client reads it from `poll.tokenKey`. */
async function pollPublicKey(graphqlUrl: string, pollId: string): Promise<{ n: bigint; e: bigint }> {
  const data = await post<{ poll: { tokenKey: { publicKey: string } | null } }>(
    graphqlUrl,
    'query ($id: ID!) { poll(id: $id) { tokenKey { publicKey } } }',
    { id: pollId },
  );
  if (!data.poll.tokenKey) throw new Error('the poll has no token key');
  return rsaKey(createPublicKey({ key: Buffer.from(data.poll.tokenKey.publicKey, 'base64url'), format: 'der', type: 'spki' }));
}

/*
 * The client side of RFC 9474 (RSABSSA-SHA384-PSS-Randomized) with Node's BigInt and hashes.
 * @cloudflare/blindrsa-ts (what the tests and the web use) blinds with a pure-JavaScript bignum:
 * about 200 ms a token here, far too slow to prepare tens of thousands. The arithmetic is the
 * RFC's; the server cannot tell the difference (it verifies every token with OpenSSL's RSA-PSS).
 */
const MODULUS_BYTES = 256;
const SALT_BYTES = 48;
const HASH_BYTES = 48;

const toBigInt = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
const toBytes = (n: bigint) => Buffer.from(n.toString(16).padStart(MODULUS_BYTES * 2, '0'), 'hex');

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new Error('not invertible');
  return ((oldS % m) + m) % m;
}

/** EMSA-PSS-ENCODE (RFC 8017 9.1.1), SHA-384, MGF1-SHA-384, 48-byte salt, emBits = 2047. */
function pssEncode(message: Buffer): Buffer {
  const mHash = createHash('sha384').update(message).digest();
  const salt = randomBytes(SALT_BYTES);
  const h = createHash('sha384').update(Buffer.alloc(8)).update(mHash).update(salt).digest();
  const dbLength = MODULUS_BYTES - HASH_BYTES - 1;
  const db = Buffer.alloc(dbLength);
  db[dbLength - SALT_BYTES - 1] = 0x01;
  salt.copy(db, dbLength - SALT_BYTES);
  for (let counter = 0, at = 0; at < dbLength; counter++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    const mask = createHash('sha384').update(h).update(c).digest();
    for (let i = 0; i < mask.length && at < dbLength; i++, at++) db[at] ^= mask[i];
  }
  db[0] &= 0x7f;
  return Buffer.concat([db, h, Buffer.from([0xbc])]);
}

export interface Blinded {
  /** The prepared message (32 random bytes, then the message): what the token carries. */
  prepared: Buffer;
  blindedMessage: string;
  inv: bigint;
}

/** `count` fresh messages, prepared and blinded with the poll's public key (the client's work before issuance). */
export async function blindMessages(
  graphqlUrl: string,
  pollId: string,
  count: number,
): Promise<{ key: { n: bigint; e: bigint }; blinded: Blinded[] }> {
  const key = await pollPublicKey(graphqlUrl, pollId);
  return { key, blinded: blindWith(key, count) };
}

/** The public key (modulus, exponent) of an RSA KeyObject. */
export function rsaKey(publicKey: KeyObject): { n: bigint; e: bigint } {
  const jwk = publicKey.export({ format: 'jwk' });
  return { n: toBigInt(Buffer.from(jwk.n!, 'base64url')), e: toBigInt(Buffer.from(jwk.e!, 'base64url')) };
}

/** `count` fresh messages blinded with `key`. */
export function blindWith(key: { n: bigint; e: bigint }, count: number): Blinded[] {
  return Array.from({ length: count }, () => {
    const prepared = Buffer.concat([randomBytes(32), randomBytes(32)]);
    const m = toBigInt(pssEncode(prepared));
    // A random 128-bit blinding factor rather than one as long as the modulus: its inverse then
    // takes a few dozen BigInt steps instead of a thousand. The server sees a different blinded
    // message every time all the same (a benchmark needs no unlinkability from itself).
    const r = toBigInt(randomBytes(16)) | 1n;
    const blindedMessage = toBytes((m * modPow(r, key.e, key.n)) % key.n).toString('base64url');
    return { prepared, blindedMessage, inv: modInverse(r, key.n) };
  });
}

/** RFC 9474 Finalize without the verification (the server verifies): s = z · r⁻¹ mod n. */
export function finalize(key: { n: bigint }, b: Blinded, blindSignature: string): { message: string; signature: string } {
  const s = (toBigInt(Buffer.from(blindSignature, 'base64url')) * b.inv) % key.n;
  return { message: b.prepared.toString('base64url'), signature: toBytes(s).toString('base64url') };
}

export const ISSUE_POLL_TOKEN = 'mutation ($input: IssuePollTokenInput!) { issuePollToken(input: $input) { blindSignature } }';

/**
 * `residentIds.length` tokens of a RESIDENT_LIST poll, one per listed identifier: blinded, issued
 * (`issuePollToken`, many aliases a request) and unblinded as a client would, ready for `pollToken`.
 */
export async function residentTokens(
  graphqlUrl: string,
  pollId: string,
  residentIds: string[],
): Promise<Array<{ message: string; signature: string }>> {
  const { key, blinded } = await blindMessages(graphqlUrl, pollId, residentIds.length);
  const batches = Array.from({ length: Math.ceil(residentIds.length / BATCH) }, (_, b) => b * BATCH);
  const signatures = (
    await pool(batches, 4, async (from) => {
      const ids = residentIds.slice(from, from + BATCH);
      const query = `mutation (${ids.map((_, i) => `$i${i}: IssuePollTokenInput!`).join(', ')}) { ${ids.map((_, i) => `t${i}: issuePollToken(input: $i${i}) { blindSignature }`).join(' ')} }`;
      const variables = Object.fromEntries(
        ids.map((residentId, i) => [`i${i}`, { pollId, residentId, blindedMessage: blinded[from + i].blindedMessage }]),
      );
      const data = await post<Record<string, { blindSignature: string }>>(graphqlUrl, query, variables);
      return ids.map((_, i) => data[`t${i}`].blindSignature);
    })
  ).flat();
  return signatures.map((signature, i) => finalize(key, blinded[i], signature));
}

/** `n` member numbers (M-000001 …): no check digit to compute. */
export function memberNumbers(n: number, from = 1): string[] {
  return Array.from({ length: n }, (_, i) => `M-${String(from + i).padStart(6, '0')}`);
}

/** Makes a MEMBER_NUMBER eligibility list holding `ids` (5,000 an upload, the API's limit) and returns its id. */
export async function eligibilityList(graphqlUrl: string, staffToken: string, ids: string[]): Promise<string> {
  const chunk = 5000;
  const created = await post<{ createEligibilityList: { list: { id: string } } }>(
    graphqlUrl,
    'mutation ($input: CreateEligibilityListInput!) { createEligibilityList(input: $input) { list { id } } }',
    { input: { name: `benchmark members ${Date.now()}`, kind: 'MEMBER_NUMBER', entries: ids.slice(0, chunk).join('\n') } },
    staffToken,
  );
  const listId = created.createEligibilityList.list.id;
  for (let from = chunk; from < ids.length; from += chunk) {
    await post(
      graphqlUrl,
      'mutation ($input: AddEligibilityEntriesInput!) { addEligibilityEntries(input: $input) { added } }',
      { input: { listId, entries: ids.slice(from, from + chunk).join('\n') } },
      staffToken,
    );
  }
  return listId;
}
