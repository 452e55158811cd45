import {
  constants,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  type KeyObject,
  privateDecrypt,
  publicEncrypt,
  verify,
} from 'node:crypto';
import { promisify } from 'node:util';
import { type DataSource } from 'typeorm';
import { badInput } from '../../../common/errors';
import { open, seal, type SealLayout } from '../../../common/sealing';

/** The signing keys' stored layout: nonce | tag | ciphertext, no version byte. */
const UNVERSIONED: SealLayout = { version: null };

/** RFC 9474's variant: RSA-2048, SHA-384, PSS with a 48-byte salt, and a random 32-byte prefix the client adds. */
export const TOKEN_ALGORITHM = 'RSABSSA-SHA384-PSS-Randomized';
const MODULUS_BYTES = 256;
const PSS_SALT_BYTES = 48;
const generate = promisify(generateKeyPair);

export interface PollKeyPair {
  publicKeyDer: Buffer;
  publicKey: KeyObject;
  privateKey: KeyObject;
}

/**
 * Per-poll blind-signing keys (RFC 9474 blind RSA). The server signs a blinded message it cannot
 * read; the client unblinds the signature and later answers with (message, signature). The server
 * stores that a verified identity received a token and, separately, that a token was spent: nothing
 * joins the two, since the server never saw the message it signed.
 *
 * Signing runs through Node's OpenSSL (raw RSA with the private key, CRT and blinding inside
 * OpenSSL): `@cloudflare/blindrsa-ts`'s blindSign does the RSA in pure BigInt arithmetic, which
 * on Node is orders of magnitude slower than OpenSSL's (see docs/privacy.md for the scheme).
 * The client side (prepare, blind, finalize) is the library's, in the browser or a partner app.
 */
export class PollTokenKeys {
  private readonly sealKey: Buffer;
  private readonly keys = new Map<string, Promise<PollKeyPair>>();

  constructor(
    private readonly db: DataSource,
    secret: string,
  ) {
    this.sealKey = createHmac('sha256', secret).update('poll-token-key-seal').digest();
  }

  /** The poll's key pair, made on first use (by whichever instance comes first) and cached. */
  keyPair(pollId: string): Promise<PollKeyPair> {
    let found = this.keys.get(pollId);
    if (!found) {
      found = this.load(pollId);
      this.keys.set(pollId, found);
      found.catch(() => this.keys.delete(pollId));
    }
    return found;
  }

  /** The poll's public key (SubjectPublicKeyInfo, DER) if one was made, without making one. */
  async existingPublicKey(pollId: string): Promise<Buffer | null> {
    const rows: Array<{ public_key: Buffer }> = await this.db.query('SELECT public_key FROM poll_token_key WHERE poll_id = $1', [pollId]);
    return rows[0]?.public_key ?? null;
  }

  /**
   * RFC 9474 BlindSign: s = m^d mod n, checked (s^e mod n = m) before it is returned. A blinded
   * message of the wrong length, 0 or 1, or not below the modulus is BAD_USER_INPUT.
   */
  blindSign(keys: PollKeyPair, blindedMessage: Buffer): Buffer {
    if (blindedMessage.length !== MODULUS_BYTES)
      throw badInput(`The blinded message must be ${MODULUS_BYTES} bytes (base64url).`, 'input.blindedMessage');
    // 0 and 1 are their own signatures, whatever the key: no blinded message is either, and signing
    // one would spend the identity's one token on nothing.
    if (blindedMessage.subarray(0, -1).every((b) => b === 0) && blindedMessage[MODULUS_BYTES - 1] <= 1)
      throw badInput('The blinded message is 0 or 1, which no blinding gives: blind the prepared message first.', 'input.blindedMessage');
    let signature: Buffer;
    try {
      signature = privateDecrypt({ key: keys.privateKey, padding: constants.RSA_NO_PADDING }, blindedMessage);
    } catch {
      throw badInput("The blinded message is not below the key's modulus: blind it with this poll's public key.", 'input.blindedMessage');
    }
    const check = publicEncrypt({ key: keys.publicKey, padding: constants.RSA_NO_PADDING }, signature);
    if (!check.equals(blindedMessage)) throw new Error('blind signature failed its own verification');
    return signature;
  }

  /** Whether (message, signature) is a token of this poll (RSASSA-PSS-VERIFY over the prepared message). */
  verifyToken(keys: PollKeyPair, message: Buffer, signature: Buffer): boolean {
    if (signature.length !== MODULUS_BYTES) return false;
    return verify(
      'sha384',
      message,
      { key: keys.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: PSS_SALT_BYTES },
      signature,
    );
  }

  /** The participation key a spent token is stored as: a digest of its message (one answer per token). */
  static spentKey(pollId: string, message: Buffer): Buffer {
    return createHash('sha256').update(`poll-token:${pollId}:`).update(message).digest();
  }

  private async load(pollId: string): Promise<PollKeyPair> {
    const read = async () => {
      const rows: Array<{ public_key: Buffer; sealed_private_key: Buffer }> = await this.db.query(
        'SELECT public_key, sealed_private_key FROM poll_token_key WHERE poll_id = $1',
        [pollId],
      );
      return rows[0];
    };
    let row = await read();
    if (!row) {
      const pair = await generate('rsa', { modulusLength: MODULUS_BYTES * 8, publicExponent: 0x10001 });
      const publicDer = pair.publicKey.export({ type: 'spki', format: 'der' });
      const privateDer = pair.privateKey.export({ type: 'pkcs8', format: 'der' });
      // Two instances may race to make it: the first one stored wins, and both use it.
      await this.db.query(
        'INSERT INTO poll_token_key (poll_id, public_key, sealed_private_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [pollId, publicDer, this.seal(privateDer, pollId)],
      );
      row = await read();
    }
    return {
      publicKeyDer: row.public_key,
      publicKey: createPublicKey({ key: row.public_key, format: 'der', type: 'spki' }),
      privateKey: createPrivateKey({ key: this.unseal(row.sealed_private_key, pollId), format: 'der', type: 'pkcs8' }),
    };
  }

  /** AES-256-GCM, the poll id as associated data (a sealed key cannot be moved to another poll); stored without a version byte. */
  private seal(plain: Buffer, pollId: string): Buffer {
    return seal(this.sealKey, plain, pollId, UNVERSIONED);
  }

  private unseal(sealed: Buffer, pollId: string): Buffer {
    const plain = open(this.sealKey, sealed, pollId, UNVERSIONED);
    if (!plain) throw new Error(`the signing key of poll ${pollId} does not open (another TOKEN_KEY_SECRET?)`);
    return plain;
  }
}
