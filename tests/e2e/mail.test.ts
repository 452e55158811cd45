import { api, DESKTOP, screenshot, seriousViolations, startSite, withPage, type Site } from './support';
import { SmtpCapture, waitFor } from '../helpers/smtp-capture';

// E-mail to journalists from the staff pages (issue 16 item 5): a media officer sends a published
// release by e-mail from its page, the message reaches a real SMTP server, and the release's status
// table and the contact's page show it.

let site: Site;
let media: string;
const smtp = new SmtpCapture();

beforeAll(async () => {
  const port = await smtp.start();
  site = await startSite({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_POLL_INTERVAL_MS: '100' } });
  media = await site.app.signIn('media');
});
afterAll(async () => {
  await site?.close();
  await smtp.stop();
});

test("a media officer e-mails a published release to its distribution list and sees each recipient's status", async () => {
  const to = `e2e.${Date.now()}@paper.example`;
  const [{ id: contactId }] = await site.app.app.db.query(
    `INSERT INTO media_contact (name, email) VALUES ('خبرنگار ایمیلی', $1) RETURNING id`,
    [to],
  );
  const { createPressRelease } = await api<{ createPressRelease: { pressRelease: { id: string } } }>(
    site,
    'mutation ($input: CreatePressReleaseInput!) { createPressRelease(input: $input) { pressRelease { id } } }',
    { input: { titleFa: 'اطلاعیه ایمیلی آزمایشی', bodyFa: 'متن اطلاعیه.' } },
    media,
  );
  const releaseId = createPressRelease.pressRelease.id;
  await api(
    site,
    'mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { pressRelease { id } } }',
    { input: { id: releaseId, contactIds: [contactId] } },
    media,
  );

  await withPage(site, { viewport: DESKTOP }, async (page) => {
    await page.goto(`${site.web.url}/staff/media/releases/${releaseId}`);
    await page.waitForURL(/\/staff\/sign-in/);
    await page.getByLabel('ایمیل سازمانی').fill('media@nabz.example');
    await page.getByLabel('گذرواژه').fill('nabz-demo-1405');
    await page.getByRole('button', { name: 'ورود' }).click();
    await page.waitForURL((url) => url.pathname.endsWith(releaseId));

    const section = page.locator('[data-release-email]');
    await expect(section.innerText()).resolves.toContain('هنوز ایمیلی فرستاده نشده است.');
    await section.getByRole('button', { name: 'فرستادن ایمیل' }).click();
    await page.waitForURL(/done=emailed/);
    await expect(page.locator('body').innerText()).resolves.toContain('ایمیل‌ها در صف ارسال قرار گرفتند.');

    const [mail] = await waitFor(() => (smtp.to(to).length ? smtp.to(to) : null), 15_000, 'the e-mail');
    expect(mail.subject).toBe('اطلاعیه ایمیلی آزمایشی');
    await waitFor(
      async () => {
        await page.reload();
        return (await page.locator('[data-email-deliveries] tr[data-email-status="SENT"]').count()) === 1;
      },
      15_000,
      'the SENT row',
    );
    await expect(page.locator('[data-email-deliveries]').innerText()).resolves.toContain(to);
    expect(await seriousViolations(page, 'release-email')).toEqual([]);
    await screenshot(page, 'mail-release-status-fa-desktop');

    await page.goto(`${site.web.url}/staff/media/contacts/${contactId}`);
    const sent = page.locator('[data-emails-sent]');
    await expect(sent.innerText()).resolves.toContain('اطلاعیه ایمیلی آزمایشی');
    await expect(sent.locator('[data-email-status="SENT"]').count()).resolves.toBe(1);
  });
});
