import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createLogger } from '../../server/src/logger';
import { AbuseSignals } from '../../server/src/modules/polls/participation/abuse-signals';
import { FOLD_LOCK_CLASS } from '../../server/src/modules/polls/poll-tally.service';
import { startTestApp, type TestApp } from '../helpers/app';
import { freshDatabase, serverOnly } from '../helpers/database';
import { blindToken, solvedChallenge } from '../helpers/participation';
import { createPoll, SUBMIT } from '../helpers/polls';
import { waitForLockWaiters } from '../helpers/wait';

let t: TestApp;
let editor: string;

/** Two valid national codes (check digit right) and one with a wrong check digit. */
const LISTED = '0499370899';
const UNLISTED = '0013542419';
const BAD_CHECK_DIGIT = '0499370898';
const MOBILE = '09121234567';

const onePoll = (overrides: Record<string, unknown> = {}) => ({
  titleFa: 'پیاده‌راه‌سازی خیابان مرکزی',
  questions: [{ kind: 'SINGLE_CHOICE', promptFa: 'موافقید؟', options: [{ labelFa: 'بله' }, { labelFa: 'خیر' }] }],
  ...overrides,
});
const answer = (poll: { questions: Array<{ id: string; options: Array<{ id: string }> }> }, i = 0) => [
  { questionId: poll.questions[0].id, optionIds: [poll.questions[0].options[i].id] },
];

beforeAll(async () => {
  t = await startTestApp({
    seed: true,
    env: {
      SUBMISSIONS_PER_MINUTE: '100000',
      UNCHALLENGED_SUBMISSIONS_PER_HOUR: '1000',
      VERIFICATION_CHECKS_PER_CLIENT_PER_15_MIN: '1000',
      VERIFICATION_CODES_PER_CLIENT_PER_HOUR: '1000',
    },
  });
  editor = await t.signIn('editor');
});
afterAll(() => t.close());

