import type { Page } from 'playwright-core';
import { generateSync } from 'otplib';
import { totpCode } from '../helpers/totp';
import { DESKTOP, PHONE, screenshot, seriousViolations, startSite, withPage, type Site } from './support';

// Staff security in the browser (issue 16 item 1), against the real API with admins required to
// use a second factor (REQUIRE_ADMIN_2FA, as in production): the admin's first sign-in enrols the
// authenticator app (QR code, key for typing, first code, recovery codes once and "I saved them"),
// the next sign-in asks for a code, computed here with otplib as the phone would; a user whose
// password an admin chose must replace it first; the admin page resets a lost second factor.

let site: Site;

beforeAll(async () => {
  site = await startSite({ env: { REQUIRE_ADMIN_2FA: 'true' } });
}, 120_000);

afterAll(async () => {
  await site?.close();
}, 30_000);

async function passwordStep(page: Page, email: string, password: string, english = false): Promise<void> {
  await page.goto(`${site.web.url}${english ? '/en' : ''}/staff`);
  await page.waitForURL(/\/staff\/sign-in/);
  await page.getByLabel(english ? 'Work e-mail' : 'ایمیل سازمانی').fill(email);
  await page.getByLabel(english ? 'Password' : 'گذرواژه').fill(password);
  await page.getByRole('button', { name: english ? 'Sign in' : 'ورود' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}

describe('two-step verification', () => {
  let secret = '';
  let lastStep = 0;

  test('an admin without a second factor enrols at sign-in: QR code, first code, recovery codes once', async () => {
    await withPage(site, { viewport: PHONE, locale: 'fa-IR' }, async (page) => {
      await passwordStep(page, 'admin@nabz.example', 'nabz-demo-1405');
      // Nothing else works until the enrolment is done: the desk sends the person back here.
      expect(new URL(page.url()).pathname).toBe('/staff/two-factor');
      await page.goto(`${site.web.url}/staff/admin`);
      await page.waitForURL(/\/staff\/two-factor/);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await expect(page.locator('h1').textContent()).resolves.toBe('راه‌اندازی ورود دومرحله‌ای');

      await page.getByRole('button', { name: 'آغاز راه‌اندازی' }).click();
      const qr = page.locator('img[data-qr]');
      await qr.waitFor();
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
      secret = ((await page.locator('[data-totp-secret]').textContent()) ?? '').replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(await seriousViolations(page, 'two-factor enrol')).toEqual([]);
      await screenshot(page, 'two-factor-enrol-fa-phone');

      // A wrong code first: refused, the page stays.
      const wrong = generateSync({ secret, epoch: 0 });
      await page.getByLabel('کد شش‌رقمی').fill(wrong);
      await page.getByRole('button', { name: 'تأیید و روشن کردن' }).click();
      await page.locator('.staff-alert--error').waitFor();
      await expect(page.locator('.staff-alert--error').textContent()).resolves.toContain('این کد درست نیست');

      const { code, step } = await totpCode(secret, null, site.app.clock);
      lastStep = step;
      await page.getByLabel('کد شش‌رقمی').fill(code);
      await page.getByRole('button', { name: 'تأیید و روشن کردن' }).click();
      const codes = page.locator('[data-recovery-codes] li');
      await codes.first().waitFor();
      expect(await codes.count()).toBe(10);
      expect(await codes.first().textContent()).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      await screenshot(page, 'two-factor-recovery-codes-fa-phone');

      // "I saved them" before going on.
      await page.getByRole('button', { name: 'ادامه' }).click();
      expect(new URL(page.url()).pathname).toBe('/staff/two-factor');
      await page.getByLabel('کدهای بازیابی را جای امنی نگه داشتم.').check();
      await page.getByRole('button', { name: 'ادامه' }).click();
      // On to the page asked for before the enrolment, signed in for real now.
      await page.waitForURL((url) => url.pathname === '/staff/admin');
      await expect(page.locator('h1').textContent()).resolves.toBe('مدیریت');
      await page.goto(`${site.web.url}/staff/account`);
      await expect(page.locator('[data-two-factor]').getAttribute('data-two-factor')).resolves.toBe('on');
      await expect(page.locator('body').textContent()).resolves.toContain('۱۰ کد بازیابی');
      expect(await seriousViolations(page, 'account')).toEqual([]);
    });
  }, 120_000);

  test('the next sign-in asks for a code of the app after the password (English)', async () => {
    expect(secret).not.toBe('');
    await withPage(site, { viewport: DESKTOP, locale: 'en-GB' }, async (page) => {
      await passwordStep(page, 'admin@nabz.example', 'nabz-demo-1405', true);
      expect(new URL(page.url()).pathname).toBe('/en/staff/sign-in/code');
      expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
      expect(await seriousViolations(page, 'sign-in code')).toEqual([]);
      await screenshot(page, 'two-factor-code-en-desktop');

      // The code already used at enrolment is refused (replay).
      await page.getByLabel('App code or recovery code').fill(generateSync({ secret, epoch: lastStep * 30 }));
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.locator('.staff-alert--error').waitFor();
      await expect(page.locator('.staff-alert--error').textContent()).resolves.toContain('This code is wrong, was used already');

      const { code, step } = await totpCode(secret, lastStep, site.app.clock);
      lastStep = step;
      await page.getByLabel('App code or recovery code').fill(code);
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.waitForURL((url) => url.pathname === '/en/staff');
      await page.goto(`${site.web.url}/en/staff/admin`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Administration');
    });
  }, 120_000);

  test('a user whose password an admin chose changes it first; the admin resets a lost second factor', async () => {
    // The API helper answers the admin's sign-in with a code of the same app.
    site.app.secondFactors.set('admin', { secret, lastStep });
    const admin = { token: await site.app.signIn('admin') };
    lastStep = site.app.secondFactors.get('admin')!.lastStep!;
    const created = await site.app.gql<{ createStaffUser: { staffUser: { id: string } } }>(
      'mutation ($input: CreateStaffUserInput!) { createStaffUser(input: $input) { staffUser { id } } }',
      { input: { email: 'new.editor@nabz.example', role: 'EDITOR', password: 'admins-chosen-passphrase' } },
      { token: admin.token },
    );
    const userId = created.body.data!.createStaffUser.staffUser.id;

    await withPage(site, { viewport: PHONE, locale: 'fa-IR' }, async (page) => {
      await passwordStep(page, 'new.editor@nabz.example', 'admins-chosen-passphrase');
      expect(new URL(page.url()).pathname).toBe('/staff/change-password');
      await page.goto(`${site.web.url}/staff/polls`);
      await page.waitForURL(/\/staff\/change-password/);
      await page.getByLabel('گذرواژهٔ تازه (دست‌کم ۱۲ نویسه)').fill('my-own-editor-passphrase');
      await page.getByLabel('تکرار گذرواژهٔ تازه').fill('my-own-editor-passphrase');
      await page.getByRole('button', { name: 'ذخیرهٔ گذرواژهٔ تازه' }).click();
      await page.waitForURL((url) => url.pathname === '/staff/polls');

      // The editor opts in from the account page.
      await page.goto(`${site.web.url}/staff/account`);
      await page.getByRole('link', { name: 'روشن کردن ورود دومرحله‌ای' }).click();
      await page.getByRole('button', { name: 'آغاز راه‌اندازی' }).click();
      const editorSecret = ((await page.locator('[data-totp-secret]').textContent()) ?? '').replace(/\s/g, '');
      await page.getByLabel('کد شش‌رقمی').fill((await totpCode(editorSecret, null, site.app.clock)).code);
      await page.getByRole('button', { name: 'تأیید و روشن کردن' }).click();
      await page.locator('[data-recovery-codes]').waitFor();
    });

    // The editor lost the phone: the admin resets it on the admin page.
    await withPage(site, { viewport: DESKTOP, locale: 'fa-IR' }, async (page) => {
      await passwordStep(page, 'admin@nabz.example', 'nabz-demo-1405');
      const { code, step } = await totpCode(secret, lastStep, site.app.clock);
      lastStep = step;
      await page.getByLabel('کد برنامه یا کد بازیابی').fill(code);
      await page.getByRole('button', { name: 'تأیید' }).click();
      await page.waitForURL((url) => url.pathname === '/staff');
      await page.goto(`${site.web.url}/staff/admin?search=new.editor`);
      // No reset button for oneself; one for the editor.
      await expect(page.locator('[data-reset-two-factor]').count()).resolves.toBe(1);
      await page.getByRole('button', { name: /بازنشانی ورود دومرحله‌ای/ }).click();
      await page.waitForURL(/done=twoFactorReset/);
      await expect(page.locator('.staff-alert--ok').textContent()).resolves.toContain('بازنشانی شد');
      await screenshot(page, 'two-factor-admin-reset-fa-desktop');
    });
    const [audit] = await site.app.app.db.query(`SELECT actor_id, entity_id FROM audit_log WHERE action = 'resetStaffSecondFactor'`);
    const [{ id: adminId }] = await site.app.app.db.query(`SELECT id FROM staff_user WHERE email = 'admin@nabz.example'`);
    expect(audit).toEqual({ actor_id: adminId, entity_id: userId });
  }, 180_000);
});
