import type * as BlindRsa from '@cloudflare/blindrsa-ts' with { 'resolution-mode': 'import' };
import { webcrypto } from 'node:crypto';
import { type TestApp } from './app';

/** What a browser or partner app does with blindrsa-ts: blind a fresh message, finalize the signature. */
export async function blindToken(t: TestApp, pollId: string, proof: Record<string, string>, headers: Record<string, string> = {}) {
  // An ES module, compiled for jest by its transform (jest.config.js).
  const { RSABSSA } = require('@cloudflare/blindrsa-ts') as typeof BlindRsa;
  const suite = RSABSSA.SHA384.PSS.Randomized();
  const key = await t.gql<{ poll: { tokenKey: { publicKey: string } | null } }>(
    'query ($id: ID!) { poll(id: $id) { tokenKey { publicKey } } }',
    { id: pollId },
  );
  const der = Buffer.from(key.body.data!.poll!.tokenKey!.publicKey, 'base64url');
  const publicKey = await webcrypto.subtle.importKey('spki', der, { name: 'RSA-PSS', hash: 'SHA-384' }, true, ['verify']);
  const message = webcrypto.getRandomValues(new Uint8Array(32));
  const prepared = suite.prepare(message);
  const { blindedMsg, inv } = await suite.blind(publicKey as never, prepared);
  const issued = await t.gql<{ issuePollToken: { blindSignature: string } }>(
    'mutation ($input: IssuePollTokenInput!) { issuePollToken(input: $input) { blindSignature tokenKey { algorithm } } }',
    { input: { pollId, blindedMessage: Buffer.from(blindedMsg).toString('base64url'), ...proof } },
    { headers },
  );
  if (!issued.body.data?.issuePollToken) return { issued, token: null };
  const signature = await suite.finalize(
    publicKey as never,
    prepared,
    Buffer.from(issued.body.data.issuePollToken.blindSignature, 'base64url'),
    inv,
  );
  return {
    issued,
    token: { message: Buffer.from(prepared).toString('base64url'), signature: Buffer.from(signature).toString('base64url') },
  };
}

/** Solves an ALTCHA challenge from the API as the widget would, returning the payload to send. */
export async function solvedChallenge(t: TestApp): Promise<string> {
  const { solveChallenge } = require('altcha-lib');
  const { deriveKey } = require('altcha-lib/algorithms/sha');
  const res = await t.gql<{ altchaChallenge: { json: string } }>('{ altchaChallenge { json expiresAt } }');
  const challenge = JSON.parse(res.body.data!.altchaChallenge.json);
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
