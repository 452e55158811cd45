import { isObjectType, isInterfaceType, isUnionType, getNamedType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { accessOf } from '../../server/src/graphql/access';
import { getSchema } from '../../server/src/graphql/schema';
import { DEMO_CONTACTS, DEMO_OUTLETS } from '../../server/src/seed/demo-media';
import { startTestApp, type TestApp } from '../helpers/app';
import { insertContact, insertInteraction, NO_SUCH_ID } from '../helpers/media';

let t: TestApp;
let media: string;
let admin: string;
let editor: string;
let analyst: string;

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  [media, admin, editor, analyst] = await Promise.all([t.signIn('media'), t.signIn('admin'), t.signIn('editor'), t.signIn('analyst')]);
});
afterAll(() => t.close());

const CONTACTS = `query ($filter: MediaContactFilter, $first: Int, $after: String) {
  mediaContacts(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name role phones email beats language outlet { nameFa } } }
  }
}`;
const CREATE_CONTACT = `mutation ($input: CreateMediaContactInput!) { createMediaContact(input: $input) { contact { id name phones email beats language outlet { id } } } }`;

async function contactNames(filter: Record<string, unknown>, token = media): Promise<string[]> {
  const res = await t.gql(CONTACTS, { filter, first: 50 }, { token });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.mediaContacts.edges.map((e: any) => e.node.name).sort();
}

async function count(table: string): Promise<number> {
  const [{ n }] = await t.app.db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}

/** Every staff-only media query, with arguments that would succeed for a media officer. */
const STAFF_QUERIES: Array<[string, string, Record<string, unknown> | null]> = [
  ['mediaOutlets', '{ mediaOutlets { totalCount edges { node { nameFa } } } }', null],
  ['mediaOutlet', 'query ($id: ID!) { mediaOutlet(id: $id) { nameFa } }', { id: NO_SUCH_ID }],
  ['mediaContacts', '{ mediaContacts { totalCount edges { node { name phones email } } } }', null],
  ['mediaContact', 'query ($id: ID!) { mediaContact(id: $id) { name phones email } }', { id: NO_SUCH_ID }],
  ['mediaInteractions', '{ mediaInteractions { totalCount edges { node { topic contact { email } } } } }', null],
  ['mediaFollowUps', '{ mediaFollowUps { totalCount edges { node { topic contact { phones } } } } }', null],
  ['pressReleases', '{ pressReleases { totalCount edges { node { slug distribution { contact { email } } } } } }', null],
  ['pressRelease', 'query ($id: ID!) { pressRelease(id: $id) { slug distribution { contact { email } } } }', { id: NO_SUCH_ID }],
  ['mediaCoverage', '{ mediaCoverage { totalCount edges { node { title } } } }', null],
  ['mediaCoverageToneSummary', '{ mediaCoverageToneSummary { total { total } } }', null],
  ['mediaInvitations', '{ mediaInvitations { totalCount edges { node { contact { email } } } } }', null],
];

