import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, SUBMIT, surveyInput } from '../helpers/polls';

let t: TestApp;
let analyst: string;
let editor: string;
let media: string;

beforeAll(async () => {
  t = await startTestApp({ seed: true, env: { SUBMISSIONS_PER_MINUTE: '100000' } });
  [analyst, editor, media] = await Promise.all([t.signIn('analyst'), t.signIn('editor'), t.signIn('media')]);
});
afterAll(() => t.close());

const ACTIVITY = `query ($days: Int) {
  pollActivity(days: $days) {
    poll { id status title }
    today yesterday dailyMean total
    days { day responses }
    recentBursts openClusters quarantined
  }
}`;

const cityToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());

async function activity(days?: number, token = analyst) {
  const res = await t.gql(ACTIVITY, days === undefined ? {} : { days }, { token });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.pollActivity as Array<{
    poll: { id: string; status: string };
    today: number;
    yesterday: number;
    dailyMean: number;
    total: number;
    days: Array<{ day: string; responses: number }>;
    recentBursts: number;
    openClusters: number;
    quarantined: number;
  }>;
}

describe("pollActivity: the open polls' day-to-day for the staff home", () => {
  it('lists every open poll, and only open ones, with a series of days ending today', async () => {
    const rows = await activity();
    const open: Array<{ id: string }> = await t.app.db.query(
      `SELECT id FROM poll p WHERE p.state = 'PUBLISHED' AND (p.opens_at IS NULL OR p.opens_at <= now()) AND (p.closes_at IS NULL OR p.closes_at > now())`,
    );
    expect(rows.map((r) => r.poll.id).sort()).toEqual(open.map((p) => p.id).sort());
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.poll.status).toBe('OPEN');
      expect(row.days).toHaveLength(7);
      expect(row.days[6]).toEqual({ day: cityToday(), responses: row.today });
      expect(row.days[5].responses).toBe(row.yesterday);
      expect(row.days.reduce((s, d) => s + d.responses, 0)).toBeLessThanOrEqual(row.total);
    }
    // The demo's responses: every response of a poll counted once over all its days.
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll_response WHERE poll_id = $1', [rows[0].poll.id]);
    expect(rows[0].total).toBe(n);
    expect((await activity(1))[0].days).toHaveLength(1);
  });

  it("counts today's responses as they come, with yesterday and the mean of the days before", async () => {
    const poll = await createPoll(t, editor, surveyInput());
    const answer = () =>
      t.gql(SUBMIT, {
        input: {
          pollId: poll.id,
          answers: [
            { questionId: poll.questions[0].id, optionIds: [poll.questions[0].options[0].id] },
            { questionId: poll.questions[2].id, number: 4 },
            { questionId: poll.questions[3].id, number: 9 },
          ],
        },
      });
    const before = (await activity()).find((r) => r.poll.id === poll.id)!;
    expect(before).toMatchObject({ today: 0, yesterday: 0, dailyMean: 0, total: 0, recentBursts: 0, openClusters: 0, quarantined: 0 });
    for (let i = 0; i < 3; i++) expect((await answer()).body.errors).toBeUndefined();
    await t.settle();
    const after = (await activity()).find((r) => r.poll.id === poll.id)!;
    expect(after).toMatchObject({ today: 3, yesterday: 0, total: 3, dailyMean: 0 });
    expect(after.days.at(-1)).toEqual({ day: cityToday(), responses: 3 });
  });

  it('is for analysts, editors and admins; bad day counts are BAD_USER_INPUT', async () => {
    expect((await t.gql(ACTIVITY, {}, { token: media })).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(ACTIVITY, {})).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const days of [0, 32]) {
      const res = await t.gql(ACTIVITY, { days }, { token: analyst });
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
    }
  });
});
