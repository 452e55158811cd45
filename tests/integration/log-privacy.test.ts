/**
 * The server log never holds what callers sent (docs/privacy.md): a failed SQL statement's error
 * carries its parameters — search words, answers — and often PostgreSQL's `detail` with the row's
 * values; the logger leaves both out.
 */
import { Writable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { QueryLogger } from '../../server/src/db/query-logger';
import { logUnexpectedError } from '../../server/src/graphql/error-format';
import { createLogger } from '../../server/src/logger';
import { startTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(() => t.close());

/** A logger configured as the server's, writing its lines to an array. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('debug', stream), lines };
}

type DatabaseError = Error & { parameters?: unknown[]; detail?: string };

/** Logs the error the three ways the server does: a resolver's, TypeORM's query logger's, on its own. */
function logEveryWay(error: DatabaseError, sql: string): string[] {
  const { log, lines } = capturingLogger();
  logUnexpectedError(log, new GraphQLError(error.message, { originalError: error, path: ['search'] }), 'request-1');
  new QueryLogger(log).logQueryError(error, sql);
  log.error(error, 'an error logged on its own');
  log.flush();
  expect(lines).toHaveLength(3);
  expect(JSON.parse(lines[0])).toMatchObject({ msg: 'unexpected error', requestId: 'request-1', err: { query: sql } });
  return lines;
}

describe('the server log', () => {
  const secret = 'an answer only its respondent should know';

  it("writes a failed statement's error and its SQL, but not its parameters", async () => {
    const sql = 'SELECT $1::text AS answer, 1 / 0 AS n';
    const error = await t.app.db.query(sql, [secret]).then(
      () => null,
      (e: DatabaseError) => e,
    );
    // The error PostgreSQL and TypeORM give does hold the parameter.
    expect(error?.parameters).toEqual([secret]);
    for (const line of logEveryWay(error!, sql)) {
      expect(line).not.toContain(secret);
      expect(JSON.parse(line).err).toMatchObject({ message: 'division by zero' });
    }
  });

  it("leaves out PostgreSQL's detail, which repeats the failing row", async () => {
    const runner = t.app.db.createQueryRunner();
    const sql = 'INSERT INTO pg_temp.answer_check (text) VALUES ($1)';
    try {
      await runner.query('CREATE TEMP TABLE answer_check (text text CONSTRAINT ck_short CHECK (length(text) < 10))');
      const error = await runner.query(sql, [secret]).then(
        () => null,
        (e: DatabaseError) => e,
      );
      expect(error?.detail).toContain(secret);
      for (const line of logEveryWay(error!, sql)) {
        expect(line).not.toContain(secret);
        expect(JSON.parse(line).err).toMatchObject({ constraint: 'ck_short' });
      }
    } finally {
      await runner.release();
    }
  });
});
