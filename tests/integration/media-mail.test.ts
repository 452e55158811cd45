import { startTestApp, type TestApp } from '../helpers/app';
import { insertContact, insertEvent, insertRelease, NO_SUCH_ID } from '../helpers/media';
import { SmtpCapture, waitFor } from '../helpers/smtp-capture';

/**
 * E-mail to journalists (issue 16 item 5) against a real SMTP server (smtp-server) and the real
 * job queue (graphile-worker on the test database).
 */

let t: TestApp;
let media: string;
let admin: string;
const smtp = new SmtpCapture();

beforeAll(async () => {
  const port = await smtp.start();
  t = await startTestApp({
    seed: true,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'روابط عمومی <press@city.example>',
      MAIL_POLL_INTERVAL_MS: '100',
      PUBLIC_SITE_URL: 'https://www.city.example',
    },
  });
  [media, admin] = await Promise.all([t.signIn('media'), t.signIn('admin')]);
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

const EMAIL = `mutation ($input: EmailPressReleaseInput!) { emailPressRelease(input: $input) {
  queuedCount
  contactsWithoutEmail { id }
  deliveries { id contactId email status attempts kind embargoUntil }
  pressRelease { id }
} }`;
const DELIVERIES = `query ($id: ID!) { pressRelease(id: $id) { emailDeliveries { id contactId status attempts lastError sentAt } } }`;
const CONTACT = `query ($id: ID!) { mediaContact(id: $id) { unsubscribedAt emailDeliveries { kind status pressRelease { id } } } }`;

let n = 0;
const address = () => `reporter${++n}.${Date.now()}@paper.example`;

async function publishedRelease(): Promise<string> {
  const id = await insertRelease(t, 'PUBLISHED');
  await t.app.db.query(
    `UPDATE press_release SET title_fa = 'افتتاح خط ۷ مترو', summary_fa = 'خلاصه خبر', body_fa = E'بند نخست خبر.\\n\\nبند دوم <b>خبر</b>.' WHERE id = $1`,
    [id],
  );
  return id;
}

async function deliveryStatus(id: string): Promise<{ status: string; attempts: number; last_error: string | null }> {
  const [row] = await t.app.db.query('SELECT status, attempts, last_error FROM mail_delivery WHERE id = $1', [id]);
  return row;
}

describe('e-mailing a press release', () => {
  it('sends a Persian right-to-left HTML message with a plain-text part, the news link and an unsubscribe link', async () => {
    const to = address();
    const contact = await insertContact(t, { email: to, name: 'مریم احمدی' });
    const release = await publishedRelease();
    const embargo = new Date(Date.now() + 3 * 3600_000).toISOString();
    const res = await t.gql(EMAIL, { input: { releaseId: release, contactIds: [contact], embargoUntil: embargo } }, { token: media });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.emailPressRelease).toMatchObject({
      queuedCount: 1,
      contactsWithoutEmail: [],
      deliveries: [{ contactId: contact, email: to, status: 'QUEUED', kind: 'PRESS_RELEASE' }],
    });
    const [mail] = await waitFor(() => (smtp.to(to).length ? smtp.to(to) : null), 15_000, 'the e-mail');
    expect(mail.raw).toMatch(/multipart\/alternative/i);
    expect(mail.text).toContain('افتتاح خط ۷ مترو');
    expect(mail.text).toContain('https://www.city.example/news/');
    expect(mail.text).toContain('embargo');
    expect(mail.html).toMatch(/<html dir="rtl" lang="fa">/);
    expect(mail.html).toContain('بند دوم &lt;b&gt;خبر&lt;/b&gt;.'); // plain text escaped, never markup
    expect(mail.subject).toContain('افتتاح خط ۷ مترو');
    expect(mail.from?.value[0].address).toBe('press@city.example');
    expect(String(mail.headers.get('list-unsubscribe') ?? JSON.stringify(mail.headers.get('list')))).toContain('/mail/unsubscribe');
    const delivery = res.body.data!.emailPressRelease.deliveries[0].id;
    await waitFor(async () => (await deliveryStatus(delivery)).status === 'SENT', 5000, 'SENT');

    const listed = await t.gql(DELIVERIES, { id: release }, { token: media });
    expect(listed.body.data!.pressRelease.emailDeliveries).toEqual([
      expect.objectContaining({ contactId: contact, status: 'SENT', attempts: 1, lastError: null }),
    ]);
    const history = await t.gql(CONTACT, { id: contact }, { token: media });
    expect(history.body.data!.mediaContact.emailDeliveries).toEqual([
      { kind: 'PRESS_RELEASE', status: 'SENT', pressRelease: { id: release } },
    ]);
    const [audit] = await t.app.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'emailPressRelease'`, [release]);
    expect(audit).toBeTruthy();
    // E-mailing puts the contact on the release's distribution list.
    const onList = await t.app.db.query('SELECT 1 FROM press_release_distribution WHERE release_id = $1 AND contact_id = $2', [
      release,
      contact,
    ]);
    expect(onList).toHaveLength(1);
  });

  it('honours the unsubscribe link: the contact is marked, and later e-mails are recorded as skipped', async () => {
    const to = address();
    const contact = await insertContact(t, { email: to });
    const first = await t.gql(EMAIL, { input: { releaseId: await publishedRelease(), contactIds: [contact] } }, { token: media });
    expect(first.body.errors).toBeUndefined();
    const [mail] = await waitFor(() => (smtp.to(to).length ? smtp.to(to) : null), 15_000, 'the e-mail');
    const link = new URL(/https?:\/\/\S+\/mail\/unsubscribe\?\S+/.exec(mail.text!)![0]);

    const forged = await fetch(`${t.url}/mail/unsubscribe?c=${contact}&t=${'A'.repeat(43)}`);
    expect(forged.status).toBe(400);
    const unsubscribedAt = async () => (await t.gql(CONTACT, { id: contact }, { token: media })).body.data!.mediaContact.unsubscribedAt;
    // Opening the link (as a mail scanner does) changes nothing: the page asks, its button posts back to the link.
    const page = await fetch(`${t.url}${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('dir="rtl"');
    // Never framed by another site (a click there would unsubscribe); the link's token goes to no one in a Referer.
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await unsubscribedAt()).toBeNull();
    const action = /<form method="post" action="([^"]+)">/.exec(html)![1].replaceAll('&amp;', '&');
    expect(action).toBe(link.search);
    const forgedPost = await fetch(`${t.url}/mail/unsubscribe?c=${contact}&t=${'A'.repeat(43)}`, { method: 'POST' });
    expect(forgedPost.status).toBe(400);
    expect(await unsubscribedAt()).toBeNull();
    // The page's button: a browser's form post, answered with a page.
    const done = await fetch(new URL(action, `${t.url}${link.pathname}`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: '',
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('اشتراک لغو شد');
    expect(await unsubscribedAt()).not.toBeNull();

    const again = await t.gql(EMAIL, { input: { releaseId: await publishedRelease(), contactIds: [contact] } }, { token: media });
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data!.emailPressRelease).toMatchObject({ queuedCount: 0, deliveries: [{ status: 'SKIPPED_UNSUBSCRIBED' }] });
    expect(smtp.to(to)).toHaveLength(1);
  });

  it("honours a mail program's one-click unsubscribe (RFC 8058): a form POST to the List-Unsubscribe address", async () => {
    for (const form of ['urlencoded', 'multipart'] as const) {
      const to = address();
      const contact = await insertContact(t, { email: to });
      const sent = await t.gql(EMAIL, { input: { releaseId: await publishedRelease(), contactIds: [contact] } }, { token: media });
      expect(sent.body.errors).toBeUndefined();
      const [mail] = await waitFor(() => (smtp.to(to).length ? smtp.to(to) : null), 15_000, 'the e-mail');
      expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/im);
      const header = String(mail.headers.get('list-unsubscribe') ?? JSON.stringify(mail.headers.get('list')));
      const link = new URL(/https?:\/\/[^>"\s]+\/mail\/unsubscribe\?[^>"\s]+/.exec(header)![0]);
      const body = new FormData();
      body.set('List-Unsubscribe', 'One-Click');
      const res = await fetch(`${t.url}${link.pathname}${link.search}`, {
        method: 'POST',
        ...(form === 'urlencoded'
          ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }
          : { body }),
      });
      expect({ form, status: res.status, body: await res.json() }).toEqual({ form, status: 200, body: { unsubscribed: true } });
      const contactNow = await t.gql(CONTACT, { id: contact }, { token: media });
      expect(contactNow.body.data!.mediaContact.unsubscribedAt).not.toBeNull();
    }
  });

  it("defaults to the release's distribution list and reports contacts without an address", async () => {
    const [a, b] = [address(), address()];
    const withMail = [await insertContact(t, { email: a }), await insertContact(t, { email: b })];
    const without = await insertContact(t, { email: null });
    const release = await publishedRelease();
    await t.app.db.query(
      `INSERT INTO press_release_distribution (release_id, contact_id, sent_at, recorded_by) SELECT $1, c, now(), (SELECT id FROM staff_user WHERE email = 'media@nabz.example') FROM unnest($2::uuid[]) c`,
      [release, [...withMail, without]],
    );
    const res = await t.gql(EMAIL, { input: { releaseId: release } }, { token: admin });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.emailPressRelease.queuedCount).toBe(2);
    expect(res.body.data!.emailPressRelease.contactsWithoutEmail).toEqual([{ id: without }]);
    await waitFor(() => smtp.to(a).length && smtp.to(b).length, 15_000, 'both e-mails');
  });

  it('keeps e-mails queued and retrying while the mail server is down, and delivers them when it is back', async () => {
    const to = address();
    const contact = await insertContact(t, { email: to });
    const port = smtp.port;
    await smtp.stop();
    let id: string;
    try {
      const res = await t.gql(EMAIL, { input: { releaseId: await publishedRelease(), contactIds: [contact] } }, { token: media });
      expect(res.body.errors).toBeUndefined();
      id = res.body.data!.emailPressRelease.deliveries[0].id;
      const failing = await waitFor(
        async () => {
          const d = await deliveryStatus(id);
          return d.status === 'RETRYING' ? d : null;
        },
        15_000,
        'RETRYING',
      );
      expect(failing.attempts).toBe(1);
      expect(failing.last_error).toBe('Could not reach the mail server (connection refused, timed out or unknown host).');
      // The queue holds the job for a later try (its failure is recorded just after ours).
      await waitFor(
        async () =>
          (
            await t.app.db.query(
              `SELECT 1 FROM graphile_worker.jobs WHERE key = $1 AND locked_at IS NULL AND attempts = 1 AND run_at > now()`,
              [`mail:${id}`],
            )
          ).length,
        5000,
        'the job to wait for its retry',
      );
    } finally {
      await smtp.start(port);
    }
    await waitFor(() => smtp.to(to).length, 20_000, 'the e-mail after the retry');
    await waitFor(async () => (await deliveryStatus(id)).status === 'SENT', 5000, 'SENT');
    expect((await deliveryStatus(id)).attempts).toBe(2);
  });

  it('waits for sendAt', async () => {
    const to = address();
    const contact = await insertContact(t, { email: to });
    const sendAt = new Date(Date.now() + 1500);
    const res = await t.gql(
      EMAIL,
      { input: { releaseId: await publishedRelease(), contactIds: [contact], sendAt: sendAt.toISOString() } },
      { token: media },
    );
    expect(res.body.errors).toBeUndefined();
    const [mail] = await waitFor(() => (smtp.to(to).length ? smtp.to(to) : null), 15_000, 'the scheduled e-mail');
    // Not before its time (a little slack for the database's and this process's clock readings).
    expect(mail.receivedAt).toBeGreaterThanOrEqual(sendAt.getTime() - 250);
    const [row] = await t.app.db.query('SELECT send_at FROM mail_delivery WHERE contact_id = $1', [contact]);
    expect(new Date(row.send_at).getTime()).toBe(sendAt.getTime());
  });

  it("is part of a contact's personal data: exported, and erased with them", async () => {
    const to = address();
    const contact = await insertContact(t, { email: to });
    const res = await t.gql(EMAIL, { input: { releaseId: await publishedRelease(), contactIds: [contact] } }, { token: media });
    expect(res.body.errors).toBeUndefined();
    await waitFor(() => smtp.to(to).length, 15_000, 'the e-mail');
    await waitFor(async () => (await deliveryStatus(res.body.data!.emailPressRelease.deliveries[0].id)).status === 'SENT', 5000, 'SENT');
    const exported = await t.gql(
      `mutation ($input: ExportMediaContactDataInput!) { exportMediaContactData(input: $input) { document emailDeliveries { status email } } }`,
      { input: { id: contact } },
      { token: media },
    );
    expect(exported.body.errors).toBeUndefined();
    expect(exported.body.data!.exportMediaContactData.emailDeliveries).toEqual([{ status: 'SENT', email: to }]);
    expect(JSON.parse(exported.body.data!.exportMediaContactData.document).emailDeliveries).toEqual([
      expect.objectContaining({
        kind: 'PRESS_RELEASE',
        email: to,
        status: 'SENT',
        release: expect.objectContaining({ titleFa: 'افتتاح خط ۷ مترو' }),
      }),
    ]);
    const erased = await t.gql(
      `mutation ($input: DeleteMediaContactInput!) { deleteMediaContact(input: $input) { deletedContactId } }`,
      { input: { id: contact } },
      { token: media },
    );
    expect(erased.body.errors).toBeUndefined();
    expect(await t.app.db.query('SELECT 1 FROM mail_delivery WHERE contact_id = $1 OR email = $2', [contact, to])).toHaveLength(0);
  });

  it('refuses bad input with a stable code and queues nothing', async () => {
    const contact = await insertContact(t, { email: address() });
    const noMail = await insertContact(t, { email: null });
    const published = await publishedRelease();
    const draft = await insertRelease(t, 'DRAFT');
    const before = (await t.app.db.query('SELECT count(*)::int AS n FROM mail_delivery'))[0].n;
    const cases: Array<[Record<string, unknown>, string, string?]> = [
      [{ releaseId: NO_SUCH_ID, contactIds: [contact] }, 'NOT_FOUND'],
      [{ releaseId: 'nonsense', contactIds: [contact] }, 'NOT_FOUND'],
      [{ releaseId: draft, contactIds: [contact] }, 'CONFLICT', 'input.releaseId'],
      [{ releaseId: published, contactIds: [noMail] }, 'BAD_USER_INPUT', 'input.contactIds'],
      [{ releaseId: published, contactIds: [contact, NO_SUCH_ID] }, 'BAD_USER_INPUT', 'input.contactIds[1]'],
      [{ releaseId: published, contactIds: [] }, 'BAD_USER_INPUT', 'input.contactIds'],
      [{ releaseId: published }, 'BAD_USER_INPUT', 'input.contactIds'],
      [{ releaseId: published, contactIds: [contact], sendAt: '2001-01-01T00:00:00Z' }, 'BAD_USER_INPUT', 'input.sendAt'],
    ];
    for (const [input, code, field] of cases) {
      const res = await t.gql(EMAIL, { input }, { token: media });
      expect({ input, code: res.body.errors?.[0].extensions?.code, field: res.body.errors?.[0].extensions?.field }).toEqual({
        input,
        code,
        field,
      });
    }
    expect((await t.app.db.query('SELECT count(*)::int AS n FROM mail_delivery'))[0].n).toBe(before);
  });

  it('is for media officers and admins only', async () => {
    const contact = await insertContact(t, { email: address() });
    const release = await publishedRelease();
    for (const account of ['editor', 'analyst'] as const) {
      const res = await t.gql(EMAIL, { input: { releaseId: release, contactIds: [contact] } }, { token: await t.signIn(account) });
      expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await t.gql(EMAIL, { input: { releaseId: release, contactIds: [contact] } });
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await t.app.db.query('SELECT 1 FROM mail_delivery WHERE contact_id = $1', [contact])).toHaveLength(0);
  });
});

