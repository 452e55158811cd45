// Poll tokens for VERIFIED_PHONE and RESIDENT_LIST polls (RFC 9474 RSABSSA-SHA384-PSS-Randomized),
// made in the browser only: the browser blinds a fresh random message, the API signs the blinded
// message once the person is verified, and the browser unblinds the signature. Neither the API nor
// the website ever sees the message and the blinded message together, so the token the answer is
// sent with cannot be linked to the verified person. Loaded lazily by the verification step.
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import type { PollToken } from './token-storage';

export interface BlindedRequest {
  /** base64url, for issuePollToken's blindedMessage. */
  blindedMessage: string;
  /** Turns the API's blind signature (base64url) into the token. */
  finalize(blindSignature: string): Promise<PollToken>;
}

const suite = () => RSABSSA.SHA384.PSS.Randomized();

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Blinds a fresh random message under the poll's public key (SPKI DER, base64url). */
export async function blindRequest(publicKeySpki: string): Promise<BlindedRequest> {
  const rsa = suite();
  const publicKey = await crypto.subtle.importKey(
    'spki',
    fromBase64Url(publicKeySpki) as Uint8Array<ArrayBuffer>,
    { name: 'RSA-PSS', hash: 'SHA-384' },
    true,
    ['verify'],
  );
  const prepared = rsa.prepare(crypto.getRandomValues(new Uint8Array(32)));
  const { blindedMsg, inv } = await rsa.blind(publicKey, prepared);
  return {
    blindedMessage: toBase64Url(blindedMsg),
    async finalize(blindSignature) {
      // finalize also verifies the signature against the public key: a wrong one throws here.
      const signature = await rsa.finalize(publicKey, prepared, fromBase64Url(blindSignature), inv);
      return { message: toBase64Url(prepared), signature: toBase64Url(signature) };
    },
  };
}
