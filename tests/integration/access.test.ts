import { accessOf } from '../../server/src/graphql/access';
import { getSchema } from '../../server/src/graphql/schema';
import { Role } from '../../server/src/modules/staff/role';
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, surveyInput } from '../helpers/polls';

/**
 * The access matrix: every mutation, called by every kind of caller. A mutation added to the
 * schema without a line here fails the first test, so nobody forgets to check who may call it.
 */
const SAMPLE_CALLS: Record<string, { allowed: Role[]; query: string; variables?: (ctx: { goalId: string; pollId: string }) => Record<string, unknown> }> = {
  createGoal: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: CreateGoalInput!) { createGoal(input: $input) { goal { id } } }',
    variables: () => ({ input: { titleFa: 'هدف تازه', category: 'CULTURE' } }),
  },
  updateGoal: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: UpdateGoalInput!) { updateGoal(input: $input) { goal { id } } }',
    variables: ({ goalId }) => ({ input: { id: goalId, titleFa: 'تغییر' } }),
  },
  deleteGoal: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: DeleteGoalInput!) { deleteGoal(input: $input) { deletedGoalId } }',
    variables: ({ goalId }) => ({ input: { id: goalId } }),
  },
  createPoll: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: CreatePollInput!) { createPoll(input: $input) { poll { id } } }',
    variables: () => ({ input: surveyInput() }),
  },
  updatePoll: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: UpdatePollInput!) { updatePoll(input: $input) { poll { id } } }',
    variables: ({ pollId }) => ({ input: { id: pollId, titleEn: 'Renamed' } }),
  },
  publishPoll: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: PublishPollInput!) { publishPoll(input: $input) { poll { id } } }',
    variables: ({ pollId }) => ({ input: { id: pollId } }),
  },
  closePoll: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: ClosePollInput!) { closePoll(input: $input) { poll { id } } }',
    variables: ({ pollId }) => ({ input: { id: pollId } }),
  },
  startPollWave: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: StartPollWaveInput!) { startPollWave(input: $input) { poll { id } } }',
    variables: ({ pollId }) => ({ input: { pollId } }),
  },
  addGoalIndicator: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: AddGoalIndicatorInput!) { addGoalIndicator(input: $input) { indicator { id } } }',
    variables: ({ goalId, pollId }) => ({ input: { goalId, labelFa: 'میانگین نمره', metric: 'RATING_MEAN', pollId, questionId: indicatorQuestionId, target: 4, direction: 'AT_LEAST' } }),
  },
  updateGoalIndicator: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: UpdateGoalIndicatorInput!) { updateGoalIndicator(input: $input) { indicator { id } } }',
    variables: () => ({ input: { id: indicatorId, target: 3.5 } }),
  },
  removeGoalIndicator: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: RemoveGoalIndicatorInput!) { removeGoalIndicator(input: $input) { removedIndicatorId } }',
    variables: () => ({ input: { id: indicatorId } }),
  },
};
/** Mutations open to everyone by design. */
const PUBLIC_MUTATIONS = ['signIn', 'signOut', 'submitPollResponse'];

const ACCOUNTS: Record<Role, 'admin' | 'editor' | 'analyst' | 'media'> = {
  [Role.ADMIN]: 'admin',
  [Role.EDITOR]: 'editor',
  [Role.ANALYST]: 'analyst',
  [Role.MEDIA_OFFICER]: 'media',
};

let t: TestApp;
let tokens: Record<Role, string>;
let goalId: string;
let pollId: string;
/** The RATING question of the shared poll, and an indicator reading it (put back after a case removes it). */
let indicatorQuestionId: string;
let indicatorId: string;

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  tokens = Object.fromEntries(await Promise.all(Object.entries(ACCOUNTS).map(async ([role, account]) => [role, await t.signIn(account)]))) as Record<Role, string>;
  [{ id: goalId }] = await t.app.db.query('SELECT id FROM goal ORDER BY position LIMIT 1');
  pollId = (await createPoll(t, tokens[Role.EDITOR], surveyInput(), false)).id;
});
afterAll(() => t.close());
beforeEach(async () => {
  [{ id: indicatorQuestionId }] = await t.app.db.query(`SELECT id FROM poll_question WHERE poll_id = $1 AND kind = 'RATING'`, [pollId]);
  const [kept] = await t.app.db.query('SELECT id FROM goal_indicator WHERE id = $1', [indicatorId ?? '00000000-0000-0000-0000-000000000000']);
  if (kept) return;
  [{ id: indicatorId }] = await t.app.db.query(
    `INSERT INTO goal_indicator (goal_id, label_fa, metric, poll_id, question_id, target, direction) VALUES ($1, 'شاخص', 'RATING_MEAN', $2, $3, 4, 'AT_LEAST') RETURNING id`,
    [goalId, pollId, indicatorQuestionId],
  );
});

