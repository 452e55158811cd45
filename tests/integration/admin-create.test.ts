import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { AuthService } from '../../server/src/modules/staff/auth.service';
import { PasswordSetupService } from '../../server/src/modules/staff/password-setup.service';
import { startTestApp, type TestApp } from '../helpers/app';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const SITE = 'https://nabz.city.example';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: true });
});
afterAll(() => t.close());

/** Runs the real command line (from source, as `npm run admin:create` runs it from the build). */
async function adminCreate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: t.databaseUrl, PUBLIC_SITE_URL: SITE, NODE_ENV: 'test', DEMO_DATA: 'false' };
  try {
    const { stdout, stderr } = await run(process.execPath, ['-r', '@swc-node/register', 'src/modules/staff/admin-create-cli.ts', ...args], {
      cwd: path.join(ROOT, 'server'),
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (err: any) {
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const SET = 'mutation ($input: SetPasswordWithTokenInput!) { setPasswordWithToken(input: $input) { email } }';
const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { token user { email role displayName } } }';
const setPassword = (token: string, password: string) => t.gql(SET, { input: { token, password } });
const signIn = (email: string, password: string) => t.gql(SIGN_IN, { input: { email, password } });

describe('first admin from the command line', () => {
  let token: string;

  it('creates an ADMIN without a usable password and prints a one-time link; refuses an existing e-mail', async () => {
    const out = await adminCreate('--email', 'First.Admin@City.example', '--name', 'نخستین مدیر');
    expect(out.code).toBe(0);
    const link = out.stdout.match(/https:\/\/\S+/)![0];
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe(`${SITE}/staff/set-password`);
    token = url.searchParams.get('token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const [row] = await t.app.db.query(`SELECT role, display_name, password_hash FROM staff_user WHERE email = 'first.admin@city.example'`);
    expect(row).toMatchObject({ role: 'ADMIN', display_name: 'نخستین مدیر' });
    // Only a hash of the token is stored.
    const stored = await t.app.db.query(`SELECT count(*)::int AS n FROM staff_password_token WHERE token_hash::text LIKE $1`, [
      `%${token}%`,
    ]);
    expect(stored[0].n).toBe(0);
    const audit = await t.app.db.query(`SELECT actor_id FROM audit_log WHERE action = 'createAdminFromCommandLine'`);
    expect(audit).toEqual([{ actor_id: null }]);

    const again = await adminCreate('--email', 'first.admin@city.example');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    // The refusal is the one line an operator needs, not the failed INSERT and the driver's error before it.
    expect(again.stdout + again.stderr).not.toMatch(/INSERT INTO|duplicate key|query failed/i);
    expect((await t.app.db.query(`SELECT count(*)::int AS n FROM staff_password_token`))[0].n).toBe(1);

    expect((await adminCreate()).code).toBe(2);
  });

  it('no password signs in to the new account before the link is used', async () => {
    const res = await signIn('first.admin@city.example', '!unset');
    expect(res.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('sets the password through the link once; a short or long password changes nothing; a replay is refused', async () => {
    // Too short or too long: the same code and field, as documented, whatever the length.
    for (const refused of ['', 'short', 'x'.repeat(201), 'x'.repeat(300)]) {
      const res = await setPassword(token, refused);
      expect({ length: refused.length, extensions: res.body.errors![0].extensions }).toMatchObject({
        length: refused.length,
        extensions: { code: 'BAD_USER_INPUT', field: 'password' },
      });
    }

    const ok = await setPassword(token, 'a-long-enough-password');
    expect(ok.body.data!.setPasswordWithToken).toEqual({ email: 'first.admin@city.example' });

    const replay = await setPassword(token, 'another-long-password');
    expect(replay.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TOKEN' });
    expect((await setPassword('made-up', 'another-long-password')).body.errors![0].extensions).toMatchObject({ reason: 'INVALID_TOKEN' });

    const session = await signIn('first.admin@city.example', 'a-long-enough-password');
    expect(session.body.data!.signIn.user).toEqual({ email: 'first.admin@city.example', role: 'ADMIN', displayName: 'نخستین مدیر' });
    expect((await signIn('first.admin@city.example', 'another-long-password')).body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const audit = await t.app.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'setPasswordWithToken'`);
    expect(audit[0].n).toBe(1);
  });

  it('refuses an expired link', async () => {
    const created = await t.app.services.passwordSetup.createAdmin('late@city.example');
    await t.app.db.query(`UPDATE staff_password_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [created.user.id]);
    const res = await setPassword(created.token, 'a-long-enough-password');
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TOKEN' });
  });
});

describe('the demo password in production', () => {
  it('never signs in and is never set as a password', async () => {
    const { audit, signInGuard, secondFactors } = t.app.services;
    const production = new AuthService(t.app.db, audit, signInGuard, 60_000, 'production', secondFactors, true);
    await expect(production.signIn('admin@nabz.example', DEMO_PASSWORD, { clientKey: 'test-prod', requestId: 'r1' })).rejects.toMatchObject(
      {
        extensions: { code: 'UNAUTHENTICATED' },
      },
    );
    // The same account and password outside production still work (demo and tests).
    expect((await signIn('admin@nabz.example', DEMO_PASSWORD)).body.data!.signIn.user.role).toBe('ADMIN');

    const setup = new PasswordSetupService(t.app.db, audit, 'production', SITE);
    const created = await setup.createAdmin('prod@city.example');
    await expect(setup.setPasswordWithToken(created.token, DEMO_PASSWORD, 'r2')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', reason: 'DEMO_PASSWORD' },
    });
    // The link still works for a proper password.
    await setup.setPasswordWithToken(created.token, 'a-long-enough-password', 'r3');
  });
});
