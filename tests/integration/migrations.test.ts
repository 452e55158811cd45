import { startTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  // Seeded, so that the migrations run over rows (the demo's goal indicators among them).
  t = await startTestApp({ seed: true });
});
afterAll(() => t?.close());

describe('migrations', () => {
  it('leave the database exactly as the entities describe it (what `typeorm migration:generate` would write is empty)', async () => {
    const pending = await t.app.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('each undo and redo cleanly, the last first, ending where they began', async () => {
    const migrations = t.app.db.migrations.length;
    expect(migrations).toBeGreaterThan(0);
    await t.app.db.undoLastMigration({ transaction: 'each' });
    await t.app.db.undoLastMigration({ transaction: 'each' });
    expect(await t.app.db.showMigrations()).toBe(true); // two are pending again
    await t.app.db.runMigrations({ transaction: 'each' });
    expect(await t.app.db.showMigrations()).toBe(false);
    const pending = await t.app.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("fill goal indicators' option_ids from option_id, the one option each counted before", async () => {
    const hasColumn = async () =>
      (await t.app.db.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'goal_indicator' AND column_name = 'option_ids'`))
        .length > 0;
    while (await hasColumn()) await t.app.db.undoLastMigration({ transaction: 'each' });
    // A mean rating names no option.
    await t.app.db.query(
      `INSERT INTO goal_indicator (goal_id, label_fa, metric, poll_id, question_id, target, direction)
       SELECT g.id, 'میانگین', 'RATING_MEAN', q.poll_id, q.id, 4, 'AT_LEAST' FROM goal g, poll_question q WHERE q.kind = 'RATING' LIMIT 1`,
    );
    const before: Array<{ id: string; option_id: string | null }> = await t.app.db.query(
      'SELECT id, option_id FROM goal_indicator ORDER BY id',
    );
    expect(before.filter((r) => r.option_id).length).toBeGreaterThan(0);
    expect(before.filter((r) => !r.option_id).length).toBeGreaterThan(0);
    await t.app.db.runMigrations({ transaction: 'each' });
    const after = await t.app.db.query('SELECT id, option_id, option_ids FROM goal_indicator ORDER BY id');
    expect(after).toEqual(before.map((r) => ({ ...r, option_ids: r.option_id ? [r.option_id] : [] })));
  });
});
