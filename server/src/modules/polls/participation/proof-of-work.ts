import { createHash, createHmac } from 'node:crypto';
import type * as AltchaLib from 'altcha-lib' with { 'resolution-mode': 'import' };
import type * as AltchaSha from 'altcha-lib/algorithms/sha' with { 'resolution-mode': 'import' };
import { AppError, badInput } from '../../../common/errors';
import { PollErrorCode } from '../poll.errors';

/**
 * Proof-of-work challenges (ALTCHA, self-hosted: no third party, no cookie). An OPEN poll's
 * answer that carries a solved challenge is stored as CHALLENGED; without one (a form sent without
 * JavaScript) it is still accepted, as UNCHALLENGED, under a tighter per-address limit. The
 * challenge is signed (nothing is stored when it is handed out) and spent with the answer it buys
 * (spent_challenge), so one solution buys one answer.
 */
export interface ProofOfWorkSettings {
  /** The solver tries counters from 0 up to a random one in [max/2, max]: the work asked of a browser. */
  maxCounter: number;
  /** How long a challenge may be solved and spent. */
  ttlSeconds: number;
}

export interface SolvedChallenge {
  /** Identifies the challenge among spent ones (a digest of its signature). */
  key: Buffer;
  expiresAt: Date;
}

type Challenge = AltchaLib.Challenge;
type Solution = AltchaLib.Solution;

// altcha-lib ships CommonJS builds beside its ES modules; its types are declared for the latter.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createChallenge, randomInt, verifySolution } = require('altcha-lib') as typeof AltchaLib;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { deriveKey } = require('altcha-lib/algorithms/sha') as typeof AltchaSha;

const ALGORITHM = 'SHA-256';

export class ProofOfWork {
  private readonly signatureSecret: string;

  constructor(
    secret: string,
    private readonly settings: ProofOfWorkSettings,
  ) {
    this.signatureSecret = createHmac('sha256', secret).update('altcha-challenge-signature').digest('hex');
  }

  /** A new challenge, as the ALTCHA widget and `altcha-lib`'s solveChallenge take it. */
  async challenge(now = new Date()): Promise<Challenge> {
    const max = this.settings.maxCounter;
    return createChallenge({
      algorithm: ALGORITHM,
      cost: 1,
      counter: randomInt(Math.ceil(max / 2), max),
      deriveKey,
      expiresAt: new Date(now.getTime() + this.settings.ttlSeconds * 1000),
      // No key signature: verifying then re-derives the key from the counter (one SHA-256) instead
      // of a second HMAC, which altcha-lib computes through WebCrypto with a fresh key import each time.
      hmacSignatureSecret: this.signatureSecret,
    });
  }

  /**
   * Checks a payload (the widget's base64 JSON `{ challenge, solution }`, or the same JSON as
   * text). BAD_USER_INPUT when it is not one; CHALLENGE_FAILED when it is ours but unsolved,
   * tampered with or expired. Whether it was spent before is the writer's to find out.
   */
  async verify(payload: string, field: string): Promise<SolvedChallenge> {
    let parsed: { challenge?: Challenge; solution?: Solution };
    try {
      const text = payload.trimStart().startsWith('{') ? payload : Buffer.from(payload, 'base64').toString('utf8');
      parsed = JSON.parse(text);
    } catch {
      throw badInput('The challenge payload is not the base64 JSON the ALTCHA widget sends.', field);
    }
    const { challenge, solution } = parsed ?? {};
    if (
      !challenge?.parameters ||
      typeof challenge.signature !== 'string' ||
      !solution ||
      typeof solution.counter !== 'number' ||
      typeof solution.derivedKey !== 'string'
    ) {
      throw badInput('The challenge payload lacks its challenge or solution.', field);
    }
    if (challenge.parameters.algorithm !== ALGORITHM || challenge.parameters.cost !== 1)
      throw challengeFailed('The challenge is not one this server issued.');
    let result;
    try {
      result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: this.signatureSecret });
    } catch {
      throw challengeFailed('The challenge could not be verified.');
    }
    if (result.expired) throw challengeFailed('The challenge has expired; solve a new one.');
    if (!result.verified) throw challengeFailed('The challenge is not solved, or not one this server issued.');
    return {
      key: createHash('sha256').update(challenge.signature).digest(),
      expiresAt: new Date((challenge.parameters.expiresAt ?? 0) * 1000),
    };
  }
}

const challengeFailed = (message: string) => new AppError(PollErrorCode.CHALLENGE_FAILED, message, { field: 'input.challenge' });
