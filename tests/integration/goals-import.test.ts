import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CUSTOMER_GOALS } from '../../server/src/seed/customer-goals';
import { startTestApp, type TestApp } from '../helpers/app';

// `npm run goals:import`: a production city (no demo data) loads its goals from the command line.

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
  dir = await mkdtemp(path.join(tmpdir(), 'nabz-goals-'));
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the real command line (from source, as `npm run goals:import` runs it from the build). */
async function goalsImport(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: t.databaseUrl, NODE_ENV: 'test', DEMO_DATA: 'false' };
  try {
    const { stdout, stderr } = await run(process.execPath, ['-r', '@swc-node/register', 'src/modules/goals/goals-import-cli.ts', ...args], {
      cwd: path.join(ROOT, 'server'),
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (err: any) {
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function file(name: string, content: unknown): Promise<string> {
  const at = path.join(dir, name);
  await writeFile(at, typeof content === 'string' ? content : JSON.stringify(content));
  return at;
}

const goalCount = async () => Number((await t.app.db.query('SELECT count(*)::int AS n FROM goal'))[0].n);
const PUBLIC_GOALS = '{ goals(first: 50) { totalCount edges { node { title position } } } }';

describe('goals:import', () => {
  it("loads the office's 31 goals into an empty production database, published in order, audited, and adds nothing the second time", async () => {
    expect(await goalCount()).toBe(0);
    const first = await goalsImport();
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe('Added 31 goal(s) as ACTIVE, positions 1 to 31; 0 already there, left alone.\n');

    const res = await t.gql(PUBLIC_GOALS);
    expect(res.body.data!.goals.totalCount).toBe(31);
    expect(res.body.data!.goals.edges.map((e: any) => e.node.title)).toEqual(CUSTOMER_GOALS.map((g) => g.titleFa));
    const audit = await t.app.db.query(
      `SELECT count(*)::int AS n, count(actor_id)::int AS actors FROM audit_log WHERE action = 'importGoalFromCommandLine'`,
    );
    expect(audit).toEqual([{ n: 31, actors: 0 }]);

    const again = await goalsImport();
    expect(again.stdout).toBe('Added 0 goal(s) as ACTIVE; 31 already there, left alone.\n');
    expect(await goalCount()).toBe(31);
  });

  it('refuses a file with any bad goal, naming each, and stores nothing', async () => {
    const bad = await file('bad.json', [
      { titleFa: 'هدف درست', category: 'AWARENESS' },
      { titleFa: 'بی‌دسته', category: 'NOT_A_CATEGORY' },
      { titleEn: 'No Persian title', category: 'AWARENESS' },
      { titleFa: 'x'.repeat(501), category: 'AWARENESS' },
      { titleFa: 'با بایت\u0000صفر', category: 'AWARENESS' },
      { titleFa: 'فیلد ناشناخته', category: 'AWARENESS', owner: 'someone' },
    ]);
    const out = await goalsImport('--file', bad);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/^goals:import stored nothing:/);
    expect(out.stderr).toMatch(/goal 2: category must be one of AWARENESS, /);
    expect(out.stderr).toMatch(/goal 3: titleFa \(the Persian title\) is required/);
    expect(out.stderr).toMatch(/goal 4: titleFa: /);
    expect(out.stderr).toMatch(/goal 5: titleFa: /);
    expect(out.stderr).toMatch(/goal 6: unknown field owner/);
    expect(out.stderr).not.toMatch(/goal 1:/);
    expect(await goalCount()).toBe(31);

    for (const content of ['{ not json', '{"titleFa": "not an array"}', '[]']) {
      const res = await goalsImport('--file', await file('odd.json', content));
      expect(res.code).not.toBe(0);
      expect(res.stdout).toBe('');
    }
    expect(await goalCount()).toBe(31);
  });

  it('adds goals from a file after those there are, as drafts with --draft, skipping a title already there however its letters are written', async () => {
    // The first customer goal, written with Arabic ي and ك where the stored one has Persian ی and ک.
    const variant = CUSTOMER_GOALS[0].titleFa.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
    const goals = await file('more.json', [
      { titleFa: variant, category: 'AWARENESS' },
      {
        titleFa: 'گسترش فضای سبز محله‌ها',
        titleEn: 'More green space in the neighbourhoods',
        descriptionFa: 'پارک‌های کوچک',
        category: 'CITIZEN_PARTICIPATION',
      },
    ]);
    const out = await goalsImport('--file', goals, '--draft');
    expect(out).toMatchObject({ code: 0, stdout: 'Added 1 goal(s) as DRAFT, positions 32 to 32; 1 already there, left alone.\n' });
    const [row] = await t.app.db.query(`SELECT title_en, status, position, category FROM goal WHERE title_fa = 'گسترش فضای سبز محله‌ها'`);
    expect(row).toEqual({
      title_en: 'More green space in the neighbourhoods',
      status: 'DRAFT',
      position: 32,
      category: 'CITIZEN_PARTICIPATION',
    });
    // A draft is not public.
    expect((await t.gql(PUBLIC_GOALS)).body.data!.goals.totalCount).toBe(31);
  });
});
