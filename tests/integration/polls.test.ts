import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, type CreatedPoll, SUBMIT, surveyInput } from '../helpers/polls';
import { waitFor } from '../helpers/wait';

let t: TestApp;
let editor: string;
let analyst: string;
let survey: CreatedPoll;

beforeAll(async () => {
  t = await startTestApp({ seed: true, env: { SUBMISSIONS_PER_MINUTE: '100000' } });
  editor = await t.signIn('editor');
  analyst = await t.signIn('analyst');
  survey = await createPoll(t, editor, surveyInput());
});
afterAll(() => t.close());

const q = (i: number) => survey.questions[i];
const validAnswers = () => [
  { questionId: q(0).id, optionIds: [q(0).options[0].id] },
  { questionId: q(1).id, optionIds: [q(1).options[0].id, q(1).options[2].id] },
  { questionId: q(2).id, number: 4 },
  { questionId: q(3).id, number: 9 },
  { questionId: q(4).id, text: 'پارک بیشتر، لطفاً' },
];

async function counts(pollId: string) {
  // Answers wait in the answer mix until moved in a batch: move them first, as the mixer's timer would.
  await t.settle();
  const [row] = await t.app.db.query(
    `SELECT (SELECT count(*) FROM poll_participation WHERE poll_id = $1)::int AS participations,
            (SELECT count(*) FROM poll_response WHERE poll_id = $1)::int AS responses,
            (SELECT count(*) FROM poll_answer a JOIN poll_response r ON r.id = a.response_id WHERE r.poll_id = $1)::int AS answers`,
    [pollId],
  );
  return row as { participations: number; responses: number; answers: number };
}

