/**
 * Staff administration by admins: creating staff users, changing their role, name and active flag,
 * resetting passwords. Over real HTTP against real PostgreSQL: sessions really end, deactivated
 * users really cannot sign in, and the last admin survives two concurrent demotions.
 */
import { Client } from 'pg';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { startTestApp, type TestApp } from '../helpers/app';
import { serverOnly } from '../helpers/database';
import { waitForLockWaiters } from '../helpers/wait';

const LIST =
  'query ($first: Int, $after: String, $filter: StaffUserFilter) { staffUsers(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id email displayName role active } } } }';
const CREATE =
  'mutation ($input: CreateStaffUserInput!) { createStaffUser(input: $input) { staffUser { id email displayName role active createdAt } } }';
const UPDATE =
  'mutation ($input: UpdateStaffUserInput!) { updateStaffUser(input: $input) { endedSessionCount staffUser { id email displayName role active } } }';
const RESET = 'mutation ($input: ResetStaffPasswordInput!) { resetStaffPassword(input: $input) { endedSessionCount staffUser { id } } }';
const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { token user { role } } }';
const ME = '{ me { email role } }';
const PASSWORD = 'a-long-enough-passphrase';

let t: TestApp;
let admin: string;
let adminId: string;
let counter = 0;

beforeAll(async () => {
  // Many sign-ins from one address: lift the per-client sign-in limit for this file.
  t = await startTestApp({ seed: true, env: { SIGN_IN_ATTEMPTS_PER_15_MIN: '1000' } });
  admin = await t.signIn('admin');
  [{ id: adminId }] = await t.app.db.query(`SELECT id FROM staff_user WHERE email = 'admin@nabz.example'`);
});
afterAll(() => t.close());

const code = (res: { body: { errors?: Array<{ extensions?: Record<string, any> }> } }) => res.body.errors?.[0]?.extensions?.code;

async function createUser(
  fields: { role?: string; displayName?: string; email?: string; password?: string } = {},
): Promise<{ id: string; email: string; password: string }> {
  const email = fields.email ?? `staff${++counter}@nabz.example`;
  const password = fields.password ?? PASSWORD;
  const res = await t.gql(
    CREATE,
    { input: { email, role: fields.role ?? 'EDITOR', password, ...(fields.displayName ? { displayName: fields.displayName } : {}) } },
    { token: admin },
  );
  expect(res.body.errors).toBeUndefined();
  const id = res.body.data!.createStaffUser.staffUser.id;
  // The users made here have replaced the password their admin chose, so their sign-ins are full
  // sessions (the forced change after a first sign-in has its own tests: staff-security.test.ts).
  await t.app.db.query('UPDATE staff_user SET password_change_required = false WHERE id = $1', [id]);
  return { id, email: email.toLowerCase(), password };
}

async function signIn(email: string, password: string) {
  return t.gql<{ signIn: { token: string; user: { role: string } } }>(SIGN_IN, { input: { email, password } });
}

async function tokenFor(email: string, password = PASSWORD): Promise<string> {
  const res = await signIn(email, password);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.signIn.token;
}

async function sessions(userId: string): Promise<number> {
  const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM staff_session WHERE user_id = $1', [userId]);
  return n;
}

async function snapshotOf(userId: string) {
  const [row] = await t.app.db.query('SELECT email, display_name, role, active, password_hash FROM staff_user WHERE id = $1', [userId]);
  return row;
}