describe('media relations: who may reach contact details', () => {
  it('declares every media query and mutation for media officers and admins only, and only news and newsItem as public', async () => {
    const table = accessOf(await getSchema());
    const media = Object.entries(table).filter(([name]) => /media|pressRelease|news/i.test(name));
    const open = media
      .filter(([, access]) => access && 'public' in access)
      .map(([name]) => name)
      .sort();
    expect(open).toEqual(['Query.news', 'Query.newsItem']);
    for (const [name, access] of media.filter(([n]) => !open.includes(n))) {
      expect([name, access]).toEqual([name, { roles: ['MEDIA_OFFICER', 'ADMIN'] }]);
    }
    expect(STAFF_QUERIES.map(([name]) => `Query.${name}`).sort()).toEqual(
      media
        .filter(([n]) => n.startsWith('Query.') && !open.includes(n))
        .map(([n]) => n)
        .sort(),
    );
  });

  it('leaves no path from a public query to a contact, the distribution list or a draft', async () => {
    const schema: GraphQLSchema = await getSchema();
    const table = accessOf(schema);
    const seen = new Set<string>();
    const visit = (type: GraphQLNamedType) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      if (isObjectType(type) || isInterfaceType(type)) for (const f of Object.values(type.getFields())) visit(getNamedType(f.type));
      if (isUnionType(type)) type.getTypes().forEach(visit);
    };
    for (const [name, field] of Object.entries(schema.getQueryType()!.getFields())) {
      if (table[`Query.${name}`] && 'public' in table[`Query.${name}`]!) visit(getNamedType(field.type));
    }
    expect(seen.has('NewsItem')).toBe(true);
    for (const hidden of [
      'MediaContact',
      'MediaOutlet',
      'PressRelease',
      'PressReleaseRecipient',
      'MediaInteraction',
      'MediaCoverage',
      'MediaInvitation',
    ]) {
      expect([hidden, seen.has(hidden)]).toEqual([hidden, false]);
    }
  });

  it.each(STAFF_QUERIES)(
    'refuses %s to an anonymous caller (UNAUTHENTICATED) and to editors and analysts (FORBIDDEN)',
    async (name, query, variables) => {
      const anonymous = await t.gql(query, variables ?? undefined);
      expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(anonymous.body.data?.[name] ?? null).toBeNull();
      for (const token of [editor, analyst]) {
        const res = await t.gql(query, variables ?? undefined, { token });
        expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(res.body.data?.[name] ?? null).toBeNull();
      }
      // No refusal leaks a phone number or an address of the demo contacts.
      expect(JSON.stringify(anonymous.body)).not.toMatch(/example\.com|0912/);
    },
  );

  it('answers the same queries for media officers and admins', async () => {
    for (const token of [media, admin]) {
      for (const [name, query, variables] of STAFF_QUERIES) {
        const res = await t.gql(query, variables ?? undefined, { token });
        const code = res.body.errors?.[0].extensions?.code;
        // By-id lookups of a made-up id are NOT_FOUND: the caller got past the access check.
        expect([name, code ?? 'OK']).toEqual([name, variables ? 'NOT_FOUND' : 'OK']);
      }
    }
  });

  it('refuses a contact mutation to editors and analysts, writing nothing', async () => {
    const before = await count('media_contact');
    for (const token of [undefined, editor, analyst]) {
      const res = await t.gql(CREATE_CONTACT, { input: { name: 'نفوذی' } }, { token });
      expect(res.body.errors?.[0].extensions?.code).toBe(token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
    expect(await count('media_contact')).toBe(before);
  });
});

describe('media relations: outlets and contacts', () => {
  it('has the demo outlets and contacts', async () => {
    const res = await t.gql('{ mediaOutlets(first: 50) { totalCount edges { node { nameFa kind } } } }', {}, { token: media });
    expect(res.body.data!.mediaOutlets.totalCount).toBe(DEMO_OUTLETS.length);
    expect(await contactNames({})).toEqual(DEMO_CONTACTS.map((c) => c.name).sort());
    // Demo contacts have fake details only.
    for (const c of DEMO_CONTACTS) {
      expect(c.email).toMatch(/@example\.com$/);
      for (const phone of c.phones) expect(phone).toMatch(/0000/);
    }
  });

  it('stores phones with Persian or Arabic digits as ASCII, e-mail lower-cased, and audits the creation', async () => {
    const [{ id: outletId }] = await t.app.db.query(`SELECT id FROM media_outlet WHERE name_en = 'Sobh-e Shahr Daily'`);
    const res = await t.gql(
      CREATE_CONTACT,
      {
        input: {
          name: ' پرستو ملکی ',
          outletId,
          phones: ['۰۹۱۲ ۰۰۰ ۰۲۰۱', '٠٢١-٠٠٠٠-٠٢٠٢', '0098 21 0000 0203'],
          email: ' P.Maleki@Example.COM ',
          beats: ['آموزش', ' آموزش '],
          language: 'FA',
        },
      },
      { token: media },
    );
    expect(res.body.errors).toBeUndefined();
    const contact = res.body.data!.createMediaContact.contact;
    expect(contact).toMatchObject({
      name: 'پرستو ملکی',
      phones: ['09120000201', '02100000202', '+982100000203'],
      email: 'p.maleki@example.com',
      beats: ['آموزش'],
      language: 'fa',
      outlet: { id: outletId },
    });
    const audit = await t.app.db.query(`SELECT action, after FROM audit_log WHERE entity_id = $1`, [contact.id]);
    expect(audit).toEqual([{ action: 'createMediaContact', after: expect.objectContaining({ email: 'p.maleki@example.com' }) }]);
  });

  it.each([
    ['a phone with letters', { phones: ['09120000000', 'call me'] }, 'input.phones[1]'],
    ['a phone too short', { phones: ['123'] }, 'input.phones[0]'],
    ['an e-mail without a domain', { email: 'reporter@' }, 'input.email'],
    ['six phones', { phones: Array(6).fill('09120000000') }, 'input.phones'],
    ['an unknown outlet', { outletId: NO_SUCH_ID }, 'input.outletId'],
    ['a bad language code', { language: 'Persian!' }, 'input.language'],
    ['a blank name', { name: '  ' }, 'input.name'],
  ])('refuses a contact with %s, naming the field, and writes nothing', async (_label, fields, field) => {
    const before = [await count('media_contact'), await count('audit_log')];
    const res = await t.gql(CREATE_CONTACT, { input: { name: 'نام', ...fields } }, { token: media });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.body.errors?.[0].message).not.toMatch(/SELECT|INSERT|constraint|at .*\.ts/);
    expect([await count('media_contact'), await count('audit_log')]).toEqual(before);
  });

  it('updates a contact: clears the e-mail, replaces the phones, refuses to clear the name', async () => {
    const id = await insertContact(t, { email: 'old@example.com', phones: ['09120000301'] });
    const UPDATE = `mutation ($input: UpdateMediaContactInput!) { updateMediaContact(input: $input) { contact { email phones } } }`;
    const res = await t.gql(UPDATE, { input: { id, email: null, phones: ['۰۹۱۲۰۰۰۰۳۰۲'] } }, { token: media });
    expect(res.body.data!.updateMediaContact.contact).toEqual({ email: null, phones: ['09120000302'] });
    const refused = await t.gql(UPDATE, { input: { id, name: null } }, { token: media });
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const missing = await t.gql(UPDATE, { input: { id: NO_SUCH_ID, role: 'x' } }, { token: media });
    expect(missing.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('treats two outlet names that differ only in Arabic/Persian letters or ZWNJ as the same outlet (CONFLICT)', async () => {
    const CREATE = `mutation ($input: CreateMediaOutletInput!) { createMediaOutlet(input: $input) { outlet { id } } }`;
    // The demo outlet is stored as «پايگاه خبري كوچه» (Arabic ي and ك).
    const res = await t.gql(CREATE, { input: { nameFa: 'پایگاه خبری کوچه', kind: 'WEBSITE' } }, { token: media });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUTLET_NAME_TAKEN', field: 'input.nameFa' });
    const bad = await t.gql(CREATE, { input: { nameFa: 'تازه', kind: 'WEBSITE', url: 'javascript:alert(1)' } }, { token: media });
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
  });

  it('refuses to delete an outlet that contacts still work for, and deletes a contact with their log entries', async () => {
    const [{ id: outletId }] = await t.app.db.query(`SELECT id FROM media_outlet WHERE name_en = 'Nabznegar News Agency'`);
    const refused = await t.gql(
      `mutation ($input: DeleteMediaOutletInput!) { deleteMediaOutlet(input: $input) { deletedOutletId } }`,
      { input: { id: outletId } },
      { token: admin },
    );
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUTLET_IN_USE' });
    expect(await t.app.db.query('SELECT 1 FROM media_outlet WHERE id = $1', [outletId])).toHaveLength(1);

    const contactId = await insertContact(t);
    await insertInteraction(t, contactId, '2030-01-01');
    const res = await t.gql(
      `mutation ($input: DeleteMediaContactInput!) { deleteMediaContact(input: $input) { deletedContactId } }`,
      { input: { id: contactId } },
      { token: media },
    );
    expect(res.body.data!.deleteMediaContact.deletedContactId).toBe(contactId);
    expect(await t.app.db.query('SELECT 1 FROM media_interaction WHERE contact_id = $1', [contactId])).toHaveLength(0);
    expect(await t.app.db.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [contactId])).toEqual([
      { action: 'deleteMediaContact' },
    ]);
  });
});

describe('media relations: Persian-aware search', () => {
  it('finds a name stored with Arabic ي/ك when searched with Persian ی/ک', async () => {
    // «علي كريمي» is stored with Arabic yeh and kaf.
    expect(await contactNames({ search: 'علی کریمی' })).toEqual(['علي كريمي']);
    expect(await contactNames({ search: 'کریمی' })).toEqual(['علي كريمي']);
  });

  it('finds a name stored with Persian letters when searched with Arabic ones', async () => {
    expect(await contactNames({ search: 'مريم' })).toEqual(['مریم احمدی']);
    expect(await contactNames({ search: 'كاظمي' })).toEqual(['رضا کاظمی']);
  });

  it("finds contacts by their outlet's name, whichever letters either side uses", async () => {
    // The outlet is stored as «پايگاه خبري كوچه»; its one contact is حسین مرادی.
    expect(await contactNames({ search: 'پایگاه کوچه' })).toEqual(['حسین مرادی']);
    const atDaily: Array<{ name: string }> = await t.app.db.query(
      `SELECT c.name FROM media_contact c JOIN media_outlet o ON o.id = c.outlet_id WHERE o.name_en = 'Sobh-e Shahr Daily'`,
    );
    expect(atDaily.length).toBeGreaterThanOrEqual(2);
    // Each word may match the contact or the outlet: «صبح» alone would also find a «برنامه صبحگاهی» producer.
    expect(await contactNames({ search: 'روزنامه صبح' })).toEqual(atDaily.map((r) => r.name).sort());
  });

  it('finds contacts by beat, ignoring ZWNJ, and mixes name, outlet and beat words', async () => {
    // «حمل‌ونقل» is stored with a ZWNJ.
    expect(await contactNames({ search: 'حملونقل' })).toEqual(['مریم احمدی', 'نگار صادقی']);
    expect(await contactNames({ search: 'حمل\u200cونقل نبض‌نگار' })).toEqual(['مریم احمدی']);
    expect(await contactNames({ beat: 'محیط زیست' })).toEqual(['امید جعفری', 'رضا کاظمی']);
    expect(await contactNames({ beat: 'محيط زيست' })).toEqual(['امید جعفری', 'رضا کاظمی']);
    expect(await contactNames({ beat: 'محیط' })).toEqual([]);
    expect(await contactNames({ language: 'en' })).toEqual(['Daniel Brooks']);
  });

  it('searches outlets by name in either language', async () => {
    const OUTLETS = `query ($filter: MediaOutletFilter) { mediaOutlets(filter: $filter) { edges { node { nameEn } } } }`;
    const res = await t.gql(OUTLETS, { filter: { search: 'خبری كوچه' } }, { token: media });
    expect(res.body.data!.mediaOutlets.edges.map((e: any) => e.node.nameEn)).toEqual(['Koocheh News']);
    const latin = await t.gql(OUTLETS, { filter: { search: 'KOOCHEH' } }, { token: media });
    expect(latin.body.data!.mediaOutlets.edges.map((e: any) => e.node.nameEn)).toEqual(['Koocheh News']);
  });

  it('pages contacts by name without gaps or repeats', async () => {
    const all = await contactNames({});
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: any = await t.gql(CONTACTS, { first: 3, after }, { token: media });
      seen.push(...res.body.data.mediaContacts.edges.map((e: any) => e.node.name));
      if (!res.body.data.mediaContacts.pageInfo.hasNextPage) break;
      after = res.body.data.mediaContacts.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(all);
    const bad = await t.gql(CONTACTS, { after: 'nonsense' }, { token: media });
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe("media relations: the spokesperson's log and follow-ups", () => {
  const LOG = `mutation ($input: LogMediaInteractionInput!) { logMediaInteraction(input: $input) { interaction { id kind topic followUpOn followUpDoneAt followUpOverdue staff { email } contact { name } } } }`;
  const FOLLOW_UPS = `query ($dueBefore: String, $first: Int, $after: String) {
    mediaFollowUps(dueBefore: $dueBefore, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id topic followUpOn followUpOverdue } }
    }
  }`;
  const COMPLETE = `mutation ($input: CompleteMediaFollowUpInput!) { completeMediaFollowUp(input: $input) { interaction { id followUpDoneAt } } }`;

  it('logs an interaction by the caller, with a follow-up, and audits it', async () => {
    const contactId = await insertContact(t, { name: 'خبرنگار پیگیری' });
    const res = await t.gql(
      LOG,
      { input: { contactId, kind: 'INQUIRY_RECEIVED', topic: ' پرسش درباره بودجه ', followUpOn: '2003-03-05' } },
      { token: media },
    );
    expect(res.body.errors).toBeUndefined();
    const entry = res.body.data!.logMediaInteraction.interaction;
    expect(entry).toMatchObject({
      kind: 'INQUIRY_RECEIVED',
      topic: 'پرسش درباره بودجه',
      followUpOn: '2003-03-05',
      followUpDoneAt: null,
      followUpOverdue: true,
      staff: { email: 'media@nabz.example' },
      contact: { name: 'خبرنگار پیگیری' },
    });
    expect(await t.app.db.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [entry.id])).toEqual([
      { action: 'logMediaInteraction' },
    ]);
  });

  it.each([
    ['an unknown contact', { contactId: NO_SUCH_ID }, 'input.contactId'],
    ['an unknown staff member', { staffId: NO_SUCH_ID }, 'input.staffId'],
    ['a day that does not exist', { followUpOn: '2025-02-30' }, 'input.followUpOn'],
    ['a blank topic', { topic: ' ' }, 'input.topic'],
  ])('refuses a log entry with %s, naming the field, and writes nothing', async (_label, fields, field) => {
    const contactId = await insertContact(t);
    const before = await count('media_interaction');
    const res = await t.gql(LOG, { input: { contactId, kind: 'CALL', topic: 'تماس', ...fields } }, { token: media });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count('media_interaction')).toBe(before);
  });

  it('lists open follow-ups due before a day, the oldest first, and drops completed ones', async () => {
    const contactId = await insertContact(t);
    const entries: Record<string, string> = {};
    for (const [topic, day] of [
      ['c', '2002-05-03'],
      ['a', '2002-05-01'],
      ['later', '2002-06-01'],
      ['b', '2002-05-02'],
      ['none', null],
    ] as const) {
      const res = await t.gql(LOG, { input: { contactId, kind: 'CALL', topic, followUpOn: day } }, { token: media });
      entries[topic] = res.body.data!.logMediaInteraction.interaction.id;
    }
    const due = async () => (await t.gql(FOLLOW_UPS, { dueBefore: '2002-06-01', first: 50 }, { token: media })).body.data!.mediaFollowUps;
    expect((await due()).edges.map((e: any) => e.node.topic)).toEqual(['a', 'b', 'c']);

    const done = await t.gql(COMPLETE, { input: { interactionId: entries.b } }, { token: media });
    expect(done.body.data!.completeMediaFollowUp.interaction.followUpDoneAt).toEqual(expect.any(String));
    expect((await due()).edges.map((e: any) => e.node.topic)).toEqual(['a', 'c']);

    // Completing again changes nothing; an entry without a follow-up cannot be completed.
    const again = await t.gql(COMPLETE, { input: { interactionId: entries.b } }, { token: media });
    expect(again.body.data!.completeMediaFollowUp.interaction.followUpDoneAt).toBe(
      done.body.data!.completeMediaFollowUp.interaction.followUpDoneAt,
    );
    expect(
      await t.app.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'completeMediaFollowUp'`, [entries.b]),
    ).toHaveLength(1);
    const none = await t.gql(COMPLETE, { input: { interactionId: entries.none } }, { token: media });
    expect(none.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.interactionId' });

    // Without a day: every open follow-up, including the demo ones, still oldest first.
    const all = (await t.gql(FOLLOW_UPS, { first: 50 }, { token: media })).body.data!.mediaFollowUps;
    const days = all.edges.map((e: any) => e.node.followUpOn);
    expect(days).toEqual([...days].sort());
    expect(all.edges.map((e: any) => e.node.topic)).toEqual(expect.arrayContaining(['a', 'c', 'later']));
    expect(all.edges.map((e: any) => e.node.topic)).not.toContain('b');

    // Moving a completed follow-up to a new day reopens it.
    const moved = await t.gql(
      `mutation ($input: UpdateMediaInteractionInput!) { updateMediaInteraction(input: $input) { interaction { followUpOn followUpDoneAt } } }`,
      { input: { id: entries.b, followUpOn: '2002-05-04' } },
      { token: media },
    );
    expect(moved.body.data!.updateMediaInteraction.interaction).toEqual({ followUpOn: '2002-05-04', followUpDoneAt: null });
    expect((await due()).edges.map((e: any) => e.node.topic)).toEqual(['a', 'c', 'b']);
  });

  it('pages follow-ups and refuses a malformed day', async () => {
    const first = (await t.gql(FOLLOW_UPS, { first: 1 }, { token: media })).body.data!.mediaFollowUps;
    const second = (await t.gql(FOLLOW_UPS, { first: 1, after: first.pageInfo.endCursor }, { token: media })).body.data!.mediaFollowUps;
    expect(second.edges[0].node.id).not.toBe(first.edges[0].node.id);
    expect(second.edges[0].node.followUpOn >= first.edges[0].node.followUpOn).toBe(true);
    const bad = await t.gql(FOLLOW_UPS, { dueBefore: '01/06/2002' }, { token: media });
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueBefore' });
  });

  it('lists the log newest first, filtered by contact', async () => {
    const contactId = await insertContact(t);
    for (const [topic, at] of [
      ['old', '2024-01-01T08:00:00Z'],
      ['new', '2024-03-01T08:00:00Z'],
      ['mid', '2024-02-01T08:00:00Z'],
    ]) {
      await t.gql(LOG, { input: { contactId, kind: 'MEETING', topic, occurredAt: at } }, { token: admin });
    }
    const res = await t.gql(
      `query ($filter: MediaInteractionFilter) { mediaInteractions(filter: $filter) { totalCount edges { node { topic occurredAt } } } }`,
      { filter: { contactId } },
      { token: media },
    );
    expect(res.body.data!.mediaInteractions.edges.map((e: any) => e.node.topic)).toEqual(['new', 'mid', 'old']);
  });
});
