/**
 * Staff security (issue 16 item 1), over real HTTP against real PostgreSQL: a password an admin
 * chose must be replaced before anything else works; second factors (TOTP) with recovery codes;
 * codes that are wrong, replayed or guessed in bulk are refused; admins must enrol in production;
 * another admin resets a lost second factor, nobody their own.
 */
import { generateSync } from 'otplib';
import { hashPassword } from '../../server/src/modules/staff/password';
import { startTestApp, type TestApp } from '../helpers/app';
import { totpCode, totpStep } from '../helpers/totp';

const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { token state deviceToken user { email } } }';
const VERIFY = 'mutation ($input: VerifySecondFactorInput!) { verifySecondFactor(input: $input) { token state } }';
const CHANGE = 'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { token state } }';
const START = 'mutation { startSecondFactorEnrolment { secret otpauthUri accountName } }';
const CONFIRM =
  'mutation ($input: ConfirmSecondFactorEnrolmentInput!) { confirmSecondFactorEnrolment(input: $input) { recoveryCodes signIn { token state } } }';
const DISABLE = 'mutation ($input: SecondFactorCodeInput!) { disableSecondFactor(input: $input) { staffUser { id } } }';
const REGENERATE = 'mutation ($input: SecondFactorCodeInput!) { regenerateRecoveryCodes(input: $input) { recoveryCodes } }';
const RESET =
  'mutation ($input: ResetStaffSecondFactorInput!) { resetStaffSecondFactor(input: $input) { hadSecondFactor endedSessionCount } }';
const CREATE = 'mutation ($input: CreateStaffUserInput!) { createStaffUser(input: $input) { staffUser { id } } }';
const RESET_PASSWORD = 'mutation ($input: ResetStaffPasswordInput!) { resetStaffPassword(input: $input) { endedSessionCount } }';
const ME = '{ me { email secondFactorEnabled secondFactorRequired recoveryCodesLeft } signInProgress { state email } }';
const PROGRESS = '{ me { email } signInProgress { state email } }';
const STAFF_LIST = '{ staffUsers(first: 5) { totalCount } }';
const DEMO_PASSWORD = 'nabz-demo-1405';
const PASSWORD = 'a-long-enough-passphrase';

type Errors = { body: { errors?: Array<{ extensions?: Record<string, any> }> } };
const ext = (res: Errors) => res.body.errors?.[0]?.extensions;

let counter = 0;
/** A 6-digit code that is none of the codes the server would accept at `time` (the steps around it). */
function wrongCode(secret: string, time: Date): string {
  const now = totpStep(time.getTime());
  const valid = new Set([now - 1, now, now + 1, now + 2].map((step) => generateSync({ secret, epoch: step * 30 })));
  for (let n = 0; ; n++) {
    const candidate = String(n * 7919)
      .padStart(6, '0')
      .slice(-6);
    if (!valid.has(candidate)) return candidate;
  }
}

/** Helpers bound to one test app. */
function helpers(t: TestApp) {
  async function signIn(email: string, password: string, deviceToken?: string) {
    const res = await t.gql(SIGN_IN, { input: { email, password, ...(deviceToken ? { deviceToken } : {}) } });
    return res;
  }
  async function session(email: string, password: string): Promise<{ token: string; state: string; deviceToken: string }> {
    const res = await signIn(email, password);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.signIn;
  }
  /** Enrols a second factor for a signed-in (or enrolment-step) token; returns the secret, the codes and the step used. */
  async function enrol(token: string) {
    const started = await t.gql(START, {}, { token });
    expect(started.body.errors).toBeUndefined();
    const { secret } = started.body.data!.startSecondFactorEnrolment;
    const { code, step } = await totpCode(secret, null, t.clock);
    const confirmed = await t.gql(CONFIRM, { input: { code } }, { token });
    expect(confirmed.body.errors).toBeUndefined();
    return { secret, step, ...confirmed.body.data!.confirmSecondFactorEnrolment } as {
      secret: string;
      step: number;
      recoveryCodes: string[];
      signIn: { token: string; state: string } | null;
    };
  }
  async function createUser(admin: string, role = 'EDITOR', password = PASSWORD) {
    const email = `security${++counter}@nabz.example`;
    const res = await t.gql(CREATE, { input: { email, role, password } }, { token: admin });
    expect(res.body.errors).toBeUndefined();
    return { id: res.body.data!.createStaffUser.staffUser.id as string, email, password };
  }
  async function audit(action: string, entityId?: string) {
    return t.app.db.query(
      `SELECT actor_id, entity_type, entity_id, after, coalesce(after::text, '') AS text FROM audit_log WHERE action = $1 ${entityId ? 'AND entity_id = $2' : ''} ORDER BY at, id`,
      entityId ? [action, entityId] : [action],
    );
  }
  return { signIn, session, enrol, createUser, audit };
}

