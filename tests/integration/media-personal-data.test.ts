import { startTestApp, type TestApp } from '../helpers/app';
import { insertContact, insertEvent, insertRelease, NO_SUCH_ID } from '../helpers/media';

let t: TestApp;
let media: string;
let analyst: string;
let editor: string;

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  [media, analyst, editor] = await Promise.all([t.signIn('media'), t.signIn('analyst'), t.signIn('editor')]);
});
afterAll(() => t.close());

const CREATE = `mutation ($input: CreateMediaContactInput!) { createMediaContact(input: $input) { contact { id } } }`;
const UPDATE = `mutation ($input: UpdateMediaContactInput!) { updateMediaContact(input: $input) { contact { id } } }`;
const LOG = `mutation ($input: LogMediaInteractionInput!) { logMediaInteraction(input: $input) { interaction { id } } }`;
const INVITE = `mutation ($input: InviteMediaContactsInput!) { inviteMediaContacts(input: $input) { invitations { id } } }`;
const DISTRIBUTE = `mutation ($input: RecordPressReleaseDistributionInput!) { recordPressReleaseDistribution(input: $input) { addedRecipientCount } }`;
const EXPORT = `mutation ($input: ExportMediaContactDataInput!) {
  exportMediaContactData(input: $input) {
    exportedAt document
    contact { id name email phones }
    interactions { topic notes }
    invitations { eventId reply }
    releasesReceived { releaseId sentAt }
  }
}`;
const DELETE = `mutation ($input: DeleteMediaContactInput!) { deleteMediaContact(input: $input) { deletedContactId } }`;

/** Distinctive personal values, so that any copy of them anywhere in the database can be found. */
let people = 0;
function person() {
  const n = ++people;
  return {
    name: `ژاله تست‌نام‌یکتا ${n}`,
    email: `zhaleh.unique${n}@khabar.example`,
    phones: [`0912000112${n}`],
    notes: `یادداشت خصوصی یکتا ${n}`,
    topic: `گفت‌وگوی یکتا درباره مترو ${n}`,
    newNotes: `یادداشت دوم یکتا ${n}`,
  };
}
type Person = ReturnType<typeof person>;

async function ok<T = any>(query: string, variables: Record<string, unknown>, token = media): Promise<T> {
  const res = await t.gql(query, variables, { token });
  expect(res.body.errors).toBeUndefined();
  return res.body.data as T;
}

/** A contact with a history made the way staff make it, through the API, so the audit log holds copies of their data. */
async function contactWithHistory(PERSON: Person): Promise<{ id: string; releaseId: string; eventId: string; other: string }> {
  const { createMediaContact } = await ok(CREATE, {
    input: { name: PERSON.name, email: PERSON.email, phones: PERSON.phones, notes: PERSON.notes, beats: ['حمل‌ونقل'] },
  });
  const id: string = createMediaContact.contact.id;
  await ok(UPDATE, { input: { id, notes: PERSON.newNotes } });
  await ok(LOG, { input: { contactId: id, kind: 'INTERVIEW', topic: PERSON.topic, notes: PERSON.notes } });
  const eventId = await insertEvent(t);
  await ok(INVITE, { input: { eventId, contactIds: [id] } });
  const releaseId = await insertRelease(t, 'PUBLISHED');
  const other = await insertContact(t);
  await ok(DISTRIBUTE, { input: { releaseId, contactIds: [id, other] } });
  return { id, releaseId, eventId, other };
}

/** Every audit row's snapshots as text. */
async function auditText(): Promise<string> {
  const rows: Array<{ text: string }> = await t.app.db.query(
    `SELECT coalesce(before::text, '') || ' ' || coalesce(after::text, '') AS text FROM audit_log`,
  );
  return rows.map((r) => r.text).join('\n');
}

function personalValuesIn(text: string, PERSON: Person): string[] {
  return [PERSON.name, PERSON.email, PERSON.phones[0], PERSON.notes, PERSON.topic, PERSON.newNotes].filter((value) => text.includes(value));
}

