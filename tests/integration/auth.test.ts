import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { signWebClient, WEB_CLIENT_HEADER } from '../../server/src/common/client-address';
import { startTestApp, type TestApp } from '../helpers/app';

const WEB_SECRET = 'auth-tests-web-api-secret-0123456789abcdef';
/** Headers of a request the website makes for a visitor at `address`. */
const from = (address: string) => ({ [WEB_CLIENT_HEADER]: signWebClient(WEB_SECRET, address) });

let t: TestApp;
beforeAll(async () => {
  // Three failures per account and client before waits begin; fifteen per client across accounts;
  // eight per account from every client that is not a device of it, together.
  // The website's signed visitor addresses (WEB_API_SECRET) stand for clients at different addresses.
  t = await startTestApp({
    seed: true,
    env: { SIGN_IN_ATTEMPTS_PER_15_MIN: '3', SIGN_IN_FAILURES_PER_ACCOUNT: '8', WEB_API_SECRET: WEB_SECRET },
  });
});
afterAll(() => t.close());

const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { token expiresAt deviceToken user { email role displayName } } }';
const ME = '{ me { email role } }';

async function rawSignIn(email: string, password: string, headers: Record<string, string> = {}, deviceToken?: string) {
  const res = await fetch(t.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: SIGN_IN, variables: { input: { email, password, deviceToken } } }),
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

  it("stores the password as argon2id with at least OWASP's minimum cost, and only a hash of the session token", async () => {
    const token = await t.signIn('editor');
    const [user] = await t.app.db.query(`SELECT password_hash FROM staff_user WHERE email = 'editor@nabz.example'`);
    const params = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(user.password_hash);
    expect(params).not.toBeNull();
    const [m, tCost, p] = params!.slice(1).map(Number);
    expect(m).toBeGreaterThanOrEqual(19_456);
    expect(tCost).toBeGreaterThanOrEqual(2);
    expect(p).toBeGreaterThanOrEqual(1);
    const [{ n }] = await t.app.db.query(
      `SELECT count(*)::int AS n FROM staff_session WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%'`,
      [token],
    );
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

describe('sign-in limits (per account and client, growing waits)', () => {
  const code = (body: any) => body.errors?.[0]?.extensions?.code;
  beforeAll(() => t.app.db.query(`UPDATE staff_user SET active = true WHERE email = 'analyst@nabz.example'`));

  it('makes a client that keeps failing on one account wait, even with the right password, and longer after each further failure', async () => {
    for (let i = 0; i < 3; i++)
      expect(code((await rawSignIn('admin@nabz.example', `wrong-${i}`, from('203.0.113.1'))).body)).toBe('UNAUTHENTICATED');
    const locked = await rawSignIn('admin@nabz.example', DEMO_PASSWORD, from('203.0.113.1'));
    expect(locked.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    expect(locked.body.errors[0].extensions.retryAfter).toBeGreaterThan(25);
    expect(locked.body.errors[0].extensions.retryAfter).toBeLessThanOrEqual(30);
    expect(locked.body.data).toBeNull();
    // The wait passes; one more failure earns twice the wait.
    await t.app.db.query(`UPDATE staff_sign_in_lock SET locked_until = now() - interval '1 second'`);
    expect(code((await rawSignIn('admin@nabz.example', 'wrong-again', from('203.0.113.1'))).body)).toBe('UNAUTHENTICATED');
    const longer = await rawSignIn('admin@nabz.example', DEMO_PASSWORD, from('203.0.113.1'));
    expect(longer.body.errors[0].extensions.retryAfter).toBeGreaterThan(55);
    expect(longer.body.errors[0].extensions.retryAfter).toBeLessThanOrEqual(60);
  });

  it('never locks the owner out from another client: the right password gets through there', async () => {
    const owner = await rawSignIn('admin@nabz.example', DEMO_PASSWORD, from('198.51.100.20'));
    expect(owner.body.errors).toBeUndefined();
    expect(owner.body.data.signIn.user.email).toBe('admin@nabz.example');
  });

  it('lets a device that signed in before through with the right password even from the address that is locked', async () => {
    const first = await rawSignIn('analyst@nabz.example', DEMO_PASSWORD, from('203.0.113.2'));
    const deviceToken = first.body.data.signIn.deviceToken as string;
    expect(deviceToken).toMatch(/^d1\./);
    // Someone else behind the same address guesses the analyst's password.
    for (let i = 0; i < 4; i++) await rawSignIn('analyst@nabz.example', `guess-${i}`, from('203.0.113.2'));
    expect(code((await rawSignIn('analyst@nabz.example', DEMO_PASSWORD, from('203.0.113.2'))).body)).toBe('RATE_LIMITED');
    const owner = await rawSignIn('analyst@nabz.example', DEMO_PASSWORD, from('203.0.113.2'), deviceToken);
    expect(owner.body.errors).toBeUndefined();
    // A device token of another account, or a forged one, is no help.
    // (A character in the middle: the last one of base64url text may carry unused bits, so that
    // changing it can leave the same bytes.)
    const at = Math.floor(deviceToken.length / 2);
    const forged = deviceToken.slice(0, at) + (deviceToken[at] === 'A' ? 'B' : 'A') + deviceToken.slice(at + 1);
    expect(code((await rawSignIn('analyst@nabz.example', DEMO_PASSWORD, from('203.0.113.2'), forged)).body)).toBe('RATE_LIMITED');
  });

  it('counts only failures per client across accounts: made-up e-mails lock out only their sender, and successful sign-ins never count', async () => {
    for (let i = 0; i < 15; i++)
      expect(code((await rawSignIn(`nobody-${i}@nabz.example`, 'x', from('203.0.113.3'))).body)).toBe('UNAUTHENTICATED');
    expect(code((await rawSignIn('media@nabz.example', DEMO_PASSWORD, from('203.0.113.3'))).body)).toBe('RATE_LIMITED');
    // Another visitor of the website is not held back, however many times they sign in.
    for (let i = 0; i < 20; i++)
      expect((await rawSignIn('media@nabz.example', DEMO_PASSWORD, from('198.51.100.30'))).body.errors).toBeUndefined();
  });

  it("shows admins an account's locks in staffUsers and lets them lift them (audited); other roles see and lift nothing", async () => {
    for (let i = 0; i < 3; i++) await rawSignIn('editor@nabz.example', `wrong-${i}`, from('203.0.113.4'));
    expect(code((await rawSignIn('editor@nabz.example', DEMO_PASSWORD, from('203.0.113.4'))).body)).toBe('RATE_LIMITED');
    const admin = (await rawSignIn('admin@nabz.example', DEMO_PASSWORD, from('198.51.100.40'))).body.data.signIn.token;
    const LIST =
      '{ staffUsers(first: 20, filter: { search: "editor@" }) { edges { node { id email signInLock { lockedClients lockedUntil recentFailures } } } } }';
    const listed = await t.gql<any>(LIST, {}, { token: admin });
    expect(listed.body.errors).toBeUndefined();
    const editor = listed.body.data.staffUsers.edges.map((e: any) => e.node).find((n: any) => n.email === 'editor@nabz.example');
    expect(editor.signInLock).toMatchObject({ lockedClients: 1, recentFailures: 3 });
    expect(new Date(editor.signInLock.lockedUntil).getTime()).toBeGreaterThan(Date.now());

    const LIFT =
      'mutation ($input: LiftSignInLockInput!) { liftSignInLock(input: $input) { liftedCount staffUser { email signInLock { lockedClients } } } }';
    const analyst = (await rawSignIn('analyst@nabz.example', DEMO_PASSWORD, from('198.51.100.41'))).body.data.signIn.token;
    expect(code((await t.gql(LIFT, { input: { id: editor.id } }, { token: analyst })).body)).toBe('FORBIDDEN');
    expect((await t.gql<any>('{ me { signInLock { lockedClients } } }', {}, { token: analyst })).body.data.me.signInLock).toBeNull();

    const lifted = await t.gql<any>(LIFT, { input: { id: editor.id } }, { token: admin });
    expect(lifted.body.data.liftSignInLock).toEqual({ liftedCount: 1, staffUser: { email: 'editor@nabz.example', signInLock: null } });
    const [audit] = await t.app.db.query(`SELECT entity_id, after FROM audit_log WHERE action = 'liftSignInLock' ORDER BY at DESC LIMIT 1`);
    expect(audit).toMatchObject({ entity_id: editor.id, after: { email: 'editor@nabz.example', liftedCount: 1 } });
    expect((await rawSignIn('editor@nabz.example', DEMO_PASSWORD, from('203.0.113.4'))).body.errors).toBeUndefined();
  });

  it("slows a guesser spread over many addresses on the account as a whole, while the owner's devices get through; admins see and lift it", async () => {
    const owner = await rawSignIn('media@nabz.example', DEMO_PASSWORD, from('198.51.100.50'));
    const deviceToken = owner.body.data.signIn.deviceToken as string;
    // One wrong password from each of eight addresses: no address reaches its own limit.
    for (let i = 0; i < 8; i++)
      expect(code((await rawSignIn('media@nabz.example', `spread-${i}`, from(`192.0.2.${10 + i}`))).body)).toBe('UNAUTHENTICATED');
    // A ninth address waits, even with the right password; so does an address that never failed.
    const ninth = await rawSignIn('media@nabz.example', DEMO_PASSWORD, from('192.0.2.30'));
    expect(ninth.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(ninth.body.errors[0].extensions.retryAfter).toBeGreaterThan(25);
    expect(ninth.body.errors[0].extensions.retryAfter).toBeLessThanOrEqual(30);
    // The owner's device is not held back, from any address.
    expect((await rawSignIn('media@nabz.example', DEMO_PASSWORD, from('192.0.2.31'), deviceToken)).body.errors).toBeUndefined();
    // Other accounts are not held back.
    expect((await rawSignIn('admin@nabz.example', DEMO_PASSWORD, from('192.0.2.32'))).body.errors).toBeUndefined();
    // The wait passes; the next wrong password from yet another address earns twice the wait.
    await t.app.db.query(`UPDATE staff_sign_in_lock SET locked_until = now() - interval '1 second' WHERE client_key = 'password:account'`);
    expect(code((await rawSignIn('media@nabz.example', 'spread-again', from('192.0.2.33'))).body)).toBe('UNAUTHENTICATED');
    const longer = await rawSignIn('media@nabz.example', DEMO_PASSWORD, from('192.0.2.34'));
    expect(longer.body.errors[0].extensions.retryAfter).toBeGreaterThan(55);

    const admin = (await rawSignIn('admin@nabz.example', DEMO_PASSWORD, from('198.51.100.51'))).body.data.signIn.token;
    const LIST =
      '{ staffUsers(first: 20, filter: { search: "media@" }) { edges { node { id email signInLock { lockedClients recentFailures accountLockedUntil } } } } }';
    const media = (await t.gql<any>(LIST, {}, { token: admin })).body.data.staffUsers.edges
      .map((e: any) => e.node)
      .find((n: any) => n.email === 'media@nabz.example');
    // Nine failures, each counted once; no single client is held back, the account is.
    expect(media.signInLock).toMatchObject({ lockedClients: 0, recentFailures: 9 });
    expect(new Date(media.signInLock.accountLockedUntil).getTime()).toBeGreaterThan(Date.now() + 55_000);
    const LIFT =
      'mutation ($input: LiftSignInLockInput!) { liftSignInLock(input: $input) { liftedCount staffUser { signInLock { recentFailures } } } }';
    expect((await t.gql<any>(LIFT, { input: { id: media.id } }, { token: admin })).body.data.liftSignInLock).toEqual({
      liftedCount: 1,
      staffUser: { signInLock: null },
    });
    expect((await rawSignIn('media@nabz.example', DEMO_PASSWORD, from('192.0.2.35'))).body.errors).toBeUndefined();
  });
});
