import { startTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
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
});
