import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { startTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: true, env: { SIGN_IN_ATTEMPTS_PER_15_MIN: '3' } });
});
afterAll(() => t.close());

const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { token expiresAt user { email role displayName } } }';
const ME = '{ me { email role } }';

async function rawSignIn(email: string, password: string, headers: Record<string, string> = {}) {
  const res = await fetch(t.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: SIGN_IN, variables: { input: { email, password } } }),
  });
  return { res, body: (await res.json()) as any };
}

describe('staff sign-in', () => {
  it('signs in with e-mail in any case, sets an httpOnly session cookie, and `me` answers through the cookie', async () => {
    const { res, body } = await rawSignIn('Analyst@NABZ.example', DEMO_PASSWORD);
    expect(body.data.signIn.user).toEqual({ email: 'analyst@nabz.example', role: 'ANALYST', displayName: expect.any(String) });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^nabz_session=[A-Za-z0-9_-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(new Date(body.data.signIn.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const me = await t.gql(ME, undefined, { headers: { cookie: cookie.split(';')[0] } });
    expect(me.body.data!.me).toEqual({ email: 'analyst@nabz.example', role: 'ANALYST' });
  });

  it('answers `me` through a bearer token, and null without one', async () => {
    const token = await t.signIn('media');
    expect((await t.gql(ME, undefined, { token })).body.data!.me).toEqual({ email: 'media@nabz.example', role: 'MEDIA_OFFICER' });
    expect((await t.gql(ME)).body.data!.me).toBeNull();
  });

  it('gives the same UNAUTHENTICATED answer for a wrong password and an unknown e-mail', async () => {
    const wrong = await rawSignIn('editor@nabz.example', 'not-the-password', { 'x-forwarded-for': '10.0.0.1' });
    const unknown = await rawSignIn('nobody@nabz.example', 'not-the-password');
    expect(wrong.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(unknown.body.errors[0]).toEqual({ ...wrong.body.errors[0], locations: expect.anything() });
    expect(wrong.res.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a malformed e-mail with BAD_USER_INPUT and runs no query for it', async () => {
    const before = t.sqlCount();
    const { body } = await rawSignIn('not-an-email', 'x');
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    expect(t.sqlCount()).toBe(before);
  });

  it('rate-limits repeated failures on one account with RATE_LIMITED and retryAfter, even with the right password', async () => {
    for (let i = 0; i < 3; i++) await rawSignIn('admin@nabz.example', `wrong-${i}`);
    const { body } = await rawSignIn('admin@nabz.example', DEMO_PASSWORD);
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].extensions.retryAfter).toBeGreaterThan(0);
    expect(body.data).toBeNull();
  });

  it('stores the password as argon2id with at least OWASP\'s minimum cost, and only a hash of the session token', async () => {
    const token = await t.signIn('editor');
    const [user] = await t.app.db.query(`SELECT password_hash FROM staff_user WHERE email = 'editor@nabz.example'`);
    const params = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(user.password_hash);
    expect(params).not.toBeNull();
    const [m, tCost, p] = params!.slice(1).map(Number);
    expect(m).toBeGreaterThanOrEqual(19_456);
    expect(tCost).toBeGreaterThanOrEqual(2);
    expect(p).toBeGreaterThanOrEqual(1);
    const [{ n }] = await t.app.db.query(`SELECT count(*)::int AS n FROM staff_session WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%'`, [token]);
    expect(n).toBe(0);
  });

  it('signs out: the token stops working, the cookie is cleared and the audit log records it', async () => {
    const token = await t.signIn('editor');
    const res = await fetch(t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { signOut { signedOut } }' }),
    });
    expect(((await res.json()) as any).data.signOut.signedOut).toBe(true);
    expect(res.headers.get('set-cookie')).toMatch(/nabz_session=;/);
    const after = await t.gql(ME, undefined, { token });
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const [{ n }] = await t.app.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'signOut'`);
    expect(n).toBe(1);
  });

  it('refuses a malformed Authorization header with UNAUTHENTICATED', async () => {
    const res = await t.gql(ME, undefined, { headers: { authorization: 'Basic abc' } });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('does not let a disabled account sign in or use its session', async () => {
    const token = await t.signIn('analyst');
    await t.app.db.query(`UPDATE staff_user SET active = false WHERE email = 'analyst@nabz.example'`);
    expect((await t.gql(ME, undefined, { token })).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const { body } = await rawSignIn('analyst@nabz.example', DEMO_PASSWORD);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
