import { createHmac } from 'node:crypto';
import { open, padToBucket, seal } from '../../../common/sealing';
import { type AnswerRows } from '../answer-checks';

/**
 * Sealed plaintexts are padded to a multiple of this many bytes: the ciphertext's length tells a
 * free-text answer's length only to within a bucket.
 */
export const ANSWER_PAD_BUCKET = 256;

/** What an answer waiting in the mix holds: its district and its answer rows. */
export interface WaitingAnswer {
  districtId: string | null;
  rows: AnswerRows;
}

/**
 * Seals answers while they wait in the mix (poll_answer_mix.sealed), so that a copy of the database
 * shows a new sealed row, not what it says. The key is derived from RESPONDENT_SECRET under a label
 * of its own; the poll id is associated data, so a sealed answer copied to another poll does not open.
 */
export class AnswerSeal {
  private readonly key: Buffer;

  constructor(respondentSecret: string) {
    this.key = createHmac('sha256', respondentSecret).update('nabz answer mix seal').digest();
  }

  seal(pollId: string, answer: WaitingAnswer): Buffer {
    const { districtId, rows } = answer;
    const json = JSON.stringify({ d: districtId, q: rows.questionIds, o: rows.optionIds, n: rows.numbers, t: rows.texts });
    return seal(this.key, padToBucket(Buffer.from(json, 'utf8'), ANSWER_PAD_BUCKET), context(pollId));
  }

  /** The answer, or null when it does not open (another key, another poll, altered). */
  open(pollId: string, sealed: Buffer): WaitingAnswer | null {
    const plain = open(this.key, sealed, context(pollId));
    if (!plain) return null;
    const p = JSON.parse(plain.toString('utf8')) as {
      d: string | null;
      q: string[];
      o: Array<string | null>;
      n: Array<number | null>;
      t: Array<string | null>;
    };
    return { districtId: p.d, rows: { questionIds: p.q, optionIds: p.o, numbers: p.n, texts: p.t } };
  }
}

const context = (pollId: string) => `poll_answer_mix\n${pollId}`;
