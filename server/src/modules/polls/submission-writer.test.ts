import { ResponseAssurance } from './poll.enums';
import { runInNewContext } from 'node:vm';
import { type DataSource } from 'typeorm';
import { SubmissionWriter } from './submission-writer';
import { AnswerSeal } from './participation/answer-seal';

/** A data source whose every statement fails with `error`, and that counts them. */
function failingDb(error: unknown): DataSource & { statements: number } {
  const db = {
    statements: 0,
    logger: { logQuery: () => undefined },
    driver: {
      master: {
        query: async () => {
          db.statements++;
          throw error;
        },
      },
    },
  };
  return db as unknown as DataSource & { statements: number };
}

const submission = (n: number) => ({
  pollId: '00000000-0000-4000-8000-000000000001',
  respondentKey: Buffer.from([n]),
  districtId: null,
  assurance: ResponseAssurance.CHALLENGED,
  challenge: null,
  clusterKey: null,
  rows: { questionIds: [], optionIds: [], numbers: [], texts: [] },
});

describe('SubmissionWriter', () => {
  it('rejects every submission of a failed batch, even with an error from another realm', async () => {
    // Node's own errors (a refused connection) are not instances of a test sandbox's Error; the
    // writer once resolved them as outcomes, which read as "poll closed".
    const foreign = runInNewContext('Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })') as Error;
    expect(foreign instanceof Error).toBe(false);
    const db = failingDb(foreign);
    const writer = new SubmissionWriter(db, 1, new AnswerSeal('test-secret'));
    const results = await Promise.allSettled([1, 2, 3].map((n) => writer.write(submission(n))));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(results.map((r) => (r as PromiseRejectedResult).reason)).toEqual([foreign, foreign, foreign]);
  });

  it('retries a failed batch one submission at a time', async () => {
    const db = failingDb(new Error('boom'));
    const writer = new SubmissionWriter(db, 1, new AnswerSeal('test-secret'));
    const first = writer.write(submission(1)); // written alone at once
    const rest = [2, 3, 4].map((n) => writer.write(submission(n))); // wait, then go as one batch of three
    await Promise.allSettled([first, ...rest]);
    expect(db.statements).toBe(1 + 1 + 3);
  });

  it('does not retry one by one when the database is out of reach', async () => {
    const db = failingDb(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    const writer = new SubmissionWriter(db, 1, new AnswerSeal('test-secret'));
    const first = writer.write(submission(1));
    const rest = [2, 3, 4].map((n) => writer.write(submission(n)));
    const results = await Promise.allSettled([first, ...rest]);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(db.statements).toBe(2);
  });
});