const submit = (input: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.gql(SUBMIT.replace('respondentToken', 'respondentToken assurance'), { input }, { headers });

describe('OPEN polls: proof of work', () => {
  it('stores an answer with a solved challenge as CHALLENGED, and one without as UNCHALLENGED', async () => {
    const poll = await createPoll(t, editor, onePoll());
    const challenged = await submit({ pollId: poll.id, answers: answer(poll), challenge: await solvedChallenge(t) });
    expect(challenged.body.errors).toBeUndefined();
    expect(challenged.body.data!.submitPollResponse.assurance).toBe('CHALLENGED');
    const plain = await submit({ pollId: poll.id, answers: answer(poll) });
    expect(plain.body.data!.submitPollResponse.assurance).toBe('UNCHALLENGED');
    await t.settle();
    const [row] = await t.app.db.query(
      `SELECT count(*) FILTER (WHERE assurance = 'CHALLENGED')::int AS c, count(*) FILTER (WHERE assurance = 'UNCHALLENGED')::int AS u FROM poll_response WHERE poll_id = $1`,
      [poll.id],
    );
    expect(row).toEqual({ c: 1, u: 1 });
    const results = await t.gql(
      'query ($id: ID!) { pollResults(pollId: $id) { responseCount verifiedCount waitingCount assuranceCounts { assurance count } } }',
      { id: poll.id },
    );
    expect(results.body.data!.pollResults).toEqual({
      responseCount: 2,
      verifiedCount: 0,
      waitingCount: 0,
      assuranceCounts: [
        { assurance: 'UNCHALLENGED', count: 1 },
        { assurance: 'CHALLENGED', count: 1 },
      ],
    });
  });

  it('refuses a challenge solved twice (CHALLENGE_REUSED) and stores nothing for it', async () => {
    const poll = await createPoll(t, editor, onePoll());
    const payload = await solvedChallenge(t);
    expect((await submit({ pollId: poll.id, answers: answer(poll), challenge: payload })).body.errors).toBeUndefined();
    const again = await submit({ pollId: poll.id, answers: answer(poll), challenge: payload });
    expect(again.body.errors?.[0].extensions?.code).toBe('CHALLENGE_REUSED');
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll_participation WHERE poll_id = $1', [poll.id]);
    expect(n).toBe(1);
  });

  it('forgets spent challenges once they have expired (they could not be used again anyway)', async () => {
    const poll = await createPoll(t, editor, onePoll());
    expect((await submit({ pollId: poll.id, answers: answer(poll), challenge: await solvedChallenge(t) })).body.errors).toBeUndefined();
    await t.app.db.query(`UPDATE spent_challenge SET expires_at = now() - interval '1 second'`);
    await t.app.services.abuseSignals.purgeExpired();
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM spent_challenge');
    expect(n).toBe(0);
  });

  it('refuses a forged or tampered challenge with CHALLENGE_FAILED and a malformed one with BAD_USER_INPUT', async () => {
    const poll = await createPoll(t, editor, onePoll());
    const payload = JSON.parse(Buffer.from(await solvedChallenge(t), 'base64').toString());
    payload.solution.counter += 1;
    payload.solution.derivedKey = '00'.repeat(32);
    const tampered = await submit({
      pollId: poll.id,
      answers: answer(poll),
      challenge: Buffer.from(JSON.stringify(payload)).toString('base64'),
    });
    expect(tampered.body.errors?.[0].extensions?.code).toBe('CHALLENGE_FAILED');
    const junk = await submit({ pollId: poll.id, answers: answer(poll), challenge: 'not base64 json' });
    expect(junk.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.challenge' });
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll_participation WHERE poll_id = $1', [poll.id]);
    expect(n).toBe(0);
  });

  it('holds unchallenged answers to a tighter per-address limit than challenged ones', async () => {
    // A second instance on the same database, with its own limits (the embedded test database is one database).
    const limited = await startTestApp({
      databaseUrl: t.databaseUrl,
      env: { UNCHALLENGED_SUBMISSIONS_PER_HOUR: '2', SUBMISSIONS_PER_MINUTE: '100' },
    });
    try {
      const poll = await createPoll(limited, editor, onePoll());
      const go = (challenge?: string) =>
        limited.gql(SUBMIT, { input: { pollId: poll.id, answers: answer(poll), ...(challenge ? { challenge } : {}) } });
      expect((await go()).body.errors).toBeUndefined();
      expect((await go()).body.errors).toBeUndefined();
      expect((await go()).body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      expect((await go(await solvedChallenge(limited))).body.errors).toBeUndefined();
    } finally {
      await limited.close();
    }
  });

  it('counts only stored answers toward the unchallenged limit: resends of a stored answer use up none of it', async () => {
    const limited = await startTestApp({
      databaseUrl: t.databaseUrl,
      env: { UNCHALLENGED_SUBMISSIONS_PER_HOUR: '3', SUBMISSIONS_PER_MINUTE: '100' },
    });
    try {
      const poll = await createPoll(limited, editor, onePoll());
      const go = (respondentToken?: string) =>
        limited.gql<{ submitPollResponse: { respondentToken: string } }>(SUBMIT, {
          input: { pollId: poll.id, answers: answer(poll), ...(respondentToken ? { respondentToken } : {}) },
        });
      const first = await go();
      expect(first.body.errors).toBeUndefined();
      const token = first.body.data!.submitPollResponse.respondentToken;
      // A client that timed out resends with the same token, as docs/api.md advises: more often than the limit.
      for (let i = 0; i < 5; i++) expect((await go(token)).body.errors?.[0].extensions?.code).toBe('ALREADY_RESPONDED');
      // Two new respondents still fit (3 stored in all); the fourth is over the limit.
      expect((await go()).body.errors).toBeUndefined();
      expect((await go()).body.errors).toBeUndefined();
      expect((await go()).body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});

describe('VERIFIED_PHONE polls', () => {
  it('texts a code, takes it in Persian digits, signs a token blindly, and takes exactly one answer per number', async () => {
    const poll = await createPoll(t, editor, onePoll({ assurance: 'VERIFIED_PHONE' }));
    const sent = await t.gql(
      'mutation ($input: RequestVerificationCodeInput!) { requestVerificationCode(input: $input) { maskedPhone expiresAt } }',
      { input: { pollId: poll.id, phone: '۰۹۱۲ ۱۲۳ ۴۵۶۷' } },
    );
    expect(sent.body.errors).toBeUndefined();
    expect(sent.body.data!.requestVerificationCode.maskedPhone).toBe('0912***4567');
    const code = t.sms.lastCode(MOBILE)!;
    expect(code).toMatch(/^\d{6}$/);
    const persianCode = code.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

    const { issued, token } = await blindToken(t, poll.id, { phone: '+989121234567', code: persianCode });
    expect(issued.body.errors).toBeUndefined();
    const ok = await submit({ pollId: poll.id, answers: answer(poll), pollToken: token });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data!.submitPollResponse.assurance).toBe('PHONE');

    // The same token again: one answer per token.
    expect((await submit({ pollId: poll.id, answers: answer(poll), pollToken: token })).body.errors?.[0].extensions?.code).toBe(
      'ALREADY_RESPONDED',
    );
    // The same number again, with a fresh code: no second token.
    await t.gql('mutation ($input: RequestVerificationCodeInput!) { requestVerificationCode(input: $input) { expiresAt } }', {
      input: { pollId: poll.id, phone: MOBILE },
    });
    const second = await blindToken(t, poll.id, { phone: MOBILE, code: t.sms.lastCode(MOBILE)! });
    expect(second.issued.body.errors?.[0].extensions?.code).toBe('TOKEN_ALREADY_ISSUED');

    await t.settle();
    const results = await t.gql('query ($id: ID!) { pollResults(pollId: $id) { responseCount verifiedCount } }', { id: poll.id });
    expect(results.body.data!.pollResults).toEqual({ responseCount: 1, verifiedCount: 1 });
  });

  it('ends a code after 5 wrong tries, counting down attemptsLeft, and refuses an expired one', async () => {
    const poll = await createPoll(t, editor, onePoll({ assurance: 'VERIFIED_PHONE' }));
    const phone = '09351234567';
    await t.gql('mutation ($input: RequestVerificationCodeInput!) { requestVerificationCode(input: $input) { expiresAt } }', {
      input: { pollId: poll.id, phone },
    });
    const right = t.sms.lastCode(phone)!;
    const wrong = right === '000000' ? '111111' : '000000';
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await blindToken(t, poll.id, { phone, code: wrong });
      left.push(r.issued.body.errors?.[0].extensions?.attemptsLeft);
      if (i < 4) expect(r.issued.body.errors?.[0].extensions?.code).toBe('CODE_INVALID');
      else expect(r.issued.body.errors?.[0].extensions?.code).toBe('CODE_EXPIRED');
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    // The right code no longer works either.
    expect((await blindToken(t, poll.id, { phone, code: right })).issued.body.errors?.[0].extensions?.code).toBe('CODE_EXPIRED');

    // A new code, past its two minutes.
    await t.gql('mutation ($input: RequestVerificationCodeInput!) { requestVerificationCode(input: $input) { expiresAt } }', {
      input: { pollId: poll.id, phone },
    });
    await t.app.db.query(`UPDATE verification_code SET expires_at = now() - interval '1 second'`);
    expect((await blindToken(t, poll.id, { phone, code: t.sms.lastCode(phone)! })).issued.body.errors?.[0].extensions?.code).toBe(
      'CODE_EXPIRED',
    );
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll_token_issuance WHERE poll_id = $1', [poll.id]);
    expect(n).toBe(0);
  });

  it('answers SERVICE_UNAVAILABLE and stores no code when the SMS gateway is down', async () => {
    const poll = await createPoll(t, editor, onePoll({ assurance: 'VERIFIED_PHONE' }));
    t.sms.down = true;
    try {
      const res = await t.gql('mutation ($input: RequestVerificationCodeInput!) { requestVerificationCode(input: $input) { expiresAt } }', {
        input: { pollId: poll.id, phone: '09131234567' },
      });
      expect(res.body.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(res.body)).not.toMatch(/down \(test\)/);
    } finally {
      t.sms.down = false;
    }
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM verification_code WHERE poll_id = $1', [poll.id]);
    expect(n).toBe(0);
  });

  it("sends codes through Kavenegar's verify/lookup API, and answers SERVICE_UNAVAILABLE when it refuses", async () => {
    const { createServer } = await import('node:http');
    const received: Array<{ url: string; body: URLSearchParams }> = [];
    let status = 200;
    const gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ url: req.url!, body: new URLSearchParams(body) });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ return: { status, message: status === 200 ? 'تایید شد' : 'اعتبار کافی نیست' }, entries: [] }));
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    const port = (gateway.address() as { port: number }).port;
    const kv = await startTestApp({
      databaseUrl: t.databaseUrl,
      env: {
        SMS_GATEWAY: 'kavenegar',
        KAVENEGAR_API_KEY: 'test-key',
        KAVENEGAR_TEMPLATE: 'nabz-verify',
        KAVENEGAR_BASE_URL: `http://127.0.0.1:${port}`,
      },
    });
    try {
      const poll = await createPoll(kv, editor, onePoll({ assurance: 'VERIFIED_PHONE' }));
      const request = () =>
        kv.gql('mutation ($input: RequestVerificationCodeInput!) { requestVerificationCode(input: $input) { maskedPhone } }', {
          input: { pollId: poll.id, phone: '09121234567' },
        });
      expect((await request()).body.errors).toBeUndefined();
      expect(received[0].url).toBe('/v1/test-key/verify/lookup.json');
      expect(received[0].body.get('receptor')).toBe('09121234567');
      expect(received[0].body.get('template')).toBe('nabz-verify');
      expect(received[0].body.get('token')).toMatch(/^\d{6}$/);
      status = 418;
      expect((await request()).body.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      // The code of the refused message was not kept: the one that was sent still works.
      const { token } = await blindToken(kv, poll.id, { phone: '09121234567', code: received[0].body.get('token')! });
      expect(token).not.toBeNull();
    } finally {
      await kv.close();
      gateway.close();
    }
  });

  it("refuses malformed numbers, an OPEN poll, a missing token, a forged token and another poll's token", async () => {
    const poll = await createPoll(t, editor, onePoll({ assurance: 'VERIFIED_PHONE' }));
    const other = await createPoll(t, editor, onePoll({ assurance: 'VERIFIED_PHONE' }));
    const open = await createPoll(t, editor, onePoll());
    const request = (pollId: string, phone: string) =>
      t.gql('mutation ($input: RequestVerificationCodeInput!) { requestVerificationCode(input: $input) { expiresAt } }', {
        input: { pollId, phone },
      });
    for (const phone of ['0912123456', '02112345678', 'abc', '+4915112345678']) {
      expect((await request(poll.id, phone)).body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phone' });
    }
    expect((await request(open.id, MOBILE)).body.errors?.[0].extensions?.code).toBe('WRONG_ASSURANCE');
    // A list's identifier for a poll that checks mobile numbers: the wrong kind of proof, not bad input.
    expect((await blindToken(t, poll.id, { residentId: '0067749828' })).issued.body.errors?.[0].extensions?.code).toBe('WRONG_ASSURANCE');
    expect((await submit({ pollId: poll.id, answers: answer(poll) })).body.errors?.[0].extensions?.code).toBe('TOKEN_REQUIRED');
    const forged = { message: Buffer.alloc(64, 7).toString('base64url'), signature: Buffer.alloc(256, 9).toString('base64url') };
    expect((await submit({ pollId: poll.id, answers: answer(poll), pollToken: forged })).body.errors?.[0].extensions?.code).toBe(
      'TOKEN_INVALID',
    );

    await request(other.id, '09191234567');
    const { token } = await blindToken(t, other.id, { phone: '09191234567', code: t.sms.lastCode('09191234567')! });
    expect((await submit({ pollId: poll.id, answers: answer(poll), pollToken: token })).body.errors?.[0].extensions?.code).toBe(
      'TOKEN_INVALID',
    );
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll_participation WHERE poll_id = $1', [poll.id]);
    expect(n).toBe(0);
  });

  it('issues exactly one token to concurrent requests for one verified number', async () => {
    const poll = await createPoll(t, editor, onePoll({ assurance: 'VERIFIED_PHONE' }));
    const phone = '09121110000';
    await t.gql('mutation ($input: RequestVerificationCodeInput!) { requestVerificationCode(input: $input) { expiresAt } }', {
      input: { pollId: poll.id, phone },
    });
    const code = t.sms.lastCode(phone)!;
    const results = await Promise.all(Array.from({ length: 8 }, () => blindToken(t, poll.id, { phone, code })));
    expect(results.filter((r) => r.token).length).toBe(1);
  });
});

describe('RESIDENT_LIST polls', () => {
  it('uploads a list (only keyed hashes kept), takes a listed national code once, refuses an unlisted one', async () => {
    const list = await t.gql<any>(
      'mutation ($input: CreateEligibilityListInput!) { createEligibilityList(input: $input) { added list { id entryCount kind } } }',
      { input: { name: 'ساکنان محله', kind: 'NATIONAL_CODE', entries: `${LISTED}\n۰۰۱۳۵۴۲۴۱۹\n\n${LISTED}\n` } },
      { token: editor },
    );
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data.createEligibilityList).toMatchObject({ added: 2, list: { entryCount: 2, kind: 'NATIONAL_CODE' } });
    const listId = list.body.data.createEligibilityList.list.id;
    const dump = JSON.stringify(await t.app.db.query("SELECT encode(identity_key, 'hex') AS k FROM eligibility_entry"));
    expect(dump).not.toContain(LISTED);

    const poll = await createPoll(t, editor, onePoll({ assurance: 'RESIDENT_LIST', eligibilityListId: listId }));
    // Only the listed one: remove the second code again by using a new list would be slower; check an unlisted valid code instead.
    const unlisted = await blindToken(t, poll.id, { residentId: '0067749828' });
    expect(unlisted.issued.body.errors?.[0].extensions?.code).toBe('NOT_ELIGIBLE');
    const bad = await blindToken(t, poll.id, { residentId: BAD_CHECK_DIGIT });
    expect(bad.issued.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.residentId' });

    // A "blinded message" of 0 or 1 (its own signature under any key) is refused and spends nothing.
    for (const last of [0, 1]) {
      const trivial = Buffer.alloc(256);
      trivial[255] = last;
      const refused = await t.gql('mutation ($input: IssuePollTokenInput!) { issuePollToken(input: $input) { blindSignature } }', {
        input: { pollId: poll.id, blindedMessage: trivial.toString('base64url'), residentId: LISTED },
      });
      expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.blindedMessage' });
    }
    const { token } = await blindToken(t, poll.id, { residentId: LISTED });
    const ok = await submit({ pollId: poll.id, answers: answer(poll, 1), pollToken: token });
    expect(ok.body.data!.submitPollResponse.assurance).toBe('RESIDENT');
    expect((await blindToken(t, poll.id, { residentId: LISTED })).issued.body.errors?.[0].extensions?.code).toBe('TOKEN_ALREADY_ISSUED');
    // Another poll on the same list: the same person may answer it (issuance is per poll).
    const second = await createPoll(t, editor, onePoll({ assurance: 'RESIDENT_LIST', eligibilityListId: listId }));
    expect((await blindToken(t, second.id, { residentId: UNLISTED })).token).not.toBeNull();
  });

  it('leaves no order that pairs a token issuance with the spend after it, one resident at a time', async () => {
    // Valid national codes: nine digits and their check digit.
    const codes = Array.from({ length: 22 }, (_, i) => {
      const digits = `0012${String(i + 1).padStart(5, '0')}`;
      const r = [...digits].reduce((sum, d, j) => sum + Number(d) * (10 - j), 0) % 11;
      return digits + String(r < 2 ? r : 11 - r);
    });
    const list = await t.gql<any>(
      'mutation ($input: CreateEligibilityListInput!) { createEligibilityList(input: $input) { list { id } } }',
      { input: { name: 'ساکنان کوچه', kind: 'NATIONAL_CODE', entries: codes.join('\n') } },
      { token: editor },
    );
    const poll = await createPoll(
      t,
      editor,
      onePoll({ assurance: 'RESIDENT_LIST', eligibilityListId: list.body.data.createEligibilityList.list.id }),
    );
    for (const [i, residentId] of codes.entries()) {
      const { token } = await blindToken(t, poll.id, { residentId });
      expect((await submit({ pollId: poll.id, answers: answer(poll, i % 2), pollToken: token })).body.errors).toBeUndefined();
      await t.app.services.answerMix.moveReady();
    }
    // Every issuance (identity) and every spend shares its transaction id with at least k - 1 others of the poll.
    for (const table of ['poll_token_issuance', 'poll_participation']) {
      const groups: Array<{ n: number }> = await t.app.db.query(
        `SELECT count(*)::int AS n FROM ${table} WHERE poll_id = $1 GROUP BY xmin::text`,
        [poll.id],
      );
      expect({ table, rows: groups.reduce((sum, g) => sum + g.n, 0), smallest: Math.min(...groups.map((g) => g.n)) >= 10 }).toEqual({
        table,
        rows: 22,
        smallest: true,
      });
    }
  });

  it('refuses an upload with bad rows, naming each by line, and stores nothing', async () => {
    const before = await t.app.db.query('SELECT count(*)::int AS n FROM eligibility_list');
    const res = await t.gql(
      'mutation ($input: CreateEligibilityListInput!) { createEligibilityList(input: $input) { added } }',
      { input: { name: 'فهرست خراب', kind: 'NATIONAL_CODE', entries: `${LISTED}\n12345\n${BAD_CHECK_DIGIT}\n` } },
      { token: editor },
    );
    expect(res.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.entries',
      rows: [{ line: 2 }, { line: 3 }],
    });
    expect(await t.app.db.query('SELECT count(*)::int AS n FROM eligibility_list')).toEqual(before);
  });

  it('refuses a RESIDENT_LIST poll without a list, and a list on another level', async () => {
    const res = await t.gql(
      'mutation ($input: CreatePollInput!) { createPoll(input: $input) { poll { id } } }',
      { input: onePoll({ assurance: 'RESIDENT_LIST' }) },
      { token: editor },
    );
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.eligibilityListId' });
  });
});

describe('results after answering', () => {
  // A verified poll keeps only its spent poll tokens: nothing would let a respondent show later that
  // they answered, so AFTER_RESPONSE results are refused for it, on creation and on a change.
  it('are for OPEN polls only: a verified poll takes PUBLIC or STAFF_ONLY results', async () => {
    const create = (input: Record<string, unknown>) =>
      t.gql('mutation ($input: CreatePollInput!) { createPoll(input: $input) { poll { id } } }', { input }, { token: editor });
    const refused = await create(onePoll({ assurance: 'VERIFIED_PHONE', resultsVisibility: 'AFTER_RESPONSE' }));
    expect(refused.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.resultsVisibility',
      reason: 'AFTER_RESPONSE_NEEDS_OPEN',
    });
    const poll = await createPoll(t, editor, onePoll({ assurance: 'VERIFIED_PHONE' }), false);
    const changed = await t.gql(
      'mutation ($input: UpdatePollInput!) { updatePoll(input: $input) { poll { id } } }',
      { input: { id: poll.id, resultsVisibility: 'AFTER_RESPONSE' } },
      { token: editor },
    );
    expect(changed.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AFTER_RESPONSE_NEEDS_OPEN' });
    const open = await create(onePoll({ resultsVisibility: 'AFTER_RESPONSE' }));
    expect(open.body.errors).toBeUndefined();
  });
});

describe('the answer mix', () => {
  it('keeps answers out of the results until a shuffled batch of at least k=10 moves, keeping k back while the poll is open', async () => {
    const poll = await createPoll(t, editor, onePoll());
    for (let i = 0; i < 19; i++) expect((await submit({ pollId: poll.id, answers: answer(poll, i % 2) })).body.errors).toBeUndefined();
    expect(await t.app.services.answerMix.moveReady()).toBe(0); // 19 < 2k
    expect((await submit({ pollId: poll.id, answers: answer(poll) })).body.errors).toBeUndefined();
    expect(await t.app.services.answerMix.moveReady()).toBe(10); // 20 waiting: 10 move, 10 stay
    await t.app.services.pollTallies.foldAll();
    const results = await t.gql('query ($id: ID!) { pollResults(pollId: $id) { responseCount waitingCount } }', { id: poll.id });
    expect(results.body.data!.pollResults).toEqual({ responseCount: 10, waitingCount: 10 });
    // Closing moves the rest: the last batch is k too.
    await t.gql(
      'mutation ($input: ClosePollInput!) { closePoll(input: $input) { poll { id } } }',
      { input: { id: poll.id } },
      { token: editor },
    );
    expect(await t.app.services.answerMix.moveReady()).toBe(10);
  });

  it('leaves no link through xmin, physical order or time between participations and responses under sequential submissions', async () => {
    const poll = await createPoll(t, editor, onePoll());
    for (let i = 0; i < 30; i++) expect((await submit({ pollId: poll.id, answers: answer(poll, i % 2) })).body.errors).toBeUndefined();
    await t.app.services.answerMix.moveReady();
    await t.settle();
    const participations: Array<{ xmin: string; ctid: string }> = await t.app.db.query(
      'SELECT xmin::text, ctid::text FROM poll_participation WHERE poll_id = $1',
      [poll.id],
    );
    const responses: Array<{ xmin: string; submitted_at: Date }> = await t.app.db.query(
      'SELECT xmin::text, submitted_at FROM poll_response WHERE poll_id = $1',
      [poll.id],
    );
    expect(participations).toHaveLength(30);
    expect(responses).toHaveLength(30);
    // No participation shares its transaction with a response.
    const responseXids = new Set(responses.map((r) => r.xmin));
    expect(participations.filter((p) => responseXids.has(p.xmin))).toHaveLength(0);
    // Every response shares its transaction and its time with at least k-1 others.
    const byXid = new Map<string, number>();
    responses.forEach((r) => byXid.set(r.xmin, (byXid.get(r.xmin) ?? 0) + 1));
    expect(Math.min(...byXid.values())).toBeGreaterThanOrEqual(10);
    const byTime = new Map<number, number>();
    responses.forEach((r) => byTime.set(r.submitted_at.getTime(), (byTime.get(r.submitted_at.getTime()) ?? 0) + 1));
    expect(Math.min(...byTime.values())).toBeGreaterThanOrEqual(10);
    // Physical order: the options answered, read in ctid order, do not follow the arrival order (i % 2 alternating).
    const ordered: Array<{ option_id: string }> = await t.app.db.query(
      'SELECT a.option_id FROM poll_response r JOIN poll_answer a ON a.response_id = r.id WHERE r.poll_id = $1 ORDER BY r.ctid',
      [poll.id],
    );
    const alternating = ordered.every((row, i) => row.option_id === poll.questions[0].options[i % 2].id);
    expect(alternating).toBe(false);
  });

  it('leaves answers waiting in the mix linked to no participation once the mover has been round, one citizen at a time', async () => {
    const poll = await createPoll(t, editor, onePoll());
    const linked = async () => {
      const [row]: Array<{ waiting: number; linked: number; xids: number }> = await t.app.db.query(
        `SELECT count(*)::int AS waiting, count(*) FILTER (WHERE m.xmin::text IN (SELECT xmin::text FROM poll_participation WHERE poll_id = $1))::int AS linked,
                count(DISTINCT m.xmin::text)::int AS xids
         FROM poll_answer_mix m WHERE m.poll_id = $1`,
        [poll.id],
      );
      return row;
    };
    // Each answer is written with its participation: linked until the mover's next round.
    expect((await submit({ pollId: poll.id, answers: answer(poll, 0) })).body.errors).toBeUndefined();
    expect(await linked()).toEqual({ waiting: 1, linked: 1, xids: 1 });
    for (let i = 1; i < 12; i++) {
      await t.app.services.answerMix.moveReady();
      expect((await submit({ pollId: poll.id, answers: answer(poll, i % 2) })).body.errors).toBeUndefined();
    }
    // Nothing moves below 2k, but every round rewrote what waits: one transaction for all, none a participation's.
    expect(await t.app.services.answerMix.moveReady()).toBe(0);
    expect(await linked()).toEqual({ waiting: 12, linked: 0, xids: 1 });
    // And their order on disk no longer follows arrival (the options alternate with i % 2), read by opening them.
    const sealedRows = async (): Promise<Buffer[]> =>
      (await t.app.db.query('SELECT sealed FROM poll_answer_mix WHERE poll_id = $1 ORDER BY ctid', [poll.id])).map(
        (r: { sealed: Buffer }) => r.sealed,
      );
    const ordered = (await sealedRows()).map((sealed) => t.app.services.answerSeal.open(poll.id, sealed)!.rows.optionIds[0]);
    expect(ordered.every((first, i) => first === poll.questions[0].options[i % 2].id)).toBe(false);
    // A round with nothing new rewrites nothing.
    const [{ before }] = await t.app.db.query('SELECT min(xmin::text) AS before FROM poll_answer_mix WHERE poll_id = $1', [poll.id]);
    const sealedBefore = await sealedRows();
    await t.app.services.answerMix.moveReady();
    const [{ after }] = await t.app.db.query('SELECT min(xmin::text) AS after FROM poll_answer_mix WHERE poll_id = $1', [poll.id]);
    expect(after).toBe(before);
    // A round after a new answer seals every waiting one again under a fresh nonce: no ciphertext
    // of one copy of the database is found in a copy taken after the rewrite.
    expect((await submit({ pollId: poll.id, answers: answer(poll, 0) })).body.errors).toBeUndefined();
    expect(await t.app.services.answerMix.moveReady()).toBe(0);
    const sealedAfter = new Set((await sealedRows()).map((b) => b.toString('hex')));
    expect(sealedAfter.size).toBe(13);
    expect(sealedBefore.filter((b) => sealedAfter.has(b.toString('hex')))).toHaveLength(0);
  });

  it('keeps a waiting answer sealed: no district, option or text of it in any column of the mix, and exactly it in the responses once moved', async () => {
    const districts = (await t.gql<{ districts: Array<{ id: string }> }>('{ districts { id } }')).body.data!.districts;
    const districtId = districts[0].id;
    const poll = await createPoll(
      t,
      editor,
      onePoll({
        asksDistrict: true,
        questions: [
          { kind: 'SINGLE_CHOICE', promptFa: 'موافقید؟', options: [{ labelFa: 'بله' }, { labelFa: 'خیر' }] },
          { kind: 'FREE_TEXT', promptFa: 'پیشنهاد شما چیست؟', required: false, maxLength: 200 },
        ],
      }),
    );
    const optionId = poll.questions[0].options[1].id;
    const text = 'Zebra crossing near school';
    const res = await submit({
      pollId: poll.id,
      districtId,
      answers: [
        { questionId: poll.questions[0].id, optionIds: [optionId] },
        { questionId: poll.questions[1].id, text },
      ],
    });
    expect(res.body.errors).toBeUndefined();
    // Every column of the waiting row, as text, as a copy of the database would show it.
    const rows: Array<{ row: string; sealed: Buffer }> = await t.app.db.query(
      'SELECT m::text AS row, m.sealed FROM poll_answer_mix m WHERE m.poll_id = $1',
      [poll.id],
    );
    expect(rows).toHaveLength(1);
    const raw = [rows[0].row, rows[0].sealed.toString('latin1'), rows[0].sealed.toString('utf8')].join('\n');
    for (const secret of [districtId, optionId, poll.questions[0].id, text, 'Zebra']) expect(raw).not.toContain(secret);
    const [plain] = await t.app.db.query(
      'SELECT district_id, question_ids, option_ids, numbers, texts FROM poll_answer_mix WHERE poll_id = $1',
      [poll.id],
    );
    expect(plain).toEqual({ district_id: null, question_ids: null, option_ids: null, numbers: null, texts: null });
    // A short text and a longer one within the same bucket seal to the same length.
    const other = await submit({
      pollId: poll.id,
      districtId: districts[1].id,
      answers: [
        { questionId: poll.questions[0].id, optionIds: [poll.questions[0].options[0].id] },
        { questionId: poll.questions[1].id, text: 'x' },
      ],
    });
    expect(other.body.errors).toBeUndefined();
    const lengths: Array<{ n: number }> = await t.app.db.query(
      'SELECT DISTINCT octet_length(sealed) AS n FROM poll_answer_mix WHERE poll_id = $1',
      [poll.id],
    );
    expect(lengths).toHaveLength(1);

    await t.app.services.answerMix.flushAll();
    const stored: Array<{
      district_id: string | null;
      seq: number;
      question_id: string;
      option_id: string | null;
      number: number | null;
      text: string | null;
    }> = await t.app.db.query(
      `SELECT r.district_id, a.seq, a.question_id, a.option_id, a.number, a.text FROM poll_response r JOIN poll_answer a ON a.response_id = r.id
         WHERE r.poll_id = $1 AND r.district_id = $2 ORDER BY a.seq`,
      [poll.id, districtId],
    );
    expect(stored).toEqual([
      { district_id: districtId, seq: 1, question_id: poll.questions[0].id, option_id: optionId, number: null, text: null },
      { district_id: districtId, seq: 2, question_id: poll.questions[1].id, option_id: null, number: null, text },
    ]);
    const [{ responses }] = await t.app.db.query('SELECT count(*)::int AS responses FROM poll_response WHERE poll_id = $1', [poll.id]);
    expect(responses).toBe(2);
  });

  it('moves answers that waited in the mix before sealing, and leaves one that does not open where it is', async () => {
    const poll = await createPoll(t, editor, onePoll());
    const q = poll.questions[0];
    // A row as written before answers were sealed: plain columns, no `sealed`.
    await t.app.db.query(
      `INSERT INTO poll_answer_mix (poll_id, assurance, question_ids, option_ids, numbers, texts) VALUES ($1, 'CHALLENGED', $2, $3, '{NULL}', '{NULL}')`,
      [poll.id, [q.id], [q.options[1].id]],
    );
    // A sealed row that does not open under this server's key (sealed for another poll).
    const foreign = t.app.services.answerSeal.seal('00000000-0000-4000-8000-000000000000', {
      districtId: null,
      rows: { questionIds: [q.id], optionIds: [q.options[0].id], numbers: [null], texts: [null] },
    });
    await t.app.db.query(`INSERT INTO poll_answer_mix (poll_id, assurance, sealed) VALUES ($1, 'CHALLENGED', $2)`, [poll.id, foreign]);
    expect((await submit({ pollId: poll.id, answers: answer(poll, 0) })).body.errors).toBeUndefined();
    const said = jest.spyOn(t.app.log, 'error');
    await t.app.services.answerMix.flushAll();
    // Said once, not at every round that finds it there again.
    await t.app.services.answerMix.flushAll();
    await t.app.services.answerMix.flushAll();
    const notOpening = said.mock.calls.filter(([, message]) => String(message).includes('do not open'));
    said.mockRestore();
    expect(notOpening).toEqual([[{ pollId: poll.id, unopened: 1 }, expect.any(String)]]);
    const stored: Array<{ option_id: string }> = await t.app.db.query(
      'SELECT a.option_id FROM poll_response r JOIN poll_answer a ON a.response_id = r.id WHERE r.poll_id = $1 ORDER BY a.option_id',
      [poll.id],
    );
    expect(stored.map((s) => s.option_id).sort()).toEqual([q.options[0].id, q.options[1].id].sort());
    const left: Array<{ sealed: Buffer }> = await t.app.db.query('SELECT sealed FROM poll_answer_mix WHERE poll_id = $1', [poll.id]);
    expect(left.map((l) => l.sealed.toString('hex'))).toEqual([foreign.toString('hex')]);
    await t.app.db.query('DELETE FROM poll_answer_mix WHERE poll_id = $1', [poll.id]);
  });

  it('keeps an acknowledged answer through a restart of the server before it is moved', async () => {
    const poll = await createPoll(t, editor, onePoll());
    expect((await submit({ pollId: poll.id, answers: answer(poll) })).body.errors).toBeUndefined();
    const second = await startTestApp({ databaseUrl: t.databaseUrl });
    try {
      expect(await second.app.services.answerMix.waiting(poll.id)).toBe(1);
      await second.settle();
      const res = await second.gql('query ($id: ID!) { pollResults(pollId: $id) { responseCount } }', { id: poll.id });
      expect(res.body.data!.pollResults.responseCount).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('refuses removing an option that an answer waiting in the mix picked', async () => {
    const poll = await createPoll(
      t,
      editor,
      onePoll({
        questions: [
          { kind: 'SINGLE_CHOICE', promptFa: 'موافقید؟', options: [{ labelFa: 'بله' }, { labelFa: 'خیر' }, { labelFa: 'نظری ندارم' }] },
        ],
      }),
    );
    expect((await submit({ pollId: poll.id, answers: answer(poll, 2) })).body.errors).toBeUndefined();
    const [yes, no] = poll.questions[0].options;
    const res = await t.gql(
      'mutation ($input: UpdatePollInput!) { updatePoll(input: $input) { poll { id } } }',
      {
        input: {
          id: poll.id,
          questions: [
            {
              id: poll.questions[0].id,
              kind: 'SINGLE_CHOICE',
              promptFa: 'موافقید؟',
              options: [
                { id: yes.id, labelFa: 'بله' },
                { id: no.id, labelFa: 'خیر' },
              ],
            },
          ],
        },
      },
      { token: editor },
    );
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'POLL_HAS_RESPONSES' } });
  });
});

describe('abuse signals and quarantine', () => {
  const SIGNALS = `query ($id: ID!) { pollAbuseSignals(pollId: $id) { quarantinedCount baselinePerMinute assuranceCounts { assurance count }
    bursts { minute answers baseline } clusters { id answers quarantined } quarantines { id clusterId responses releasedAt } } }`;
  // Per question the answered count: the option counts themselves (4 and 6) are withheld by disclosure control.
  const results = async (id: string) =>
    (await t.gql('query ($id: ID!) { pollResults(pollId: $id) { responseCount quarantinedCount questions { answeredCount } } }', { id }))
      .body.data!.pollResults;

  serverOnly()('recounts a poll it quarantines under the fold lock, never beside a fold of the tallies', async () => {
    const analyst = await t.signIn('analyst');
    const poll = await createPoll(t, editor, onePoll());
    for (let i = 0; i < 3; i++) expect((await submit({ pollId: poll.id, answers: answer(poll, 0) })).body.errors).toBeUndefined();
    await t.settle();
    // Held as a fold elsewhere would hold it: the recount (which empties tally rows a fold upserts) waits for it.
    const otherFold = new Client({ connectionString: t.databaseUrl });
    await otherFold.connect();
    try {
      await otherFold.query('SELECT pg_advisory_lock($1, 0)', [FOLD_LOCK_CLASS]);
      let done = false;
      const held = t
        .gql(
          'mutation ($input: QuarantinePollAnswersInput!) { quarantinePollAnswers(input: $input) { quarantine { responses } } }',
          {
            input: {
              pollId: poll.id,
              from: new Date(Date.now() - 3_600_000).toISOString(),
              to: new Date(Date.now() + 3_600_000).toISOString(),
              reason: 'آزمون',
            },
          },
          { token: analyst },
        )
        .finally(() => (done = true));
      await waitForLockWaiters(otherFold);
      expect(done).toBe(false);
      // Waiting inside its transaction, before it marks anything (not only in the fold after it).
      const [{ marked }] = (await t.app.db.query('SELECT count(*)::int AS marked FROM poll_response WHERE poll_id = $1 AND quarantined', [
        poll.id,
      ])) as Array<{ marked: number }>;
      expect(marked).toBe(0);
      await otherFold.query('SELECT pg_advisory_unlock($1, 0)', [FOLD_LOCK_CLASS]);
      expect((await held).body.data!.quarantinePollAnswers.quarantine.responses).toBe(3);
    } finally {
      await otherFold.end();
    }
    expect(await results(poll.id)).toMatchObject({ responseCount: 0, quarantinedCount: 3 });
  });

  it('shows a cluster of answers from one network and browser, holds it out of every result by quarantine, and puts it back on release', async () => {
    const analyst = await t.signIn('analyst');
    const poll = await createPoll(t, editor, onePoll());
    const bot = { 'user-agent': 'python-requests/2.31' };
    for (let i = 0; i < 6; i++) expect((await submit({ pollId: poll.id, answers: answer(poll, 1) }, bot)).body.errors).toBeUndefined();
    for (let i = 0; i < 4; i++)
      expect(
        (
          await submit(
            { pollId: poll.id, answers: answer(poll, 0) },
            { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1' },
          )
        ).body.errors,
      ).toBeUndefined();
    await t.settle();
    expect(await results(poll.id)).toMatchObject({ responseCount: 10, quarantinedCount: 0, questions: [{ answeredCount: 10 }] });

    const signals = (await t.gql(SIGNALS, { id: poll.id }, { token: analyst })).body.data!.pollAbuseSignals;
    expect(signals.clusters).toEqual([{ id: expect.any(String), answers: 6, quarantined: false }]);
    // Only the cluster of 6 keeps its key on responses; the 4 others (a household) lose theirs once
    // their window is a window past (they might still have grown into a cluster until then).
    const keyed = async () =>
      (
        (await t.app.db.query('SELECT count(cluster_key)::int AS kept FROM poll_response WHERE poll_id = $1', [poll.id])) as [
          { kept: number },
        ]
      )[0].kept;
    expect(await keyed()).toBe(10);
    await t.app.services.abuseSignals.eraseSmallClusters();
    expect(await keyed()).toBe(10);
    await t.app.services.abuseSignals.eraseSmallClusters(new Date(Date.now() + 30 * 60_000));
    expect(await keyed()).toBe(6);

    const held = await t.gql(
      'mutation ($input: QuarantinePollAnswersInput!) { quarantinePollAnswers(input: $input) { quarantine { id responses clusterId } } }',
      { input: { pollId: poll.id, clusterId: signals.clusters[0].id, reason: 'یک اسکریپت' } },
      { token: analyst },
    );
    expect(held.body.errors).toBeUndefined();
    expect(held.body.data!.quarantinePollAnswers.quarantine).toMatchObject({ responses: 6, clusterId: signals.clusters[0].id });
    expect(await results(poll.id)).toMatchObject({ responseCount: 4, quarantinedCount: 6, questions: [{ answeredCount: 4 }] });
    // Stored still; and a later answer of the cluster is held out too.
    expect((await submit({ pollId: poll.id, answers: answer(poll, 1) }, bot)).body.errors).toBeUndefined();
    await t.settle();
    expect(await results(poll.id)).toMatchObject({ responseCount: 4, quarantinedCount: 7 });
    const [{ stored }] = await t.app.db.query('SELECT count(*)::int AS stored FROM poll_response WHERE poll_id = $1', [poll.id]);
    expect(stored).toBe(11);
    const [audit] = await t.app.db.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [
      held.body.data!.quarantinePollAnswers.quarantine.id,
    ]);
    expect(audit.action).toBe('quarantinePollAnswers');

    const released = await t.gql(
      'mutation ($input: ReleasePollQuarantineInput!) { releasePollQuarantine(input: $input) { quarantine { releasedAt } } }',
      { input: { id: held.body.data!.quarantinePollAnswers.quarantine.id } },
      { token: analyst },
    );
    expect(released.body.data!.releasePollQuarantine.quarantine.releasedAt).toEqual(expect.any(String));
    expect(await results(poll.id)).toMatchObject({ responseCount: 11, quarantinedCount: 0, questions: [{ answeredCount: 11 }] });
    // The audit log says when, and how many answers came back.
    const [releaseAudit] = await t.app.db.query(`SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'releasePollQuarantine'`, [
      held.body.data!.quarantinePollAnswers.quarantine.id,
    ]);
    expect(releaseAudit.after).toEqual({
      releasedAt: released.body.data!.releasePollQuarantine.quarantine.releasedAt,
      responsesReleased: 7,
    });
  });

  it('holds a whole cluster whose answers moved in different batches, each among others', async () => {
    const analyst = await t.signIn('analyst');
    const poll = await createPoll(t, editor, onePoll());
    const bot = { 'user-agent': 'python-requests/2.31' };
    // Each of the cluster's 6 answers moves in a batch of its own, with answers of other browsers.
    for (let i = 0; i < 6; i++) {
      expect((await submit({ pollId: poll.id, answers: answer(poll, 1) }, bot)).body.errors).toBeUndefined();
      expect(
        (
          await submit(
            { pollId: poll.id, answers: answer(poll, 0) },
            { 'user-agent': `Mozilla/5.0 (Windows NT 10.0) Firefox/${120 + i}.0` },
          )
        ).body.errors,
      ).toBeUndefined();
      await t.settle();
    }
    const signals = (await t.gql(SIGNALS, { id: poll.id }, { token: analyst })).body.data!.pollAbuseSignals;
    const cluster = signals.clusters.find((c: { answers: number }) => c.answers === 6);
    expect(signals.clusters).toHaveLength(2);
    const held = await t.gql(
      'mutation ($input: QuarantinePollAnswersInput!) { quarantinePollAnswers(input: $input) { quarantine { id responses clusterId } } }',
      { input: { pollId: poll.id, clusterId: cluster.id, reason: 'یک اسکریپت' } },
      { token: analyst },
    );
    expect(held.body.errors).toBeUndefined();
    expect(held.body.data!.quarantinePollAnswers.quarantine.responses).toBe(6);
    expect(await results(poll.id)).toMatchObject({ responseCount: 6, quarantinedCount: 6 });
  });

  it("flags a burst against the poll's typical minute, and quarantines a time window", async () => {
    const analyst = await t.signIn('analyst');
    const poll = await createPoll(t, editor, onePoll());
    // The poll's history: a quiet answer a minute for the past hour.
    await t.app.db.query(
      `INSERT INTO poll_arrival_minute (poll_id, minute, answers) SELECT $1, date_trunc('minute', now()) - g * interval '1 minute', 1 FROM generate_series(2, 61) g`,
      [poll.id],
    );
    for (let i = 0; i < 12; i++) expect((await submit({ pollId: poll.id, answers: answer(poll) })).body.errors).toBeUndefined();
    const signals = (await t.gql(SIGNALS, { id: poll.id }, { token: analyst })).body.data!.pollAbuseSignals;
    expect(signals.baselinePerMinute).toBe(1);
    expect(signals.bursts).toHaveLength(1);
    expect(signals.bursts[0].answers).toBeGreaterThanOrEqual(10);

    await t.settle();
    const now = Date.now();
    const held = await t.gql(
      'mutation ($input: QuarantinePollAnswersInput!) { quarantinePollAnswers(input: $input) { quarantine { responses } } }',
      {
        input: {
          pollId: poll.id,
          from: new Date(now - 60_000).toISOString(),
          to: new Date(now + 60_000).toISOString(),
          reason: 'انفجار پاسخ',
        },
      },
      { token: analyst },
    );
    expect(held.body.data!.quarantinePollAnswers.quarantine.responses).toBe(12);
    expect(await results(poll.id)).toMatchObject({ responseCount: 0, quarantinedCount: 12 });
  });

  it('refuses a quarantine with neither or both of cluster and window, and to citizens and media officers', async () => {
    const poll = await createPoll(t, editor, onePoll());
    const q = 'mutation ($input: QuarantinePollAnswersInput!) { quarantinePollAnswers(input: $input) { quarantine { id } } }';
    const analyst = await t.signIn('analyst');
    expect((await t.gql(q, { input: { pollId: poll.id, reason: 'x' } }, { token: analyst })).body.errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (
        await t.gql(
          q,
          {
            input: {
              pollId: poll.id,
              clusterId: 'AAAAAAAAAAAAAAAAAAAAAA',
              from: new Date().toISOString(),
              to: new Date().toISOString(),
              reason: 'x',
            },
          },
          { token: analyst },
        )
      ).body.errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await t.gql(q, { input: { pollId: poll.id, clusterId: 'AAAAAAAAAAAAAAAAAAAAAA', reason: 'x' } })).body.errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect(
      (await t.gql(q, { input: { pollId: poll.id, clusterId: 'AAAAAAAAAAAAAAAAAAAAAA', reason: 'x' } }, { token: await t.signIn('media') }))
        .body.errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('erasing the cluster keys of small clusters (housekeeping, each minute)', () => {
  serverOnly()('reads, after its first run, only the clusters of responses stored lately, not every keyed response kept', async () => {
    // A database of its own, with no server running on it: nothing else reads its responses meanwhile.
    const database = await freshDatabase();
    const db = new DataSource({ type: 'postgres', url: database.url, extra: { max: 1 } });
    await db.initialize();
    try {
      const signals = new AbuseSignals(
        db,
        'Asia/Tehran',
        createLogger('silent'),
        t.app.services.audit,
        async () => undefined,
        () => undefined,
      );
      const [{ id: pollId }] = (await db.query('SELECT id FROM poll ORDER BY id LIMIT 1')) as Array<{ id: string }>;
      const household = Buffer.alloc(16, 0xff);
      // Scripts' answers of three days ago, 10 from each of 2,000 clusters: big clusters, whose responses keep their key for good.
      const OLD = 20_000;
      const bigKey = `decode(lpad(to_hex(g), 32, '0'), 'hex')`;
      await db.query(
        `INSERT INTO poll_arrival_cluster (poll_id, window_start, cluster_key, answers)
         SELECT $1, date_trunc('hour', now()) - interval '3 days', ${bigKey}, 10 FROM generate_series(1, $2) g`,
        [pollId, OLD / 10],
      );
      await db.query(
        `INSERT INTO poll_response (id, poll_id, submitted_at, cluster_key)
         SELECT gen_random_uuid(), $1, date_trunc('hour', now()) - interval '3 days', ${bigKey} FROM generate_series(1, $2) g, generate_series(1, 10)`,
        [pollId, OLD / 10],
      );
      await db.query('ANALYZE poll_response');
      expect(await signals.eraseSmallClusters()).toBe(0);

      // A household's three answers, whose window is settled, moved out of the mix this hour.
      await db.query(
        `INSERT INTO poll_arrival_cluster (poll_id, window_start, cluster_key, answers) VALUES ($1, date_trunc('hour', now()) - interval '1 hour', $2, 3)`,
        [pollId, household],
      );
      await db.query(
        `INSERT INTO poll_response (id, poll_id, submitted_at, cluster_key) SELECT gen_random_uuid(), $1, date_trunc('hour', now()), $2 FROM generate_series(1, 3)`,
        [pollId, household],
      );
      /** Pages of poll_response and its indexes read so far (this connection's counts written out first). */
      const reads = async () => {
        await db.query('SELECT pg_stat_force_next_flush()');
        const [{ n }] = (await db.query(
          `SELECT heap_blks_read + heap_blks_hit + idx_blks_read + idx_blks_hit AS n FROM pg_statio_user_tables WHERE relname = 'poll_response'`,
        )) as Array<{ n: string }>;
        return Number(n);
      };
      const [{ pages }] = (await db.query(
        `SELECT (pg_total_relation_size('poll_response') / current_setting('block_size')::int)::int AS pages`,
      )) as Array<{ pages: number }>;
      const before = await reads();
      expect(await signals.eraseSmallClusters()).toBe(3);
      // A run that read every keyed response would read about as many pages as the table and its indexes have.
      expect((await reads()) - before).toBeLessThan(pages / 10);
      const [kept] = (await db.query(
        'SELECT count(*) FILTER (WHERE cluster_key <> $1)::int AS big, count(*) FILTER (WHERE cluster_key = $1)::int AS household FROM poll_response',
        [household],
      )) as Array<{ big: number; household: number }>;
      expect(kept).toEqual({ big: OLD, household: 0 });
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});