describe('e-mailed event invitations', () => {
  const INVITE = `mutation ($input: InviteMediaContactsInput!) { inviteMediaContacts(input: $input) { addedCount invitations { id contactId reply } emailDeliveries { status kind } contactsWithoutEmail { id } } }`;

  it('carry RSVP links that record the reply on the invitation', async () => {
    const [yes, no] = [address(), address()];
    const contacts = [
      await insertContact(t, { email: yes }),
      await insertContact(t, { email: no }),
      await insertContact(t, { email: null }),
    ];
    const event = await insertEvent(t);
    const res = await t.gql(INVITE, { input: { eventId: event, contactIds: contacts, sendEmail: true } }, { token: media });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.inviteMediaContacts).toMatchObject({
      addedCount: 3,
      emailDeliveries: [
        { status: 'QUEUED', kind: 'EVENT_INVITATION' },
        { status: 'QUEUED', kind: 'EVENT_INVITATION' },
      ],
      contactsWithoutEmail: [{ id: contacts[2] }],
    });
    const invitations: Array<{ id: string; contactId: string }> = res.body.data!.inviteMediaContacts.invitations;

    const [yesMail] = await waitFor(() => (smtp.to(yes).length ? smtp.to(yes) : null), 15_000, 'the invitation');
    const [noMail] = await waitFor(() => (smtp.to(no).length ? smtp.to(no) : null), 15_000, 'the invitation');
    expect(yesMail.html).toMatch(/<html dir="rtl" lang="fa">/);
    expect(yesMail.text).toContain('نشست خبری آزمایشی');
    const rsvp = (text: string, answer: 'yes' | 'no') => {
      const url = new URL(new RegExp(`https?://\\S+/mail/rsvp\\?\\S+a=${answer}\\S*`).exec(text)![0]);
      return `${t.url}${url.pathname}${url.search}`;
    };
    // Opening a link records nothing (mail scanners open every link): its page's button does.
    const opened = await fetch(rsvp(yesMail.text!, 'yes'));
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('<form method="post"');
    const [{ replied }] = await t.app.db.query(
      'SELECT count(*) FILTER (WHERE replied_at IS NOT NULL)::int AS replied FROM media_invitation WHERE event_id = $1',
      [event],
    );
    expect(replied).toBe(0);
    const post = (url: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    const accepted = await post(rsvp(yesMail.text!, 'yes'));
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain('پاسخ شما ثبت شد');
    expect((await post(rsvp(noMail.text!, 'no'))).status).toBe(200);
    // A link for one answer cannot be turned into the other.
    expect((await fetch(rsvp(noMail.text!, 'no').replace('a=no', 'a=yes'))).status).toBe(400);
    expect((await post(rsvp(noMail.text!, 'no').replace('a=no', 'a=yes'))).status).toBe(400);

    const replies = await t.app.db.query('SELECT id, reply, replied_at IS NOT NULL AS replied FROM media_invitation WHERE event_id = $1', [
      event,
    ]);
    const byId = new Map(replies.map((r: any) => [r.id, r]));
    expect(byId.get(invitations[0].id)).toMatchObject({ reply: 'ACCEPTED', replied: true });
    expect(byId.get(invitations[1].id)).toMatchObject({ reply: 'DECLINED', replied: true });
    expect(byId.get(invitations[2].id)).toMatchObject({ reply: 'AWAITING', replied: false });
  });
});