describe('in development (admins need no second factor unless they enrol one)', () => {
  let t: TestApp;
  let h: ReturnType<typeof helpers>;
  let admin: string;

  beforeAll(async () => {
    // Many sign-ins from one address: lift the per-client sign-in limit for this part.
    t = await startTestApp({ seed: true, env: { SIGN_IN_ATTEMPTS_PER_15_MIN: '1000' } });
    h = helpers(t);
    admin = await t.signIn('admin');
  });
  afterAll(() => t.close());

  it('signs the demo admin in with the password alone', async () => {
    const res = await h.signIn('admin@nabz.example', DEMO_PASSWORD);
    expect(res.body.data!.signIn.state).toBe('SIGNED_IN');
    const me = await t.gql(ME, {}, { token: res.body.data!.signIn.token });
    expect(me.body.data!.me).toEqual({
      email: 'admin@nabz.example',
      secondFactorEnabled: false,
      secondFactorRequired: false,
      recoveryCodesLeft: 0,
    });
  });

  describe('a password an admin chose', () => {
    it('must be changed at the first sign-in before anything else works', async () => {
      const user = await h.createUser(admin, 'EDITOR');
      const first = await h.session(user.email, user.password);
      expect(first.state).toBe('PASSWORD_CHANGE_REQUIRED');

      // The restricted session is nobody: me is null, staff operations are refused, and it says why.
      const progress = await t.gql(PROGRESS, {}, { token: first.token });
      expect(progress.body.data).toEqual({ me: null, signInProgress: { state: 'PASSWORD_CHANGE_REQUIRED', email: user.email } });
      const createGoal = await t.gql(
        'mutation ($input: CreateGoalInput!) { createGoal(input: $input) { goal { id } } }',
        { input: { titleFa: 'هدف', category: 'CULTURE' } },
        { token: first.token },
      );
      expect(ext(createGoal)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_INCOMPLETE', state: 'PASSWORD_CHANGE_REQUIRED' });
      expect(ext(await t.gql(START, {}, { token: first.token }))).toMatchObject({ reason: 'SIGN_IN_INCOMPLETE' });
      const [{ n: goals }] = await t.app.db.query(`SELECT count(*)::int AS n FROM goal WHERE title_fa = 'هدف'`);
      expect(goals).toBe(0);

      // Not the same password again, not a short one.
      expect(ext(await t.gql(CHANGE, { input: { newPassword: user.password } }, { token: first.token }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'SAME_PASSWORD',
      });
      expect(ext(await t.gql(CHANGE, { input: { newPassword: 'short' } }, { token: first.token }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.newPassword',
      });

      const changed = await t.gql(CHANGE, { input: { newPassword: 'my-very-own-passphrase' } }, { token: first.token });
      expect(changed.body.data!.changePassword.state).toBe('SIGNED_IN');
      const token = changed.body.data!.changePassword.token;
      expect(token).not.toBe(first.token);
      expect((await t.gql(ME, {}, { token })).body.data!.me.email).toBe(user.email);
      // The restricted session's token is spent.
      expect((await t.gql(ME, {}, { token: first.token })).status).toBe(401);

      // The admin's password no longer works, the new one signs in at once.
      expect(ext(await h.signIn(user.email, user.password))?.code).toBe('UNAUTHENTICATED');
      expect((await h.session(user.email, 'my-very-own-passphrase')).state).toBe('SIGNED_IN');
      const [row] = await h.audit('changePassword', user.id);
      expect(row.after).toMatchObject({ required: true });
      expect(row.text).not.toContain('passphrase');
    });

    it('is required again after an admin resets the password, and a signed-in change needs the current password', async () => {
      const user = await h.createUser(admin, 'ANALYST');
      const first = await h.session(user.email, user.password);
      const own = (await t.gql(CHANGE, { input: { newPassword: 'first-own-passphrase' } }, { token: first.token })).body.data!
        .changePassword.token;

      // Signed in: the current password is required, and a wrong one counts as a failed sign-in.
      expect(ext(await t.gql(CHANGE, { input: { newPassword: 'second-own-passphrase' } }, { token: own }))).toMatchObject({
        reason: 'WRONG_PASSWORD',
      });
      const ok = await t.gql(
        CHANGE,
        { input: { currentPassword: 'first-own-passphrase', newPassword: 'second-own-passphrase' } },
        { token: own },
      );
      expect(ok.body.data!.changePassword.state).toBe('SIGNED_IN');
      // Every other session ended, this caller's included (it has a new token).
      expect((await t.gql(ME, {}, { token: own })).status).toBe(401);

      await t.gql(RESET_PASSWORD, { input: { id: user.id, password: 'admins-new-passphrase' } }, { token: admin });
      expect((await h.session(user.email, 'admins-new-passphrase')).state).toBe('PASSWORD_CHANGE_REQUIRED');
    });
  });

  describe('a second factor', () => {
    let editor: { id: string; email: string; password: string };
    let secret: string;
    let lastStep: number;
    let recoveryCodes: string[];

    beforeAll(async () => {
      editor = await h.createUser(admin, 'EDITOR');
      const first = await h.session(editor.email, editor.password);
      await t.gql(CHANGE, { input: { newPassword: PASSWORD + '-own' } }, { token: first.token });
      editor.password = PASSWORD + '-own';
    });

    it('is enrolled from a signed-in session: a secret and QR URI once, confirmed by a code, ten recovery codes once', async () => {
      const token = (await h.session(editor.email, editor.password)).token;
      const started = await t.gql(START, {}, { token });
      const enrolment = started.body.data!.startSecondFactorEnrolment;
      expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(enrolment.accountName).toBe(editor.email);
      expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Nabz:/);
      expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
      expect(enrolment.otpauthUri).toContain('issuer=Nabz');

      // Stored encrypted: neither the secret nor its bytes are in the row.
      const [row] = await t.app.db.query('SELECT secret_encrypted, confirmed_at FROM staff_second_factor WHERE user_id = $1', [editor.id]);
      expect(row.confirmed_at).toBeNull();
      expect(row.secret_encrypted.toString('latin1')).not.toContain(enrolment.secret);

      // A wrong code confirms nothing.
      const wrong = await t.gql(CONFIRM, { input: { code: '000000' } }, { token });
      expect(ext(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CODE' });
      expect((await t.gql(ME, {}, { token })).body.data!.me.secondFactorEnabled).toBe(false);

      const { code, step } = await totpCode(enrolment.secret, null, t.clock);
      const confirmed = await t.gql(CONFIRM, { input: { code } }, { token });
      expect(confirmed.body.errors).toBeUndefined();
      const result = confirmed.body.data!.confirmSecondFactorEnrolment;
      // Already signed in: no new session.
      expect(result.signIn).toBeNull();
      expect(result.recoveryCodes).toHaveLength(10);
      expect(new Set(result.recoveryCodes).size).toBe(10);
      for (const c of result.recoveryCodes) expect(c).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      secret = enrolment.secret;
      lastStep = step;
      recoveryCodes = result.recoveryCodes;

      expect((await t.gql(ME, {}, { token })).body.data!.me).toMatchObject({ secondFactorEnabled: true, recoveryCodesLeft: 10 });
      expect(ext(await t.gql(START, {}, { token }))).toMatchObject({ code: 'CONFLICT', reason: 'SECOND_FACTOR_ENABLED' });

      // Only hashes of the recovery codes are kept; the audit row names neither secret nor codes.
      const stored: Array<{ h: string }> = await t.app.db.query(
        `SELECT encode(code_hash, 'hex') AS h FROM staff_recovery_code WHERE user_id = $1`,
        [editor.id],
      );
      expect(stored).toHaveLength(10);
      const [audit] = await h.audit('enrolSecondFactor', editor.id);
      expect(audit.actor_id).toBe(editor.id);
      expect(audit.after).toMatchObject({ method: 'TOTP', recoveryCodes: 10 });
      expect(audit.text).not.toContain(secret);
      for (const c of recoveryCodes) expect(audit.text).not.toContain(c);
      // Nothing the API answers carries the secret after enrolment.
      const everything = await t.gql('{ me { id email displayName role active secondFactorEnabled recoveryCodesLeft } }', {}, { token });
      expect(JSON.stringify(everything.body)).not.toContain(secret);
    });

    it('is asked for after the password: a restricted session until a code of the app', async () => {
      const first = await h.session(editor.email, editor.password);
      expect(first.state).toBe('SECOND_FACTOR_REQUIRED');
      expect((await t.gql(PROGRESS, {}, { token: first.token })).body.data!.signInProgress.state).toBe('SECOND_FACTOR_REQUIRED');
      expect(ext(await t.gql(STAFF_LIST, {}, { token: first.token }))).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SIGN_IN_INCOMPLETE',
      });
      // The restricted session cannot change the password either.
      expect(
        ext(
          await t.gql(CHANGE, { input: { currentPassword: editor.password, newPassword: 'stolen-passphrase-1' } }, { token: first.token }),
        ),
      ).toMatchObject({
        reason: 'SIGN_IN_INCOMPLETE',
      });

      const { code, step } = await totpCode(secret, lastStep, t.clock);
      const verified = await t.gql(VERIFY, { input: { code } }, { token: first.token });
      expect(verified.body.data!.verifySecondFactor.state).toBe('SIGNED_IN');
      lastStep = step;
      const token = verified.body.data!.verifySecondFactor.token;
      expect((await t.gql(ME, {}, { token })).body.data!.me.email).toBe(editor.email);
      expect((await t.gql(ME, {}, { token: first.token })).status).toBe(401);
      const audits = await h.audit('verifySecondFactor');
      expect(audits.filter((r: any) => r.actor_id === editor.id && r.after?.method === 'TOTP')).toHaveLength(1);
    });

    it('refuses a wrong code, a code used before (replay) and an old one', async () => {
      const used = generateSync({ secret, epoch: lastStep * 30 });
      const old = generateSync({ secret, epoch: (totpStep(t.clock().getTime()) - 10) * 30 });
      for (const code of [used, old, wrongCode(secret, t.clock()), 'not-a-code']) {
        const first = await h.session(editor.email, editor.password);
        expect(first.state).toBe('SECOND_FACTOR_REQUIRED');
        const res = await t.gql(VERIFY, { input: { code } }, { token: first.token });
        expect(ext(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CODE' });
        // The restricted session stays: the person may try again.
        expect((await t.gql(PROGRESS, {}, { token: first.token })).body.data!.signInProgress.state).toBe('SECOND_FACTOR_REQUIRED');
      }
      // Two requests with one code: only one gets through (the statement that accepts a code spends it).
      const [a, b] = [await h.session(editor.email, editor.password), await h.session(editor.email, editor.password)];
      const code = recoveryCodes[4];
      const results = await Promise.all([a, b].map((s) => t.gql(VERIFY, { input: { code } }, { token: s.token })));
      expect(results.filter((r) => r.body.data?.verifySecondFactor?.state === 'SIGNED_IN')).toHaveLength(1);
      expect(results.filter((r) => ext(r)?.reason === 'INVALID_CODE')).toHaveLength(1);
    });

    it('takes a recovery code instead of the app, once', async () => {
      const [recovery] = recoveryCodes;
      const first = await h.session(editor.email, editor.password);
      // As a person types it: lower case, spaces.
      const typed = ` ${recovery.toLowerCase().replace(/-/g, ' ')} `;
      const res = await t.gql(VERIFY, { input: { code: typed } }, { token: first.token });
      expect(res.body.data!.verifySecondFactor.state).toBe('SIGNED_IN');
      const token = res.body.data!.verifySecondFactor.token;
      // Ten, less this one and the one of the test before.
      expect((await t.gql(ME, {}, { token })).body.data!.me.recoveryCodesLeft).toBe(8);
      const audits = await h.audit('useRecoveryCode');
      expect(audits).toHaveLength(2);
      expect(audits[1].actor_id).toBe(editor.id);
      expect(audits[1].after).toMatchObject({ method: 'RECOVERY_CODE', recoveryCodesLeft: 8 });
      const audit = audits[1];
      expect(audit.text).not.toContain(recovery);

      const again = await h.session(editor.email, editor.password);
      expect(ext(await t.gql(VERIFY, { input: { code: recovery } }, { token: again.token }))).toMatchObject({ reason: 'INVALID_CODE' });
    });

    it('gets new recovery codes (the old ones stop working) and is turned off with a code by its owner', async () => {
      // Signed in (and the regeneration proven) with recovery codes: each TOTP step is accepted once,
      // and the tests before used the steps the clock allows now.
      const first = await h.session(editor.email, editor.password);
      const token = (await t.gql(VERIFY, { input: { code: recoveryCodes[2] } }, { token: first.token })).body.data!.verifySecondFactor
        .token;

      expect(ext(await t.gql(REGENERATE, { input: { code: wrongCode(secret, t.clock()) } }, { token }))).toMatchObject({
        reason: 'INVALID_CODE',
      });
      const code = recoveryCodes[3];
      const regenerated = await t.gql(REGENERATE, { input: { code } }, { token });
      const fresh: string[] = regenerated.body.data!.regenerateRecoveryCodes.recoveryCodes;
      expect(fresh).toHaveLength(10);
      expect(fresh).not.toContain(recoveryCodes[1]);
      expect((await t.gql(ME, {}, { token })).body.data!.me.recoveryCodesLeft).toBe(10);
      const probe = await h.session(editor.email, editor.password);
      expect(ext(await t.gql(VERIFY, { input: { code: recoveryCodes[1] } }, { token: probe.token }))).toMatchObject({
        reason: 'INVALID_CODE',
      });
      expect(await h.audit('regenerateRecoveryCodes', editor.id)).toHaveLength(1);

      // Off, proven with a (new) recovery code.
      const disabled = await t.gql(DISABLE, { input: { code: fresh[0] } }, { token });
      expect(disabled.body.errors).toBeUndefined();
      expect((await t.gql(ME, {}, { token })).body.data!.me).toMatchObject({ secondFactorEnabled: false, recoveryCodesLeft: 0 });
      expect((await h.session(editor.email, editor.password)).state).toBe('SIGNED_IN');
      expect(await h.audit('disableSecondFactor', editor.id)).toHaveLength(1);
      const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM staff_recovery_code WHERE user_id = $1', [editor.id]);
      expect(n).toBe(0);
      // Off already: any code is refused as such, as when making new recovery codes, and nothing is audited.
      for (const mutation of [DISABLE, REGENERATE])
        expect(ext(await t.gql(mutation, { input: { code: '000000' } }, { token }))).toMatchObject({
          code: 'CONFLICT',
          reason: 'NO_SECOND_FACTOR',
        });
      expect(await h.audit('disableSecondFactor', editor.id)).toHaveLength(1);
    });
  });
});

describe('wrong codes and the sign-in limits', () => {
  let t: TestApp;
  let h: ReturnType<typeof helpers>;

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: { SIGN_IN_ATTEMPTS_PER_15_MIN: '3' } });
    h = helpers(t);
  });
  afterAll(() => t.close());

  it('make the client wait after a few, and the account from every client: six digits cannot be guessed in bulk', async () => {
    const signedIn = await h.session('media@nabz.example', DEMO_PASSWORD);
    const { secret, step } = await h.enrol(signedIn.token);
    const first = await h.session('media@nabz.example', DEMO_PASSWORD);
    expect(first.state).toBe('SECOND_FACTOR_REQUIRED');
    const right = generateSync({ secret, epoch: (step + 1) * 30 });
    const wrong = wrongCode(secret, t.clock());
    for (let i = 0; i < 3; i++) {
      expect(ext(await t.gql(VERIFY, { input: { code: wrong } }, { token: first.token }))?.reason).toBe('INVALID_CODE');
    }
    // The fourth try waits, even with the right code.
    const limited = await t.gql(VERIFY, { input: { code: right } }, { token: first.token });
    expect(ext(limited)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(ext(limited)!.retryAfter).toBeGreaterThan(0);

    // Another client (this browser's device token gets it past the address's wait) still waits:
    // the account's count of wrong codes is kept across clients.
    const device = (await h.signIn('media@nabz.example', DEMO_PASSWORD, first.deviceToken)).body.data!.signIn;
    const elsewhere = await t.gql(VERIFY, { input: { code: right, deviceToken: first.deviceToken } }, { token: device.token });
    expect(ext(elsewhere)).toMatchObject({ code: 'RATE_LIMITED' });

    // An admin lifting the locks lets the owner in.
    const [{ id }] = await t.app.db.query(`SELECT id FROM staff_user WHERE email = 'media@nabz.example'`);
    await t.app.db.query('DELETE FROM staff_sign_in_lock WHERE user_id = $1', [id]);
    const { code: now } = await totpCode(secret, step, t.clock);
    const ok = await t.gql(VERIFY, { input: { code: now, deviceToken: first.deviceToken } }, { token: device.token });
    expect(ok.body.data!.verifySecondFactor.state).toBe('SIGNED_IN');
  });
});

describe('in production (admins must use a second factor)', () => {
  let t: TestApp;
  let h: ReturnType<typeof helpers>;
  const adminPassword = 'admin-production-test-password';
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({
      seed: true,
      env: { NODE_ENV: 'production', RESPONDENT_SECRET: 'r'.repeat(32), TRUSTED_DOCUMENTS: 'off', SIGN_IN_ATTEMPTS_PER_15_MIN: '1000' },
    });
    h = helpers(t);
  });
  afterAll(() => t.close());

  it('makes an admin without one enrol before anything else works', async () => {
    // The helper gives the demo admin a password of its own (production refuses the demo one).
    await t.signIn('editor');
    await t.app.db.query(`UPDATE staff_user SET password_hash = $1 WHERE email = 'admin@nabz.example'`, [
      await hashPassword(adminPassword),
    ]);

    const first = await h.session('admin@nabz.example', adminPassword);
    expect(first.state).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    expect(ext(await t.gql(STAFF_LIST, {}, { token: first.token }))).toMatchObject({
      reason: 'SIGN_IN_INCOMPLETE',
      state: 'SECOND_FACTOR_ENROLMENT_REQUIRED',
    });
    expect(ext(await t.gql(VERIFY, { input: { code: '123456' } }, { token: first.token }))).toMatchObject({ reason: 'SIGN_IN_INCOMPLETE' });

    const enrolled = await h.enrol(first.token);
    expect(enrolled.signIn!.state).toBe('SIGNED_IN');
    const token = enrolled.signIn!.token;
    expect((await t.gql(STAFF_LIST, {}, { token })).body.data!.staffUsers.totalCount).toBeGreaterThan(0);
    expect((await t.gql(ME, {}, { token })).body.data!.me).toMatchObject({ secondFactorEnabled: true, secondFactorRequired: true });
    expect((await t.gql(ME, {}, { token: first.token })).status).toBe(401);

    // An admin cannot turn it off here.
    const { code } = await totpCode(enrolled.secret, enrolled.step, t.clock);
    expect(ext(await t.gql(DISABLE, { input: { code } }, { token }))).toMatchObject({ code: 'CONFLICT', reason: 'SECOND_FACTOR_REQUIRED' });
    const [audit] = await h.audit('enrolSecondFactor');
    expect(audit.after).toMatchObject({ atSignIn: true });
    t.secondFactors.set('admin', { secret: enrolled.secret, lastStep: enrolled.step });
  });

  it('signs the other roles in without one, and the test helper answers with a code', async () => {
    const editor = await t.gql(ME, {}, { token: await t.signIn('editor') });
    expect(editor.body.data!.me).toMatchObject({ secondFactorEnabled: false, secondFactorRequired: false });
    // The password the helper sets is the one the first test used: the admin answers with a code.
    admin = await t.signIn('admin');
    expect((await t.gql(STAFF_LIST, {}, { token: admin })).body.errors).toBeUndefined();
  });

  it("lets another admin reset a lost second factor (audited), never one's own; the person enrols again", async () => {
    const [{ id: adminId }] = await t.app.db.query(`SELECT id FROM staff_user WHERE email = 'admin@nabz.example'`);

    // A second admin: the password the first admin chose, then a second factor.
    const other = await h.createUser(admin, 'ADMIN');
    const s1 = await h.session(other.email, other.password);
    expect(s1.state).toBe('PASSWORD_CHANGE_REQUIRED');
    const s2 = (await t.gql(CHANGE, { input: { newPassword: 'second-admin-passphrase' } }, { token: s1.token })).body.data!.changePassword;
    expect(s2.state).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    const enrolled = await h.enrol(s2.token);
    const otherToken = enrolled.signIn!.token;

    // Nobody resets their own.
    expect(ext(await t.gql(RESET, { input: { id: other.id } }, { token: otherToken }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'SELF_CHANGE',
    });
    expect(ext(await t.gql(RESET, { input: { id: adminId } }, { token: admin }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'SELF_CHANGE',
    });
    // Nor does anyone but an admin.
    expect(ext(await t.gql(RESET, { input: { id: other.id } }, { token: await t.signIn('editor') }))?.code).toBe('FORBIDDEN');

    // The first admin resets the second's: their sessions end, the factor and codes are gone.
    const reset = await t.gql(RESET, { input: { id: other.id } }, { token: admin });
    expect(reset.body.data!.resetStaffSecondFactor).toEqual({ hadSecondFactor: true, endedSessionCount: 1 });
    expect((await t.gql(ME, {}, { token: otherToken })).status).toBe(401);
    const [{ f, c }] = await t.app.db.query(
      'SELECT (SELECT count(*) FROM staff_second_factor WHERE user_id = $1)::int AS f, (SELECT count(*) FROM staff_recovery_code WHERE user_id = $1)::int AS c',
      [other.id],
    );
    expect({ f, c }).toEqual({ f: 0, c: 0 });
    const [audit] = await h.audit('resetStaffSecondFactor', other.id);
    expect(audit.actor_id).toBe(adminId);
    expect(audit.entity_type).toBe('StaffUser');
    expect(audit.after).toMatchObject({ id: other.id, email: other.email, hadSecondFactor: true, endedSessionCount: 1 });

    // At the next sign-in the second admin must enrol again.
    expect((await h.session(other.email, 'second-admin-passphrase')).state).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
  });
});