async function tableCounts(): Promise<Record<string, number>> {
  const rows: Array<{ name: string; n: number }> = await t.app.db.query(`
    SELECT 'goal' AS name, count(*)::int AS n FROM goal UNION ALL
    SELECT 'district', count(*)::int FROM district UNION ALL
    SELECT 'staff_user', count(*)::int FROM staff_user UNION ALL
    SELECT 'staff_session', count(*)::int FROM staff_session UNION ALL
    SELECT 'audit_log', count(*)::int FROM audit_log UNION ALL
    SELECT 'poll', count(*)::int FROM poll UNION ALL
    SELECT 'goal_indicator', count(*)::int FROM goal_indicator UNION ALL
    SELECT 'goal_indicator_fingerprint', hashtext(string_agg(id::text || target::text, ',' ORDER BY id)) FROM goal_indicator UNION ALL
    SELECT 'poll_fingerprint', hashtext(string_agg(id::text || title_fa || coalesce(title_en, '') || state::text, ',' ORDER BY id)) FROM poll UNION ALL
    SELECT 'goal_fingerprint', hashtext(string_agg(id::text || title_fa || status::text, ',' ORDER BY id)) FROM goal`);
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

describe('access declarations', () => {
  it('has a sample call for every mutation that is not public', async () => {
    const mutations = Object.keys(accessOf(await getSchema()))
      .filter((name) => name.startsWith('Mutation.'))
      .map((name) => name.slice('Mutation.'.length));
    expect(mutations.filter((m) => !PUBLIC_MUTATIONS.includes(m)).sort()).toEqual(Object.keys(SAMPLE_CALLS).sort());
  });

  it('declares for each mutation exactly the roles this matrix expects', async () => {
    const table = accessOf(await getSchema());
    for (const [mutation, call] of Object.entries(SAMPLE_CALLS)) {
      expect([mutation, table[`Mutation.${mutation}`]]).toEqual([mutation, { roles: call.allowed }]);
    }
  });

  it('declares access on every query, mutation and subscription (a diff here changes who can reach an endpoint)', async () => {
    const table = accessOf(await getSchema());
    expect(Object.values(table).every(Boolean)).toBe(true);
    expect(table).toMatchSnapshot();
  });
});

describe('the access matrix', () => {
  // Every caller that is not allowed: anonymous, and each role outside the mutation's list.
  const cases = Object.entries(SAMPLE_CALLS).flatMap(([mutation, call]) => [
    [mutation, 'anonymous' as const, 'UNAUTHENTICATED'] as const,
    ...Object.values(Role)
      .filter((role) => !call.allowed.includes(role))
      .map((role) => [mutation, role, 'FORBIDDEN'] as const),
  ]);

  it.each(cases)('refuses %s called by %s with %s, writing nothing', async (mutation, caller, code) => {
    const call = SAMPLE_CALLS[mutation];
    const token = caller === 'anonymous' ? undefined : tokens[caller];
    const before = await tableCounts();
    const res = await t.gql(call.query, call.variables?.({ goalId, pollId }), { token });
    expect(res.body.errors?.[0].extensions?.code).toBe(code);
    expect(res.body.data).toBeNull();
    expect(await tableCounts()).toEqual(before);
  });

  it.each(Object.entries(SAMPLE_CALLS).flatMap(([mutation, call]) => call.allowed.map((role) => [mutation, role] as const)))(
    'lets %s through for %s',
    async (mutation, role) => {
      const call = SAMPLE_CALLS[mutation];
      // Deleting the shared goal would break later cases: delete a goal of the role's own.
      const target = mutation === 'deleteGoal'
        ? (await t.gql(SAMPLE_CALLS.createGoal.query, SAMPLE_CALLS.createGoal.variables!({ goalId, pollId }), { token: tokens[role] })).body.data!.createGoal.goal.id
        : goalId;
      // Publishing and closing change a poll's state for good: give each its own poll in the right state.
      const poll = mutation === 'publishPoll' || mutation === 'closePoll' ? (await createPoll(t, tokens[role], surveyInput(), mutation === 'closePoll')).id : pollId;
      const res = await t.gql(call.query, call.variables?.({ goalId: target, pollId: poll }), { token: tokens[role] });
      expect(res.body.errors).toBeUndefined();
    },
  );
});