describe('without SMTP settings', () => {
  it('queues e-mails and keeps them until a server with SMTP settings sends them', async () => {
    const quiet = await startTestApp({ seed: true });
    try {
      const to = address();
      const [{ id: contact }] = await quiet.app.db.query(`INSERT INTO media_contact (name, email) VALUES ('منتظر', $1) RETURNING id`, [to]);
      const [{ id: release }] = await quiet.app.db.query(`SELECT id FROM press_release WHERE status = 'PUBLISHED' LIMIT 1`);
      const res = await quiet.gql(EMAIL, { input: { releaseId: release, contactIds: [contact] } }, { token: await quiet.signIn('media') });
      expect(res.body.errors).toBeUndefined();
      const id = res.body.data!.emailPressRelease.deliveries[0].id;
      const [job] = await quiet.app.db.query(`SELECT attempts, locked_at FROM graphile_worker.jobs WHERE key = $1`, [`mail:${id}`]);
      expect(job).toEqual({ attempts: 0, locked_at: null });

      // Another instance on the same database, with SMTP settings, sends what was waiting.
      const sender = await startTestApp({
        databaseUrl: quiet.databaseUrl,
        env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_POLL_INTERVAL_MS: '100' },
      });
      try {
        await waitFor(() => smtp.to(to).length, 15_000, 'the queued e-mail');
        await waitFor(
          async () => (await quiet.app.db.query('SELECT status FROM mail_delivery WHERE id = $1', [id]))[0].status === 'SENT',
          5000,
          'SENT',
        );
        expect((await quiet.app.db.query('SELECT attempts FROM mail_delivery WHERE id = $1', [id]))[0].attempts).toBe(1);
      } finally {
        await sender.close();
      }
    } finally {
      await quiet.close();
    }
  });
});