describe("a media contact's personal data on request", () => {
  it('exports everything held about the contact, as data and as one JSON document, and audits the export without personal data', async () => {
    const PERSON = person();
    const { id, releaseId, eventId } = await contactWithHistory(PERSON);
    const data = (await ok(EXPORT, { input: { id } })).exportMediaContactData;
    expect(data.contact).toEqual({ id, name: PERSON.name, email: PERSON.email, phones: PERSON.phones });
    expect(data.interactions).toEqual([{ topic: PERSON.topic, notes: PERSON.notes }]);
    expect(data.invitations).toEqual([{ eventId, reply: 'AWAITING' }]);
    expect(data.releasesReceived.map((r: any) => r.releaseId)).toEqual([releaseId]);

    const document = JSON.parse(data.document);
    expect(document.contact).toMatchObject({ name: PERSON.name, email: PERSON.email, phones: PERSON.phones, notes: PERSON.newNotes });
    expect(document.interactions).toEqual([expect.objectContaining({ kind: 'INTERVIEW', topic: PERSON.topic, notes: PERSON.notes })]);
    expect(document.invitations).toEqual([
      expect.objectContaining({ event: expect.objectContaining({ titleFa: 'نشست خبری آزمایشی' }), reply: 'AWAITING' }),
    ]);
    const [release] = await t.app.db.query('SELECT title_fa FROM press_release WHERE id = $1', [releaseId]);
    expect(document.releasesReceived).toEqual([
      expect.objectContaining({ release: expect.objectContaining({ titleFa: release.title_fa }) }),
    ]);
    // Staff ids are the office's business, not part of what the person is handed.
    expect(data.document).not.toMatch(/staffId|invitedBy|recordedBy/);

    const audit = await t.app.db.query(
      `SELECT actor_id, before, after FROM audit_log WHERE action = 'exportMediaContactData' AND entity_id = $1`,
      [id],
    );
    expect(audit).toEqual([{ actor_id: expect.any(String), before: null, after: null }]);
  });

  it('lets only media officers and admins export', async () => {
    const id = await insertContact(t);
    for (const token of [analyst, editor]) {
      const res = await t.gql(EXPORT, { input: { id } }, { token });
      expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.body.data).toBeNull();
    }
    const anonymous = await t.gql(EXPORT, { input: { id } });
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await t.app.db.query(`SELECT 1 FROM audit_log WHERE action = 'exportMediaContactData' AND entity_id = $1`, [id])).toHaveLength(
      0,
    );
  });

  it('answers NOT_FOUND for an unknown or malformed id, and audits nothing', async () => {
    const before = await t.app.db.query('SELECT count(*)::int AS n FROM audit_log');
    for (const id of [NO_SUCH_ID, 'not-an-id']) {
      const res = await t.gql(EXPORT, { input: { id } }, { token: media });
      expect(res.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    expect(await t.app.db.query('SELECT count(*)::int AS n FROM audit_log')).toEqual(before);
  });

  it('erases the contact from the address book, the log, invitations, distribution lists and the audit snapshots, keeping who did what', async () => {
    const PERSON = person();
    const { id, releaseId, other } = await contactWithHistory(PERSON);
    expect(personalValuesIn(await auditText(), PERSON).length).toBeGreaterThan(0);
    const rowsBefore: Array<{ id: string; action: string }> = await t.app.db.query('SELECT id, action FROM audit_log ORDER BY id');

    expect((await ok(DELETE, { input: { id } })).deleteMediaContact.deletedContactId).toBe(id);

    // Nothing of theirs remains in any table...
    for (const table of ['media_contact', 'media_interaction', 'media_invitation', 'press_release_distribution']) {
      const column = table === 'media_contact' ? 'id' : 'contact_id';
      expect(await t.app.db.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [id])).toHaveLength(0);
    }
    // ... nor in the audit log's snapshots, whose rows all stay, each with its action.
    expect(personalValuesIn(await auditText(), PERSON)).toEqual([]);
    const rowsAfter: Array<{ id: string; action: string }> = await t.app.db.query('SELECT id, action FROM audit_log ORDER BY id');
    expect(rowsAfter.filter((r) => rowsBefore.some((b) => b.id === r.id))).toEqual(rowsBefore);
    // The release's sending still names the other recipient, and no longer them.
    const [sending] = await t.app.db.query(
      `SELECT after FROM audit_log WHERE action = 'recordPressReleaseDistribution' AND entity_id = $1`,
      [releaseId],
    );
    expect(sending.after.addedRecipients).toEqual([other]);
    expect(await t.app.db.query('SELECT contact_id FROM press_release_distribution WHERE release_id = $1', [releaseId])).toEqual([
      { contact_id: other },
    ]);
    // The erasure's own row names the id and what went, in counts.
    const [erasure] = await t.app.db.query(`SELECT before, after FROM audit_log WHERE action = 'deleteMediaContact' AND entity_id = $1`, [
      id,
    ]);
    expect(erasure).toEqual({
      before: { erased: { interactions: 1, invitations: 1, distributions: 1, auditEntriesRedacted: expect.any(Number) } },
      after: null,
    });
    expect(erasure.before.erased.auditEntriesRedacted).toBeGreaterThanOrEqual(5);
  });

  it('leaves other contacts and their audit history untouched', async () => {
    const keep = await ok(CREATE, { input: { name: 'مخاطب ماندگار یکتا', email: 'stays@khabar.example' } });
    const keptId = keep.createMediaContact.contact.id;
    const { id } = await contactWithHistory(person());
    await ok(DELETE, { input: { id } });
    const [row] = await t.app.db.query(`SELECT after FROM audit_log WHERE action = 'createMediaContact' AND entity_id = $1`, [keptId]);
    expect(row.after).toMatchObject({ name: 'مخاطب ماندگار یکتا', email: 'stays@khabar.example' });
  });

  it('refuses an unknown contact and changes nothing', async () => {
    const before = await t.app.db.query('SELECT count(*)::int AS n FROM audit_log');
    const res = await t.gql(DELETE, { input: { id: NO_SUCH_ID } }, { token: media });
    expect(res.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await t.app.db.query('SELECT count(*)::int AS n FROM audit_log')).toEqual(before);
  });
});
