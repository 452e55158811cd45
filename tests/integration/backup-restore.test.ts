import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startTestApp, type TestApp } from '../helpers/app';
import { testDatabase } from '../helpers/database';
import { blindToken, solvedChallenge } from '../helpers/participation';
import { createPoll, SUBMIT } from '../helpers/polls';

/**
 * docs/operations.md's backup and restore, done as written: `pg_dump --format=custom` of a working
 * database, `pg_restore` into an empty one, and a server started on the copy with the same secrets.
 * Every table comes back row for row, and the copy keeps its promises: a respondent or a poll token
 * that answered before the backup cannot answer again after the restore, and a token issued before
 * the backup still answers once.
 */
const serverDatabase = testDatabase().mode === 'server';
// PGlite has no pg_dump of its own: on CI this must run (CI uses a PostgreSQL server).
const run = serverDatabase || process.env.CI ? describe : describe.skip;

const MOBILE_SPENT = '09121110001';
const MOBILE_KEPT = '09121110002';

/** Each table of the public schema: its row count and a digest of its rows in a fixed order. */
async function snapshot(url: string): Promise<Record<string, string>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const tables = await c.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const out: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const { rows } = await c.query<{ n: number; digest: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`,
      );
      out[name] = `${rows[0].n} ${rows[0].digest ?? '-'}`;
    }
    return out;
  } finally {
    await c.end();
  }
}

function tool(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000 });
  expect({ command, status: result.status, stderr: result.stderr.trim() }).toEqual({ command, status: 0, stderr: '' });
}

run('backup and restore (docs/operations.md)', () => {
  let t: TestApp;
  let restored: TestApp | undefined;
  let restoredUrl: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nabz-backup-'));

  beforeAll(async () => {
    t = await startTestApp({ env: { VERIFICATION_CHECKS_PER_CLIENT_PER_15_MIN: '1000', VERIFICATION_CODES_PER_CLIENT_PER_HOUR: '1000' } });
  });
  afterAll(async () => {
    await restored?.close();
    if (restoredUrl) {
      const admin = new Client({ connectionString: testDatabase().url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${new URL(restoredUrl).pathname.slice(1)}" WITH (FORCE)`).finally(() => admin.end());
    }
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores every row, and the copy keeps one person to one answer', async () => {
    const editor = await t.signIn('editor');
    const one = { questions: [{ kind: 'SINGLE_CHOICE', promptFa: 'موافقید؟', options: [{ labelFa: 'بله' }, { labelFa: 'خیر' }] }] };
    const open = await createPoll(t, editor, { titleFa: 'پیش از پشتیبان‌گیری', ...one });
    const verified = await createPoll(t, editor, { titleFa: 'با تلفن تأییدشده', assurance: 'VERIFIED_PHONE', ...one });
    const answers = (p: typeof open) => [{ questionId: p.questions[0].id, optionIds: [p.questions[0].options[0].id] }];
    const submit = (input: Record<string, unknown>, app: TestApp = t) => app.gql(SUBMIT, { input });

    // Before the backup: an OPEN answer (its respondent token kept), a verified token spent, another only issued.
    const first = await submit({ pollId: open.id, answers: answers(open), challenge: await solvedChallenge(t) });
    expect(first.body.errors).toBeUndefined();
    const respondentToken = first.body.data!.submitPollResponse.respondentToken as string;
    const tokens: Record<string, { message: string; signature: string }> = {};
    for (const phone of [MOBILE_SPENT, MOBILE_KEPT]) {
      await t.gql('mutation ($input: RequestVerificationCodeInput!) { requestVerificationCode(input: $input) { expiresAt } }', {
        input: { pollId: verified.id, phone },
      });
      const { token } = await blindToken(t, verified.id, { phone, code: t.sms.lastCode(phone)! });
      tokens[phone] = token!;
    }
    expect(
      (await submit({ pollId: verified.id, answers: answers(verified), pollToken: tokens[MOBILE_SPENT] })).body.errors,
    ).toBeUndefined();
    await t.settle();

    const before = await snapshot(t.databaseUrl);
    const results = await t.gql('query ($id: ID!) { pollResults(pollId: $id) { responseCount waitingCount } }', { id: open.id });

    // The backup and the restore, as docs/operations.md gives them.
    const file = path.join(dir, 'nabz.dump');
    tool('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, t.databaseUrl]);
    const target = new URL(t.databaseUrl);
    target.pathname = `/${target.pathname.slice(1)}_restored`;
    restoredUrl = target.toString();
    const admin = new Client({ connectionString: testDatabase().url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${target.pathname.slice(1)}"`).finally(() => admin.end());
    tool('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${restoredUrl}`, file]);

    expect(await snapshot(restoredUrl)).toEqual(before);

    // A server on the copy (same secrets): the promises hold across the restore.
    restored = await startTestApp({ databaseUrl: restoredUrl });
    expect(
      (await restored.gql('query ($id: ID!) { pollResults(pollId: $id) { responseCount waitingCount } }', { id: open.id })).body,
    ).toEqual(results.body);
    const again = await submit(
      { pollId: open.id, respondentToken, answers: answers(open), challenge: await solvedChallenge(restored) },
      restored,
    );
    expect(again.body.errors?.[0].extensions?.code).toBe('ALREADY_RESPONDED');
    const spent = await submit({ pollId: verified.id, answers: answers(verified), pollToken: tokens[MOBILE_SPENT] }, restored);
    expect(spent.body.errors?.[0].extensions?.code).toBe('ALREADY_RESPONDED');
    const kept = await submit({ pollId: verified.id, answers: answers(verified), pollToken: tokens[MOBILE_KEPT] }, restored);
    expect(kept.body.errors).toBeUndefined();
    // Staff sign in on the copy, and new rows take new ids (sequences came back too).
    const editorAgain = await restored.signIn('editor');
    const goal = await restored.gql(
      'mutation ($input: CreateGoalInput!) { createGoal(input: $input) { goal { id } } }',
      { input: { titleFa: 'هدفی پس از بازگردانی', category: 'AWARENESS' } },
      { token: editorAgain },
    );
    expect(goal.body.errors).toBeUndefined();
  }, 120_000);
});