describe('who may administer staff', () => {
  it('refuses the staff list and every staff mutation to other roles (FORBIDDEN) and to anonymous callers (UNAUTHENTICATED), changing nothing', async () => {
    const target = await createUser();
    const before = await snapshotOf(target.id);
    const changesAudited = async () => (await t.app.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action <> 'signIn'`))[0].n;
    const auditBefore = await changesAudited();
    const calls: Array<[string, Record<string, unknown>]> = [
      [LIST, {}],
      [CREATE, { input: { email: 'intruder@nabz.example', role: 'ADMIN', password: PASSWORD } }],
      [UPDATE, { input: { id: target.id, role: 'ADMIN' } }],
      [RESET, { input: { id: target.id, password: 'intruders-password' } }],
    ];
    for (const account of ['editor', 'analyst', 'media'] as const) {
      const token = await t.signIn(account);
      for (const [query, variables] of calls)
        expect([account, code(await t.gql(query, variables, { token }))]).toEqual([account, 'FORBIDDEN']);
    }
    for (const [query, variables] of calls) expect(code(await t.gql(query, variables))).toBe('UNAUTHENTICATED');
    expect(await snapshotOf(target.id)).toEqual(before);
    const [{ n: intruders }] = await t.app.db.query(`SELECT count(*)::int AS n FROM staff_user WHERE email = 'intruder@nabz.example'`);
    expect(intruders).toBe(0);
    // Nothing but the sign-ins above was recorded.
    expect(await changesAudited()).toBe(auditBefore);
  });
});

describe('createStaffUser', () => {
  it('creates a user who can sign in at once, e-mail lower-cased, password stored only as argon2id, audited without it', async () => {
    const res = await t.gql(
      CREATE,
      { input: { email: 'Sara.Karimi@NABZ.example', displayName: 'سارا کریمی', role: 'ANALYST', password: 'سارا-گذرواژه-۱۴۰۵' } },
      { token: admin, headers: { 'x-request-id': 'create-sara' } },
    );
    expect(res.body.errors).toBeUndefined();
    const user = res.body.data!.createStaffUser.staffUser;
    expect(user).toMatchObject({ email: 'sara.karimi@nabz.example', displayName: 'سارا کریمی', role: 'ANALYST', active: true });
    const row = await snapshotOf(user.id);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect((await signIn('sara.karimi@nabz.example', 'سارا-گذرواژه-۱۴۰۵')).body.data!.signIn.user.role).toBe('ANALYST');

    const [audit] = await t.app.db.query(
      `SELECT actor_id, request_id, before, after, after::text AS text FROM audit_log WHERE action = 'createStaffUser' AND entity_id = $1`,
      [user.id],
    );
    expect(audit).toMatchObject({ actor_id: adminId, request_id: 'create-sara', before: null });
    expect(audit.after).toEqual({
      id: user.id,
      email: 'sara.karimi@nabz.example',
      displayName: 'سارا کریمی',
      role: 'ANALYST',
      active: true,
    });
    expect(audit.text).not.toContain('argon2');
    expect(audit.text).not.toContain('گذرواژه');
  });

  it('names the user after the e-mail address when no display name is given', async () => {
    const res = await t.gql(CREATE, { input: { email: 'reza.m@nabz.example', role: 'EDITOR', password: PASSWORD } }, { token: admin });
    expect(res.body.data!.createStaffUser.staffUser.displayName).toBe('reza.m');
  });

  it('refuses an e-mail address that is taken, in any case, with CONFLICT, storing nothing', async () => {
    const [{ n: before }] = await t.app.db.query('SELECT count(*)::int AS n FROM staff_user');
    const res = await t.gql(CREATE, { input: { email: 'EDITOR@nabz.example', role: 'ADMIN', password: PASSWORD } }, { token: admin });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN', field: 'input.email' });
    expect(res.body.data).toBeNull();
    const [{ n: after }] = await t.app.db.query('SELECT count(*)::int AS n FROM staff_user');
    expect(after).toBe(before);
  });

  it('refuses a short or huge password, a malformed e-mail address and a blank name with BAD_USER_INPUT naming the field', async () => {
    const [{ n: before }] = await t.app.db.query('SELECT count(*)::int AS n FROM staff_user');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ email: 'short@nabz.example', role: 'EDITOR', password: 'x'.repeat(11) }, 'input.password'],
      [{ email: 'huge@nabz.example', role: 'EDITOR', password: 'x'.repeat(201) }, 'input.password'],
      [{ email: 'not-an-email', role: 'EDITOR', password: PASSWORD }, 'input.email'],
      [{ email: 'blank@nabz.example', displayName: '   ', role: 'EDITOR', password: PASSWORD }, 'input.displayName'],
      [{ email: 'nul@nabz.example', displayName: 'a\u0000b', role: 'EDITOR', password: PASSWORD }, 'input.displayName'],
    ];
    for (const [input, field] of cases) {
      const res = await t.gql(CREATE, { input }, { token: admin });
      expect([field, res.body.errors?.[0].extensions]).toEqual([field, { code: 'BAD_USER_INPUT', field }]);
    }
    const [{ n: after }] = await t.app.db.query('SELECT count(*)::int AS n FROM staff_user');
    expect(after).toBe(before);
  });
});

describe('staffUsers', () => {
  beforeAll(async () => {
    await createUser({ email: 'kaveh.list@nabz.example', displayName: 'كاوه رحيمي', role: 'MEDIA_OFFICER' });
    const retired = await createUser({ email: 'retired.list@nabz.example', role: 'ANALYST' });
    expect(code(await t.gql(UPDATE, { input: { id: retired.id, active: false } }, { token: admin }))).toBeUndefined();
  });

  it('filters by role, by active flag and by Persian-aware search over name and e-mail', async () => {
    const emails = async (filter: Record<string, unknown>) => {
      const res = await t.gql(LIST, { first: 50, filter }, { token: admin });
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data!.staffUsers;
      expect(page.totalCount).toBe(page.edges.length);
      return page.edges.map((e: any) => e.node.email);
    };
    const db = async (where: string) =>
      (await t.app.db.query(`SELECT email FROM staff_user WHERE ${where} ORDER BY email`)).map((r: any) => r.email);

    expect(await emails({ role: 'MEDIA_OFFICER' })).toEqual(await db(`role = 'MEDIA_OFFICER'`));
    expect(await emails({ active: false })).toEqual(await db('NOT active'));
    expect(await emails({ active: false })).toContain('retired.list@nabz.example');
    expect(await emails({ active: true })).not.toContain('retired.list@nabz.example');
    // Stored with Arabic ك/ي, found with Persian ک/ی; e-mail words match in any case.
    expect(await emails({ search: 'کاوه رحیمی' })).toEqual(['kaveh.list@nabz.example']);
    expect(await emails({ search: 'KAVEH' })).toEqual(['kaveh.list@nabz.example']);
    expect(await emails({ search: 'list', role: 'ANALYST' })).toEqual(['retired.list@nabz.example']);
    expect(await emails({ search: '%' })).toEqual([]);
  });

  it('pages through every user in e-mail order, each exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const res: any = await t.gql(LIST, { first: 3, after }, { token: admin });
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data.staffUsers;
      seen.push(...page.edges.map((e: any) => e.node.email));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const all = (await t.app.db.query('SELECT email FROM staff_user ORDER BY email')).map((r: any) => r.email);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThan(6);
  });

  it('refuses a malformed cursor or an out-of-range first with BAD_USER_INPUT before any SQL runs', async () => {
    const nul = Buffer.from(JSON.stringify(['a\u0000'])).toString('base64url');
    const wrongShape = Buffer.from(JSON.stringify([1])).toString('base64url');
    for (const [variables, field] of [
      [{ after: 'not-a-cursor' }, 'after'],
      [{ after: nul }, 'after'],
      [{ after: wrongShape }, 'after'],
      [{ first: 51 }, 'first'],
    ] as const) {
      const before = t.sqlCount();
      const res = await t.gql(LIST, variables, { token: admin });
      // The one statement is the session lookup that tells who is calling; the list itself ran none.
      expect(t.sqlCount() - before).toBe(1);
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('updateStaffUser', () => {
  it('renames a user without touching their sessions', async () => {
    const user = await createUser();
    await tokenFor(user.email);
    const res = await t.gql(UPDATE, { input: { id: user.id, displayName: '  مریم  ' } }, { token: admin });
    expect(res.body.data!.updateStaffUser).toMatchObject({
      endedSessionCount: 0,
      staffUser: { displayName: 'مریم', role: 'EDITOR', active: true },
    });
    expect(await sessions(user.id)).toBe(1);
  });

  it("a new role ends all of the user's sessions at once; signing in again gives the new role", async () => {
    const user = await createUser({ role: 'EDITOR' });
    const tokens = [await tokenFor(user.email), await tokenFor(user.email)];
    const res = await t.gql(UPDATE, { input: { id: user.id, role: 'ANALYST' } }, { token: admin });
    expect(res.body.data!.updateStaffUser).toMatchObject({ endedSessionCount: 2, staffUser: { role: 'ANALYST' } });
    expect(await sessions(user.id)).toBe(0);
    for (const token of tokens) {
      const me = await t.gql(ME, undefined, { token });
      expect(me.status).toBe(401);
      expect(code(me)).toBe('UNAUTHENTICATED');
    }
    expect((await signIn(user.email, PASSWORD)).body.data!.signIn.user.role).toBe('ANALYST');
  });

  it('deactivation ends sessions at once and refuses sign-in exactly as a wrong password does; reactivation lets the user in again', async () => {
    const user = await createUser();
    const token = await tokenFor(user.email);
    const res = await t.gql(UPDATE, { input: { id: user.id, active: false } }, { token: admin });
    expect(res.body.data!.updateStaffUser).toMatchObject({ endedSessionCount: 1, staffUser: { active: false } });
    expect((await t.gql(ME, undefined, { token })).status).toBe(401);

    const deactivated = await signIn(user.email, PASSWORD);
    const wrongPassword = await signIn('editor@nabz.example', 'not-the-password');
    expect(code(deactivated)).toBe('UNAUTHENTICATED');
    expect(deactivated.body.errors![0]).toEqual(wrongPassword.body.errors![0]);
    expect(await sessions(user.id)).toBe(0);

    await t.gql(UPDATE, { input: { id: user.id, active: true } }, { token: admin });
    expect((await signIn(user.email, PASSWORD)).body.errors).toBeUndefined();
  });

  it('refuses an admin demoting or deactivating themselves with CONFLICT, changing nothing', async () => {
    const before = await snapshotOf(adminId);
    for (const change of [{ role: 'EDITOR' }, { active: false }]) {
      const res = await t.gql(UPDATE, { input: { id: adminId, ...change } }, { token: admin });
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SELF_CHANGE' });
      expect(res.body.errors?.[0].message).toMatch(/another admin/);
    }
    expect(await snapshotOf(adminId)).toEqual(before);
    expect((await t.gql(ME, undefined, { token: admin })).body.data!.me.role).toBe('ADMIN');
  });

  it('refuses clearing a field, and answers NOT_FOUND for an unknown or malformed id', async () => {
    const user = await createUser();
    expect((await t.gql(UPDATE, { input: { id: user.id, role: null } }, { token: admin })).body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.role',
    });
    expect(code(await t.gql(UPDATE, { input: { id: '00000000-0000-4000-8000-000000000000', displayName: 'x' } }, { token: admin }))).toBe(
      'NOT_FOUND',
    );
    expect(code(await t.gql(UPDATE, { input: { id: 'nope', displayName: 'x' } }, { token: admin }))).toBe('NOT_FOUND');
  });
});

describe('the last active admin', () => {
  /** Exactly two active admins: the demo admin and a new one, signed in; any others deactivated. */
  async function twoAdmins(): Promise<{ other: { id: string; email: string }; otherToken: string }> {
    const other = await createUser({ role: 'ADMIN' });
    await t.app.db.query(`UPDATE staff_user SET active = false WHERE role = 'ADMIN' AND id NOT IN ($1, $2)`, [adminId, other.id]);
    return { other, otherToken: await tokenFor(other.email) };
  }

  async function activeAdmins(): Promise<string[]> {
    return (await t.app.db.query(`SELECT id FROM staff_user WHERE role = 'ADMIN' AND active`)).map((r: any) => r.id);
  }

  afterEach(async () => {
    // Put the demo admin back, signed in, for the tests that follow.
    await t.app.db.query(`UPDATE staff_user SET role = 'ADMIN', active = true WHERE id = $1`, [adminId]);
    admin = await t.signIn('admin');
  });

  it('lets one admin demote the other, and then refuses the remaining admin demoting themselves', async () => {
    const { other } = await twoAdmins();
    expect(code(await t.gql(UPDATE, { input: { id: other.id, role: 'EDITOR' } }, { token: admin }))).toBeUndefined();
    const res = await t.gql(UPDATE, { input: { id: adminId, active: false } }, { token: admin });
    expect(code(res)).toBe('CONFLICT');
    expect(await activeAdmins()).toEqual([adminId]);
  });

  serverOnly()('two demotions that reach the database together leave exactly one admin: the second is CONFLICT LAST_ADMIN', async () => {
    const { other, otherToken } = await twoAdmins();
    // Hold both admin rows so that both requests are past sign-in checks and waiting in their
    // transactions before either can decide: without the lock each would still see the other as an admin.
    const blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT id FROM staff_user WHERE id IN ($1, $2) FOR UPDATE', [adminId, other.id]);
      const demoteOther = t.gql(UPDATE, { input: { id: other.id, role: 'EDITOR' } }, { token: admin });
      const demoteAdmin = t.gql(UPDATE, { input: { id: adminId, role: 'EDITOR' } }, { token: otherToken });
      await waitForLockWaiters(blocker, 2);
      await blocker.query('COMMIT');
      const results = await Promise.all([demoteOther, demoteAdmin]);
      const refused = results.filter((r) => r.body.errors);
      expect(results.filter((r) => !r.body.errors)).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0].body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });
      expect(await activeAdmins()).toHaveLength(1);
    } finally {
      await blocker.end();
    }
  });

  it('never ends with no admin when two admins demote or deactivate each other at the same moment', async () => {
    for (let round = 0; round < 4; round++) {
      const { other, otherToken } = await twoAdmins();
      const change = round % 2 ? { active: false } : { role: 'ANALYST' };
      const results = await Promise.all([
        t.gql(UPDATE, { input: { id: other.id, ...change } }, { token: admin }),
        t.gql(UPDATE, { input: { id: adminId, ...change } }, { token: otherToken }),
      ]);
      // The loser is refused as the last admin, or (if it arrived after the winner ended its session) as signed out.
      expect(results.filter((r) => !r.body.errors)).toHaveLength(1);
      for (const r of results.filter((r) => r.body.errors)) expect(['CONFLICT', 'UNAUTHENTICATED']).toContain(code(r));
      expect(await activeAdmins()).toHaveLength(1);
      await t.app.db.query(`UPDATE staff_user SET role = 'ADMIN', active = true WHERE id = $1`, [adminId]);
      admin = await t.signIn('admin');
    }
  });
});

describe('resetStaffPassword', () => {
  it('replaces the password, ends every session, and audits it without the password or any hash', async () => {
    const user = await createUser();
    const token = await tokenFor(user.email);
    const res = await t.gql(RESET, { input: { id: user.id, password: 'a-brand-new-passphrase' } }, { token: admin });
    expect(res.body.data!.resetStaffPassword).toEqual({ endedSessionCount: 1, staffUser: { id: user.id } });
    expect((await t.gql(ME, undefined, { token })).status).toBe(401);
    expect(code(await signIn(user.email, PASSWORD))).toBe('UNAUTHENTICATED');
    expect((await signIn(user.email, 'a-brand-new-passphrase')).body.errors).toBeUndefined();

    const [audit] = await t.app.db.query(
      `SELECT before, after, coalesce(before::text, '') || after::text AS text FROM audit_log WHERE action = 'resetStaffPassword' AND entity_id = $1`,
      [user.id],
    );
    expect(audit.after).toMatchObject({ id: user.id, email: user.email, endedSessionCount: 1 });
    expect(audit.text).not.toContain('brand-new');
    expect(audit.text).not.toMatch(/argon2|hash/i);
  });

  it('refuses a short password and an unknown user, changing nothing', async () => {
    const user = await createUser();
    const before = await snapshotOf(user.id);
    expect((await t.gql(RESET, { input: { id: user.id, password: 'short' } }, { token: admin })).body.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.password',
    });
    expect(code(await t.gql(RESET, { input: { id: '00000000-0000-4000-8000-000000000000', password: PASSWORD } }, { token: admin }))).toBe(
      'NOT_FOUND',
    );
    expect(await snapshotOf(user.id)).toEqual(before);
  });
});

describe('the audit trail of staff administration', () => {
  it('has a row for every change, and none carries a password, a password hash or a session token hash', async () => {
    const rows: Array<{ action: string; text: string }> = await t.app.db.query(
      `SELECT action, coalesce(before::text, '') || ' ' || coalesce(after::text, '') AS text FROM audit_log WHERE entity_type = 'StaffUser' OR entity_type = 'StaffSession'`,
    );
    const actions = new Set(rows.map((r) => r.action));
    for (const action of ['createStaffUser', 'updateStaffUser', 'resetStaffPassword']) expect(actions).toContain(action);
    const hashes: Array<{ h: string }> = await t.app.db.query(
      `SELECT password_hash AS h FROM staff_user UNION ALL SELECT encode(token_hash, 'hex') FROM staff_session`,
    );
    for (const row of rows) {
      expect(row.text).not.toMatch(/argon2|passwordHash|password_hash|tokenHash|token_hash/);
      expect(row.text).not.toContain(PASSWORD);
      expect(row.text).not.toContain(DEMO_PASSWORD);
      for (const { h } of hashes) expect(row.text).not.toContain(h);
    }
  });
});
