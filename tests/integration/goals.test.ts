import { normalizeForSearch } from '../../server/src/common/persian-text';
import { startTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: true });
});
afterAll(() => t.close());

const GOALS = `query ($first: Int, $after: String, $filter: GoalFilter) {
  goals(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title titleTranslations { fa en } position status category } }
  }
}`;

type GoalsData = {
  goals: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      cursor: string;
      node: { id: string; title: string; titleTranslations: { fa: string; en: string | null }; position: number; status: string };
    }>;
  };
};

describe('goals', () => {
  it("lists the customer's 31 goals in Persian, in order, to an anonymous caller", async () => {
    const res = await t.gql<GoalsData>(GOALS, { first: 50 });
    expect(res.body.errors).toBeUndefined();
    const { goals } = res.body.data!;
    expect(goals.totalCount).toBe(31);
    expect(goals.edges.map((e) => e.node.position)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(goals.edges[0].node.title).toBe('شناساندن اهداف،سیاست های و کارکردهای شهرداری به شهروندان');
    expect(goals.pageInfo.hasNextPage).toBe(false);
  });

  it('answers in English when the request prefers English', async () => {
    const res = await t.gql<GoalsData>(GOALS, { first: 1 }, { headers: { 'accept-language': 'en-US,en;q=0.9,fa;q=0.5' } });
    expect(res.body.data!.goals.edges[0].node.title).toBe("Make the municipality's goals, policies and functions known to citizens");
  });

  it('pages with first/after without gaps or repeats', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: Awaited<ReturnType<typeof t.gql<GoalsData>>> = await t.gql<GoalsData>(GOALS, { first: 7, after });
      const { edges, pageInfo } = res.body.data!.goals;
      seen.push(...edges.map((e) => e.node.position));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
  });

  it.each<[Record<string, unknown>, string]>([
    [{ first: 0 }, 'first'],
    [{ first: 51 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ after: Buffer.from('[1,"x"]').toString('base64url') }, 'after'],
    // Edited cursors whose position is a number but not one the integer column can take.
    ...[1.5, 1e308, 2147483648, -2147483649].map((position): [Record<string, unknown>, string] => [
      { after: Buffer.from(JSON.stringify([position, '00000000-0000-4000-8000-000000000000'])).toString('base64url') },
      'after',
    ]),
  ])('refuses a page request %j with BAD_USER_INPUT naming %s', async (vars, field) => {
    const res = await t.gql(GOALS, vars);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('finds goals written with Arabic ي/ك when searching with Persian ی/ک, and the reverse', async () => {
    // Goal 21 is stored as the customer wrote it: "امكان برقراري ارتباطات ..." (Arabic kaf and yeh).
    const persian = await t.gql<GoalsData>(GOALS, { filter: { search: 'امکان برقراری' } });
    expect(persian.body.data!.goals.edges.map((e) => e.node.position)).toEqual([21]);
    expect(persian.body.data!.goals.edges[0].node.title).toContain('امكان برقراري');

    // Goal 3 is stored with Persian letters; search for it with Arabic ones.
    const arabic = await t.gql<GoalsData>(GOALS, { filter: { search: 'رضايتمندي' } });
    expect(arabic.body.data!.goals.edges.map((e) => e.node.position)).toEqual([3]);
  });

  it('ignores ZWNJ and diacritics in a search', async () => {
    // "نظر سنجی" is written with a space in goal 7; the search writes it with a ZWNJ, and with a diacritic.
    const res = await t.gql<GoalsData>(GOALS, { filter: { search: 'دیدگاه\u200cهای مختلف' } });
    const zwnjless = await t.gql<GoalsData>(GOALS, { filter: { search: 'دیدگاههای مختلف' } });
    expect(res.body.data!.goals.edges.map((e) => e.node.position)).toEqual(zwnjless.body.data!.goals.edges.map((e) => e.node.position));
    expect(zwnjless.body.data!.goals.totalCount).toBeGreaterThan(0);
    const diacritic = await t.gql<GoalsData>(GOALS, { filter: { search: 'شهرداری\u064b' } });
    expect(diacritic.body.data!.goals.totalCount).toBeGreaterThan(10);
  });

  it('treats % and _ in a search as plain characters', async () => {
    const res = await t.gql<GoalsData>(GOALS, { filter: { search: '%' } });
    expect(res.body.data!.goals.totalCount).toBe(0);
  });

  it('filters by category', async () => {
    const res = await t.gql<GoalsData>(GOALS, { first: 50, filter: { category: 'MEDIA_RELATIONS' } });
    expect(res.body.data!.goals.edges.map((e) => e.node.position)).toEqual([8, 23]);
  });

  it('round trip: an editor creates a goal, an anonymous caller reads it once it is active, and the audit log records it', async () => {
    const editor = await t.signIn('editor');
    const created = await t.gql(
      `mutation ($input: CreateGoalInput!) { createGoal(input: $input) { goal { id title status position } } }`,
      {
        input: {
          titleFa: 'ارتقای پاسخگویی در شبکه‌های اجتماعی',
          titleEn: 'Answer citizens on social media',
          category: 'CITIZEN_PARTICIPATION',
        },
      },
      { token: editor },
    );
    expect(created.body.errors).toBeUndefined();
    const goal = created.body.data!.createGoal.goal;
    expect(goal).toMatchObject({ status: 'DRAFT', position: 32 });

    // A draft is invisible to the public: NOT_FOUND, exactly like a goal that does not exist.
    const hidden = await t.gql(`query ($id: ID!) { goal(id: $id) { id } }`, { id: goal.id });
    expect(hidden.body.data!.goal).toBeNull();
    expect(hidden.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const updated = await t.gql(
      `mutation ($input: UpdateGoalInput!) { updateGoal(input: $input) { goal { status titleTranslations { en } } } }`,
      { input: { id: goal.id, status: 'ACTIVE', titleEn: null } },
      { token: editor },
    );
    expect(updated.body.data!.updateGoal.goal).toEqual({ status: 'ACTIVE', titleTranslations: { en: null } });

    const read = await t.gql(`query ($id: ID!) { goal(id: $id) { title(locale: EN) status } }`, { id: goal.id });
    // Without English text the Persian title stands in.
    expect(read.body.data!.goal).toEqual({ title: 'ارتقای پاسخگویی در شبکه‌های اجتماعی', status: 'ACTIVE' });

    const audit = await t.app.db.query(`SELECT action, actor_id, before, after FROM audit_log WHERE entity_id = $1 ORDER BY at, action`, [
      goal.id,
    ]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['createGoal', 'updateGoal']);
    expect(audit[1].before).toMatchObject({ status: 'DRAFT', titleEn: 'Answer citizens on social media' });
    expect(audit[1].after).toMatchObject({ status: 'ACTIVE', titleEn: null });
    const [editorRow] = await t.app.db.query(`SELECT id FROM staff_user WHERE email = 'editor@nabz.example'`);
    expect(audit[0].actor_id).toBe(editorRow.id);

    const deleted = await t.gql(
      `mutation ($input: DeleteGoalInput!) { deleteGoal(input: $input) { deletedGoalId } }`,
      { input: { id: goal.id } },
      { token: editor },
    );
    expect(deleted.body.data!.deleteGoal.deletedGoalId).toBe(goal.id);
    const gone = await t.gql(`query ($id: ID!) { goal(id: $id) { id } }`, { id: goal.id }, { token: editor });
    expect(gone.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [{ count }] = await t.app.db.query(
      `SELECT count(*)::int AS count FROM audit_log WHERE entity_id = $1 AND action = 'deleteGoal' AND before IS NOT NULL`,
      [goal.id],
    );
    expect(count).toBe(1);
  });

  it('shows drafts to staff and only published goals to the public, whatever statuses are asked for', async () => {
    const editor = await t.signIn('editor');
    await t.gql(
      `mutation ($input: CreateGoalInput!) { createGoal(input: $input) { goal { id } } }`,
      { input: { titleFa: 'پیش‌نویس محرمانه', category: 'CULTURE' } },
      { token: editor },
    );
    const publicDrafts = await t.gql<GoalsData>(GOALS, { filter: { statuses: ['DRAFT'] } });
    expect(publicDrafts.body.data!.goals.totalCount).toBe(0);
    const staffDrafts = await t.gql<GoalsData>(GOALS, { filter: { statuses: ['DRAFT'] } }, { token: editor });
    expect(staffDrafts.body.data!.goals.edges.map((e) => e.node.titleTranslations.fa)).toEqual(['پیش‌نویس محرمانه']);
  });

  it.each([
    ['a blank title', { titleFa: '   ', category: 'CULTURE' }, 'input.titleFa'],
    ['a 501-character title', { titleFa: 'x'.repeat(501), category: 'CULTURE' }, 'input.titleFa'],
    ['a NUL byte', { titleFa: 'عنوان\u0000', category: 'CULTURE' }, 'input.titleFa'],
    ['position 0', { titleFa: 'عنوان', category: 'CULTURE', position: 0 }, 'input.position'],
  ])('refuses a goal with %s, naming the field, and writes nothing', async (_label, input, field) => {
    const editor = await t.signIn('editor');
    const [{ count: before }] = await t.app.db.query('SELECT count(*)::int AS count FROM goal');
    const res = await t.gql(
      `mutation ($input: CreateGoalInput!) { createGoal(input: $input) { goal { id } } }`,
      { input },
      { token: editor },
    );
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const [{ count: after }] = await t.app.db.query('SELECT count(*)::int AS count FROM goal');
    expect(after).toBe(before);
  });

  it('refuses to clear a required field on update', async () => {
    const editor = await t.signIn('editor');
    const first = (await t.gql<GoalsData>(GOALS, { first: 1 })).body.data!.goals.edges[0].node;
    const res = await t.gql(
      `mutation ($input: UpdateGoalInput!) { updateGoal(input: $input) { goal { id } } }`,
      { input: { id: first.id, titleFa: null } },
      { token: editor },
    );
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.titleFa' });
  });

  it('batches goal lookups by id into one SQL statement (DataLoader)', async () => {
    const ids = (await t.gql<GoalsData>(GOALS, { first: 5 })).body.data!.goals.edges.map((e) => e.node.id);
    const query = `{ ${ids.map((id, i) => `g${i}: goal(id: "${id}") { position }`).join(' ')} }`;
    const before = t.sqlCount();
    const res = await t.gql(query);
    expect(Object.values(res.body.data!).map((g: any) => g.position)).toEqual([1, 2, 3, 4, 5]);
    expect(t.sqlCount() - before).toBe(1);
  });

  it('normalises text in SQL exactly as in TypeScript, so stored and searched text agree', async () => {
    const samples = [
      'امكان برقراري',
      'می\u200cخواهم',
      'شهــرداری',
      'مُدیریتٌ',
      'منطقه ۱۲ و ٣',
      '  Media\tRELATIONS ',
      'ة ۀ أ إ ٱ ى',
      'ابزار و ساز و كارهاي جديدو',
    ];
    for (const text of samples) {
      const [{ n }] = await t.app.db.query('SELECT nabz_normalize($1) AS n', [text]);
      expect([text, n]).toEqual([text, normalizeForSearch(text)]);
    }
  });
});