describe('polls: reading', () => {
  it('lists an open poll with its questions and options for an anonymous caller, in Persian', async () => {
    const res = await t.gql(
      `{ polls(first: 10) { totalCount edges { node { id title status questions { kind prompt options { label } } } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const node = res.body.data!.polls.edges.find((e: any) => e.node.id === survey.id).node;
    expect(node.status).toBe('OPEN');
    expect(node.title).toBe('نظرسنجی رضایت از خدمات شهری');
    expect(node.questions.map((x: any) => x.kind)).toEqual(['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'RATING', 'NPS', 'FREE_TEXT']);
    expect(node.questions[0].options.map((o: any) => o.label)).toEqual(['بله', 'تا حدی', 'خیر']);
  });

  it('hides a draft from the public (NOT_FOUND) but not from staff', async () => {
    const draft = await createPoll(t, editor, surveyInput({ titleFa: 'پیش‌نویس' }), false);
    const anon = await t.gql('query ($id: ID!) { poll(id: $id) { id } }', { id: draft.id });
    expect(anon.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const staff = await t.gql('query ($id: ID!) { poll(id: $id) { status } }', { id: draft.id }, { token: analyst });
    expect(staff.body.data!.poll).toEqual({ status: 'DRAFT' });
    const listed = await t.gql('{ polls(first: 50) { edges { node { id } } } }');
    expect(listed.body.data!.polls.edges.map((e: any) => e.node.id)).not.toContain(draft.id);
  });

  it('runs a constant number of SQL statements for polls → questions → options, whatever the page size (DataLoader)', async () => {
    for (let i = 0; i < 6; i++) await createPoll(t, editor, surveyInput({ titleFa: `نظرسنجی ${i}` }));
    const query = `query ($first: Int) { polls(first: $first) { edges { node { id title questions { id prompt options { id label } } } } } }`;
    const statements = async (first: number) => {
      const before = t.sqlCount();
      const res = await t.gql(query, { first });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.polls.edges.length).toBe(first);
      return t.sqlCount() - before;
    };
    const small = await statements(2);
    const large = await statements(7);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(4); // count + page + questions + options
  });
});

describe('polls: answering', () => {
  it('accepts a valid response, issues a respondent token and a cookie, and counts it in the results', async () => {
    const res = await fetch(t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SUBMIT, variables: { input: { pollId: survey.id, answers: validAnswers() } } }),
    });
    const body = (await res.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.submitPollResponse.respondentToken).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
    // The payload's results do not count this answer yet: it waits in the answer mix.
    expect(body.data.submitPollResponse.results.responseCount).toBe(0);
    expect(res.headers.get('set-cookie')).toMatch(/^nabz_respondent=[^;]+;.*HttpOnly/i);
    expect(await counts(survey.id)).toEqual({ participations: 1, responses: 1, answers: 6 });
  });

  it('refuses a second response with the same token, and with the same cookie', async () => {
    const first = await t.gql(SUBMIT, { input: { pollId: survey.id, answers: validAnswers() } });
    const token = first.body.data!.submitPollResponse.respondentToken;
    const again = await t.gql(SUBMIT, { input: { pollId: survey.id, respondentToken: token, answers: validAnswers() } });
    expect(again.body.errors?.[0].extensions?.code).toBe('ALREADY_RESPONDED');
    const byCookie = await t.gql(
      SUBMIT,
      { input: { pollId: survey.id, answers: validAnswers() } },
      { headers: { cookie: `nabz_respondent=${token}` } },
    );
    expect(byCookie.body.errors?.[0].extensions?.code).toBe('ALREADY_RESPONDED');
  });

  it('ends 50 concurrent submissions with one token in exactly one response and 49 ALREADY_RESPONDED', async () => {
    const poll = await createPoll(t, editor, surveyInput({ titleFa: 'هم‌زمانی' }));
    const answers = [
      { questionId: poll.questions[0].id, optionIds: [poll.questions[0].options[1].id] },
      { questionId: poll.questions[2].id, number: 3 },
    ];
    const first = await t.gql(SUBMIT, { input: { pollId: poll.id, answers } });
    const token = first.body.data!.submitPollResponse.respondentToken;
    // A second poll, the same token: 50 at once.
    const target = await createPoll(t, editor, surveyInput({ titleFa: 'هم‌زمانی ۲' }));
    const targetAnswers = [
      { questionId: target.questions[0].id, optionIds: [target.questions[0].options[1].id] },
      { questionId: target.questions[2].id, number: 3 },
    ];
    const results = await Promise.all(
      Array.from({ length: 50 }, () => t.gql(SUBMIT, { input: { pollId: target.id, respondentToken: token, answers: targetAnswers } })),
    );
    const accepted = results.filter((r) => r.body.data?.submitPollResponse);
    const refused = results.filter((r) => r.body.errors?.[0].extensions?.code === 'ALREADY_RESPONDED');
    expect([accepted.length, refused.length]).toEqual([1, 49]);
    expect(await counts(target.id)).toEqual({ participations: 1, responses: 1, answers: 2 });
  });

  const bad: Array<[string, string, (a: ReturnType<typeof validAnswers>) => unknown[]]> = [
    [
      'an option of another question',
      'input.answers[0].optionIds[0]',
      (a) => [{ ...a[0], optionIds: [q(1).options[0].id] }, ...a.slice(1)],
    ],
    [
      'two options on a single-choice question',
      'input.answers[0].optionIds',
      (a) => [{ ...a[0], optionIds: [q(0).options[0].id, q(0).options[1].id] }, ...a.slice(1)],
    ],
    [
      'more choices than maxChoices',
      'input.answers[1].optionIds',
      (a) => [a[0], { ...a[1], optionIds: q(1).options.map((o) => o.id) }, ...a.slice(2)],
    ],
    ['a rating of 6', 'input.answers[2].number', (a) => [a[0], a[1], { ...a[2], number: 6 }, a[3], a[4]]],
    ['an NPS of -1', 'input.answers[3].number', (a) => [a[0], a[1], a[2], { ...a[3], number: -1 }, a[4]]],
    ['a text over maxLength', 'input.answers[4].text', (a) => [...a.slice(0, 4), { ...a[4], text: 'ب'.repeat(201) }]],
    ['a NUL byte in a text', 'input.answers[4].text', (a) => [...a.slice(0, 4), { ...a[4], text: 'پارک\u0000' }]],
    [
      'a text of nothing but invisible characters',
      'input.answers[4].text',
      (a) => [...a.slice(0, 4), { ...a[4], text: '\u200c\u200c \u200f' }],
    ],
    ['a missing required question', 'input.answers', (a) => a.slice(1)],
    [
      'a question of another poll',
      'input.answers[5].questionId',
      (a) => [...a, { questionId: '00000000-0000-4000-8000-000000000000', number: 1 }],
    ],
    ['the same question twice', 'input.answers[5].questionId', (a) => [...a, a[2]]],
    ['a number for a choice question', 'input.answers[0].optionIds', (a) => [{ questionId: q(0).id, number: 1 }, ...a.slice(1)]],
  ];
  it.each(bad)('refuses %s with BAD_USER_INPUT naming %s, and writes nothing', async (_label, field, mutate) => {
    const before = await counts(survey.id);
    const res = await t.gql(SUBMIT, { input: { pollId: survey.id, answers: mutate(validAnswers()) } });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await counts(survey.id)).toEqual(before);
  });

  it('names the missing required question in extensions.questionId', async () => {
    const res = await t.gql(SUBMIT, { input: { pollId: survey.id, answers: validAnswers().slice(1) } });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.answers', questionId: q(0).id });
  });

  it('refuses a forged respondent token', async () => {
    const res = await t.gql(SUBMIT, {
      input: { pollId: survey.id, respondentToken: 'AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA', answers: validAnswers() },
    });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.respondentToken' });
  });

  it('refuses answers to a draft (NOT_FOUND), a scheduled (POLL_NOT_OPEN) and a closed poll (POLL_CLOSED)', async () => {
    const draft = await createPoll(t, editor, surveyInput(), false);
    const scheduled = await createPoll(t, editor, surveyInput({ opensAt: new Date(Date.now() + 86_400_000).toISOString() }));
    const closed = await createPoll(t, editor, surveyInput());
    await t.gql(
      'mutation ($input: ClosePollInput!) { closePoll(input: $input) { poll { status } } }',
      { input: { id: closed.id } },
      { token: editor },
    );
    const answersFor = (p: CreatedPoll) => [
      { questionId: p.questions[0].id, optionIds: [p.questions[0].options[0].id] },
      { questionId: p.questions[2].id, number: 5 },
    ];
    for (const [poll, code] of [
      [draft, 'NOT_FOUND'],
      [scheduled, 'POLL_NOT_OPEN'],
      [closed, 'POLL_CLOSED'],
    ] as const) {
      const res = await t.gql(SUBMIT, { input: { pollId: poll.id, answers: answersFor(poll) } });
      expect([poll.id, res.body.errors?.[0].extensions?.code]).toEqual([poll.id, code]);
      expect((await counts(poll.id)).responses).toBe(0);
    }
  });

  it('says when a poll closed by hand: the moment it was closed, not its planned closesAt; null while open', async () => {
    const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const poll = await createPoll(t, editor, surveyInput({ closesAt }));
    const read = async () =>
      (await t.gql('query ($id: ID!) { poll(id: $id) { status closesAt closedAt } }', { id: poll.id })).body.data!.poll;
    expect(await read()).toEqual({ status: 'OPEN', closesAt, closedAt: null });

    const before = Date.now();
    const closed = await t.gql(
      'mutation ($input: ClosePollInput!) { closePoll(input: $input) { poll { status closedAt } } }',
      { input: { id: poll.id } },
      { token: editor },
    );
    const after = Date.now();
    expect(closed.body.errors).toBeUndefined();
    const closedAt = closed.body.data!.closePoll.poll.closedAt as string;
    expect(new Date(closedAt).getTime()).toBeGreaterThanOrEqual(before);
    expect(new Date(closedAt).getTime()).toBeLessThanOrEqual(after);
    // The public read and the list say the same; the planned date is kept as it was.
    expect(await read()).toEqual({ status: 'CLOSED', closesAt, closedAt });
    const listed = await t.gql('{ polls(first: 50) { edges { node { id closedAt } } } }');
    expect(listed.body.data!.polls.edges.find((e: any) => e.node.id === poll.id).node.closedAt).toBe(closedAt);
  });

  it('closes a poll by itself at closesAt', async () => {
    const closesAt = Date.now() + 1500;
    const poll = await createPoll(t, editor, surveyInput({ closesAt: new Date(closesAt).toISOString() }));
    const read = async () => (await t.gql('query ($id: ID!) { poll(id: $id) { status closedAt } }', { id: poll.id })).body.data!.poll;
    expect(await read()).toEqual({ status: 'OPEN', closedAt: null });
    // Wait for the close (a condition, not a guessed delay), then check it came no earlier than closesAt.
    await waitFor(async () => (await read()).status === 'CLOSED', 10_000, 'the poll to close');
    expect(Date.now()).toBeGreaterThanOrEqual(closesAt);
    // Closed by the schedule: it closed at closesAt.
    expect(new Date((await read()).closedAt).getTime()).toBe(closesAt);
    const submit = await t.gql(SUBMIT, {
      input: {
        pollId: poll.id,
        answers: [
          { questionId: poll.questions[0].id, optionIds: [poll.questions[0].options[0].id] },
          { questionId: poll.questions[2].id, number: 5 },
        ],
      },
    });
    expect(submit.body.errors?.[0].extensions?.code).toBe('POLL_CLOSED');
  });

  it('refuses a district that does not exist, malformed or unknown, with BAD_USER_INPUT and writes nothing', async () => {
    const poll = await createPoll(t, editor, surveyInput({ asksDistrict: true }));
    const answers = [
      { questionId: poll.questions[0].id, optionIds: [poll.questions[0].options[0].id] },
      { questionId: poll.questions[2].id, number: 2 },
    ];
    for (const districtId of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      const res = await t.gql(SUBMIT, { input: { pollId: poll.id, districtId, answers } });
      expect([districtId, res.body.errors?.[0].extensions]).toEqual([
        districtId,
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.districtId' }),
      ]);
    }
    expect((await counts(poll.id)).responses).toBe(0);
  });

  it('limits a district-targeted poll to its districts, and requires the district', async () => {
    const districts = (await t.gql('{ districts { id code } }')).body.data!.districts as Array<{ id: string; code: number }>;
    const poll = await createPoll(t, editor, surveyInput({ districtIds: [districts[0].id, districts[1].id] }));
    const answers = [
      { questionId: poll.questions[0].id, optionIds: [poll.questions[0].options[0].id] },
      { questionId: poll.questions[2].id, number: 2 },
    ];
    const other = await t.gql(SUBMIT, { input: { pollId: poll.id, districtId: districts[4].id, answers } });
    expect(other.body.errors?.[0].extensions?.code).toBe('DISTRICT_NOT_ELIGIBLE');
    const none = await t.gql(SUBMIT, { input: { pollId: poll.id, answers } });
    expect(none.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.districtId' });
    const ok = await t.gql(SUBMIT, { input: { pollId: poll.id, districtId: districts[1].id, answers } });
    expect(ok.body.errors).toBeUndefined();
    await t.settle();
    const [stored] = await t.app.db.query('SELECT district_id FROM poll_response WHERE poll_id = $1', [poll.id]);
    expect(stored.district_id).toBe(districts[1].id);
  });
});

describe('polls: privacy', () => {
  it('stores who took part apart from what they answered, with nothing that joins the two', async () => {
    const columns = async (table: string) =>
      (await t.app.db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`, [table])).map(
        (r: any) => r.column_name,
      );
    // mix_state is the row's place in the mover's pool (shared by a whole group of rows), not a link.
    expect(await columns('poll_participation')).toEqual(['mix_state', 'poll_id', 'respondent_key']);
    expect(await columns('poll_response')).toEqual([
      'assurance',
      'cluster_key',
      'district_id',
      'id',
      'poll_id',
      'quarantined',
      'submitted_at',
    ]);
    const [{ minute }] = await t.app.db.query(
      // Whole hours of the city (Tehran is half an hour off UTC's).
      `SELECT count(*)::int AS minute FROM poll_response WHERE submitted_at <> date_trunc('hour', submitted_at, 'Asia/Tehran')`,
    );
    expect(minute).toBe(0);
  });

  it('keeps only a keyed hash of the respondent token, different for every poll', async () => {
    const res = await t.gql(SUBMIT, { input: { pollId: survey.id, answers: validAnswers() } });
    const token: string = res.body.data!.submitPollResponse.respondentToken;
    const rows = await t.app.db.query(`SELECT encode(respondent_key, 'hex') AS k FROM poll_participation`);
    const all = JSON.stringify(rows);
    expect(all).not.toContain(token);
    expect(all).not.toContain(Buffer.from(token).toString('hex'));
  });
});
