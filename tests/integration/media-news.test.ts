import { DEMO_COVERAGE_COUNT, DEMO_RELEASES } from '../../server/src/seed/demo-media';
import { startTestApp, type TestApp } from '../helpers/app';
import { insertContact, insertEvent, insertOutlet, NO_SUCH_ID } from '../helpers/media';

let t: TestApp;
let media: string;
let admin: string;
let editor: string;

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  [media, admin, editor] = await Promise.all([t.signIn('media'), t.signIn('admin'), t.signIn('editor')]);
});
afterAll(() => t.close());

const NEWS = `query ($first: Int, $after: String, $filter: NewsFilter) {
  news(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id slug title summary body publishedAt titleTranslations { fa en } district { name } } }
  }
}`;
const NEWS_ITEM = `query ($slug: String!) { newsItem(slug: $slug) { id slug title body(locale: EN) bodyTranslations { fa en } publishedAt } }`;
const CREATE = `mutation ($input: CreatePressReleaseInput!) { createPressRelease(input: $input) { pressRelease { id slug status publishedAt } } }`;
const PUBLISH = `mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { addedRecipientCount pressRelease { id slug status publishedAt distribution { contactId sentAt contact { name email } } } } }`;
const WITHDRAW = `mutation ($input: WithdrawPressReleaseInput!) { withdrawPressRelease(input: $input) { pressRelease { status withdrawnAt } } }`;
const UPDATE = `mutation ($input: UpdatePressReleaseInput!) { updatePressRelease(input: $input) { pressRelease { slug titleTranslations { fa en } } } }`;
const DISTRIBUTE = `mutation ($input: RecordPressReleaseDistributionInput!) { recordPressReleaseDistribution(input: $input) { addedRecipientCount pressRelease { distribution { contactId } } } }`;

async function newsSlugs(): Promise<string[]> {
  const res = await t.gql(NEWS, { first: 50 });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.news.edges.map((e: any) => e.node.slug);
}

describe('press releases and public news', () => {
  it('shows the two published demo releases to anyone, newest first, and not the draft', async () => {
    const res = await t.gql(NEWS, { first: 50 }, { headers: { 'accept-language': 'en' } });
    const titles = res.body.data!.news.edges.map((e: any) => e.node.title);
    const published = DEMO_RELEASES.filter((r) => r.status === 'PUBLISHED').sort((a, b) => a.publishedDaysAgo! - b.publishedDaysAgo!);
    expect(titles).toEqual(published.map((r) => r.titleEn));
    expect(res.body.data!.news.edges[1].node.district).toEqual({ name: 'District 3' });
    const draft = DEMO_RELEASES.find((r) => r.status === 'DRAFT')!;
    const [{ slug }] = await t.app.db.query(`SELECT slug FROM press_release WHERE title_en = $1`, [draft.titleEn]);
    const hidden = await t.gql(NEWS_ITEM, { slug });
    expect(hidden.body.data!.newsItem).toBeNull();
    expect(hidden.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('never shows a news reader the distribution list or a contact detail', async () => {
    const res = await t.gql(
      `{ news(first: 50) { edges { node { id slug title summary body titleTranslations { fa en } summaryTranslations { fa en } bodyTranslations { fa en } publishedAt updatedAt districtId } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const text = JSON.stringify(res.body);
    const contacts: Array<{ name: string; email: string | null; phones: string[] }> = await t.app.db.query(
      'SELECT name, email, phones FROM media_contact',
    );
    for (const c of contacts) {
      expect(text).not.toContain(c.name);
      if (c.email) expect(text).not.toContain(c.email);
      for (const phone of c.phones) expect(text).not.toContain(phone);
    }
    // The field simply does not exist on the public type.
    const probe = await t.gql(`{ news { edges { node { distribution { contactId } } } } }`);
    expect(probe.status).toBe(400);
    expect(probe.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('round trip: a draft is invisible, publishing makes it news with its distribution list, withdrawing hides it again', async () => {
    const contacts = [
      await insertContact(t, { name: 'گیرنده یک', email: 'one@example.com' }),
      await insertContact(t, { name: 'گیرنده دو' }),
    ];
    const created = await t.gql(
      CREATE,
      {
        input: {
          titleFa: 'آغاز طرح کاشت درخت در محله‌ها',
          titleEn: 'Tree planting starts in the neighbourhoods',
          bodyFa: 'متن خبر',
          summaryFa: 'خلاصه',
        },
      },
      { token: media },
    );
    expect(created.body.errors).toBeUndefined();
    const draft = created.body.data!.createPressRelease.pressRelease;
    expect(draft).toMatchObject({ slug: 'tree-planting-starts-in-the-neighbourhoods', status: 'DRAFT', publishedAt: null });
    expect(await newsSlugs()).not.toContain(draft.slug);
    expect((await t.gql(NEWS_ITEM, { slug: draft.slug })).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // Distribution needs a published release.
    const early = await t.gql(DISTRIBUTE, { input: { releaseId: draft.id, contactIds: contacts } }, { token: media });
    expect(early.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'RELEASE_NOT_PUBLISHED' });

    const published = await t.gql(PUBLISH, { input: { id: draft.id, contactIds: [contacts[0]] } }, { token: media });
    expect(published.body.errors).toBeUndefined();
    const release = published.body.data!.publishPressRelease;
    expect(release.addedRecipientCount).toBe(1);
    expect(release.pressRelease).toMatchObject({
      status: 'PUBLISHED',
      distribution: [{ contactId: contacts[0], contact: { name: 'گیرنده یک', email: 'one@example.com' } }],
    });
    expect((await newsSlugs())[0]).toBe(draft.slug);
    const item = await t.gql(NEWS_ITEM, { slug: draft.slug });
    expect(item.body.data!.newsItem).toMatchObject({
      id: draft.id,
      title: 'آغاز طرح کاشت درخت در محله‌ها',
      body: 'متن خبر',
      bodyTranslations: { fa: 'متن خبر', en: null },
    });

    // More recipients later; one already on the list keeps its first record.
    const more = await t.gql(DISTRIBUTE, { input: { releaseId: draft.id, contactIds: contacts } }, { token: media });
    expect(more.body.data!.recordPressReleaseDistribution.addedRecipientCount).toBe(1);
    expect(more.body.data!.recordPressReleaseDistribution.pressRelease.distribution.map((d: any) => d.contactId).sort()).toEqual(
      [...contacts].sort(),
    );
    const unknown = await t.gql(DISTRIBUTE, { input: { releaseId: draft.id, contactIds: [contacts[0], NO_SUCH_ID] } }, { token: media });
    expect(unknown.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contactIds[1]' });

    // Published twice: refused, nothing lost. The slug is fixed now.
    const twice = await t.gql(PUBLISH, { input: { id: draft.id } }, { token: media });
    expect(twice.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'RELEASE_STATUS' });
    const reslug = await t.gql(UPDATE, { input: { id: draft.id, slug: 'another-slug' } }, { token: media });
    expect(reslug.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SLUG_FIXED', field: 'input.slug' });
    const deleted = await t.gql(
      `mutation ($input: DeletePressReleaseInput!) { deletePressRelease(input: $input) { deletedPressReleaseId } }`,
      { input: { id: draft.id } },
      { token: media },
    );
    expect(deleted.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'RELEASE_NOT_DRAFT' });

    // A correction shows at once.
    await t.gql(UPDATE, { input: { id: draft.id, titleEn: 'Tree planting begins' } }, { token: media });
    expect((await t.gql(NEWS_ITEM, { slug: draft.slug }, { headers: { 'accept-language': 'en' } })).body.data!.newsItem.title).toBe(
      'Tree planting begins',
    );

    const withdrawn = await t.gql(WITHDRAW, { input: { id: draft.id } }, { token: admin });
    expect(withdrawn.body.data!.withdrawPressRelease.pressRelease).toMatchObject({ status: 'WITHDRAWN', withdrawnAt: expect.any(String) });
    expect(await newsSlugs()).not.toContain(draft.slug);
    expect((await t.gql(NEWS_ITEM, { slug: draft.slug })).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // Published again: same slug, same first publication time, distribution kept.
    const again = await t.gql(PUBLISH, { input: { id: draft.id } }, { token: media });
    expect(again.body.data!.publishPressRelease.pressRelease).toMatchObject({
      slug: draft.slug,
      publishedAt: release.pressRelease.publishedAt,
    });
    expect(again.body.data!.publishPressRelease.pressRelease.distribution).toHaveLength(2);

    const audit = await t.app.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at, action`, [draft.id]);
    expect(audit.map((r: any) => r.action)).toEqual([
      'createPressRelease',
      'publishPressRelease',
      'recordPressReleaseDistribution',
      'updatePressRelease',
      'withdrawPressRelease',
      'publishPressRelease',
    ]);
  });

  it('makes a slug from the id when the English title gives none, and refuses a slug already taken', async () => {
    const persianOnly = await t.gql(CREATE, { input: { titleFa: 'اطلاعیه', bodyFa: 'متن' } }, { token: media });
    const { id, slug } = persianOnly.body.data!.createPressRelease.pressRelease;
    expect(slug).toBe(`news-${id.replace(/-/g, '').slice(0, 8)}`);

    const first = await t.gql(CREATE, { input: { titleFa: 'الف', titleEn: 'Same headline', bodyFa: 'متن' } }, { token: media });
    const second = await t.gql(CREATE, { input: { titleFa: 'ب', titleEn: 'Same headline', bodyFa: 'متن' } }, { token: media });
    expect(first.body.data!.createPressRelease.pressRelease.slug).toBe('same-headline');
    expect(second.body.data!.createPressRelease.pressRelease.slug).toMatch(/^same-headline-[0-9a-f]{6}$/);

    const taken = await t.gql(CREATE, { input: { titleFa: 'ج', bodyFa: 'متن', slug: 'same-headline' } }, { token: media });
    expect(taken.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SLUG_TAKEN', field: 'input.slug' });
    const malformed = await t.gql(CREATE, { input: { titleFa: 'د', bodyFa: 'متن', slug: 'Not A Slug' } }, { token: media });
    expect(malformed.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slug' });

    // A draft may change its slug, and may be deleted.
    const renamed = await t.gql(UPDATE, { input: { id, slug: 'persian-notice' } }, { token: media });
    expect(renamed.body.data!.updatePressRelease.pressRelease.slug).toBe('persian-notice');
    const deleted = await t.gql(
      `mutation ($input: DeletePressReleaseInput!) { deletePressRelease(input: $input) { deletedPressReleaseId } }`,
      { input: { id } },
      { token: media },
    );
    expect(deleted.body.data!.deletePressRelease.deletedPressReleaseId).toBe(id);
  });

  it('stores text as given and returns it as plain text', async () => {
    const html = '<script>alert(1)</script> & <b>bold</b>';
    const created = await t.gql(CREATE, { input: { titleFa: html, bodyFa: html } }, { token: media });
    const { id, slug } = created.body.data!.createPressRelease.pressRelease;
    await t.gql(PUBLISH, { input: { id } }, { token: media });
    const item = await t.gql(`query ($slug: String!) { newsItem(slug: $slug) { title body } }`, { slug });
    expect(item.body.data!.newsItem).toEqual({ title: html, body: html });
  });

  it('pages news without gaps or repeats and refuses a malformed cursor', async () => {
    const all = await newsSlugs();
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: any = await t.gql(NEWS, { first: 2, after });
      seen.push(...res.body.data.news.edges.map((e: any) => e.node.slug));
      if (!res.body.data.news.pageInfo.hasNextPage) break;
      after = res.body.data.news.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    const bad = await t.gql(NEWS, { after: 'zzz' });
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    // Edited cursors whose instant JavaScript reads but PostgreSQL does not, or with a NUL byte.
    const id = '00000000-0000-4000-8000-000000000000';
    for (const at of ['1', '2026-02-30T00:00:00.000Z', '2026-01-01T00:00:00.000Z\u0000']) {
      const edited = await t.gql(NEWS, { after: Buffer.from(JSON.stringify([at, id])).toString('base64url') });
      expect(edited.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('refuses a slug with a NUL byte or control character as BAD_USER_INPUT on slug', async () => {
    for (const slug of ['a\u0000b', 'news\u001b']) {
      const res = await t.gql(NEWS_ITEM, { slug });
      expect(res.body.data?.newsItem ?? null).toBeNull();
      expect(res.body.errors?.[0]).toMatchObject({
        message: 'slug contains control characters.',
        extensions: { code: 'BAD_USER_INPUT', field: 'slug' },
      });
    }
  });

  it('searches news with Persian-aware matching', async () => {
    const res = await t.gql(NEWS, { filter: { search: 'بافت تاريخي' } });
    expect(res.body.data!.news.edges.map((e: any) => e.node.titleTranslations.en)).toEqual([
      'Car-free Fridays in the historic centre put to a public poll',
    ]);
  });

  it('keeps releases and their distribution from editors', async () => {
    const res = await t.gql(`{ pressReleases { totalCount } }`, {}, { token: editor });
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const create = await t.gql(CREATE, { input: { titleFa: 'x', bodyFa: 'y' } }, { token: editor });
    expect(create.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('coverage and its tone', () => {
  const RECORD = `mutation ($input: RecordMediaCoverageInput!) { recordMediaCoverage(input: $input) { coverage { id publishedOn tone outlet { id } } } }`;
  const SUMMARY = `query ($filter: MediaCoverageSummaryFilter) {
    mediaCoverageToneSummary(filter: $filter) {
      total { positive neutral negative total }
      byOutlet { outletId outlet { nameFa } counts { positive neutral negative total } }
      byMonth { month persianYear persianMonth startsOn endsOn label labelEn: label(locale: EN) counts { positive neutral negative total } }
    }
  }`;

  it('has demo coverage across several Persian months', async () => {
    const res = await t.gql(SUMMARY, {}, { token: media });
    expect(res.body.data!.mediaCoverageToneSummary.total.total).toBe(DEMO_COVERAGE_COUNT);
    expect(res.body.data!.mediaCoverageToneSummary.byMonth.length).toBeGreaterThanOrEqual(4);
  });

  it('counts tone by outlet and by Solar Hijri month exactly as the recorded coverage says', async () => {
    const a = await insertOutlet(t, 'رسانه الف آزمایش لحن');
    const b = await insertOutlet(t, 'رسانه ب آزمایش لحن');
    // Farvardin 1400 is 2021-03-21 … 2021-04-20; Ordibehesht 2021-04-21 … 2021-05-21; Khordad from 2021-05-22.
    const pieces: Array<[string, string, 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE']> = [
      [a, '2021-03-21', 'POSITIVE'],
      [a, '2021-04-20', 'NEGATIVE'],
      [b, '2021-04-20', 'POSITIVE'],
      [a, '2021-04-21', 'NEUTRAL'],
      [b, '2021-05-21', 'NEGATIVE'],
      [b, '2021-05-21', 'NEGATIVE'],
      [a, '2021-05-22', 'POSITIVE'],
      [b, '2021-06-21', 'NEUTRAL'],
    ];
    for (const [outletId, publishedOn, tone] of pieces) {
      const res = await t.gql(
        RECORD,
        { input: { outletId, title: 'گزارش', publishedOn, kind: 'ARTICLE', tone, url: 'https://example.com/x' } },
        { token: media },
      );
      expect(res.body.errors).toBeUndefined();
    }
    const res = await t.gql(SUMMARY, { filter: { from: '2021-01-01', to: '2021-12-31' } }, { token: media });
    expect(res.body.errors).toBeUndefined();
    const summary = res.body.data!.mediaCoverageToneSummary;

    // Expected figures, worked out here by hand from the list above.
    const tally = (rows: typeof pieces) => ({
      positive: rows.filter((r) => r[2] === 'POSITIVE').length,
      neutral: rows.filter((r) => r[2] === 'NEUTRAL').length,
      negative: rows.filter((r) => r[2] === 'NEGATIVE').length,
      total: rows.length,
    });
    expect(summary.total).toEqual(tally(pieces));
    expect(summary.byOutlet).toEqual(
      [
        { outletId: a, outlet: { nameFa: 'رسانه الف آزمایش لحن' }, counts: tally(pieces.filter((p) => p[0] === a)) },
        { outletId: b, outlet: { nameFa: 'رسانه ب آزمایش لحن' }, counts: tally(pieces.filter((p) => p[0] === b)) },
      ].sort((x, y) => y.counts.total - x.counts.total || (x.outletId < y.outletId ? -1 : 1)),
    );
    const inRange = (from: string, to: string) => pieces.filter((p) => p[1] >= from && p[1] <= to);
    expect(summary.byMonth).toEqual([
      {
        month: '1400-01',
        persianYear: 1400,
        persianMonth: 1,
        startsOn: '2021-03-21',
        endsOn: '2021-04-20',
        label: 'فروردین ۱۴۰۰',
        labelEn: 'Farvardin 1400',
        counts: tally(inRange('2021-03-21', '2021-04-20')),
      },
      {
        month: '1400-02',
        persianYear: 1400,
        persianMonth: 2,
        startsOn: '2021-04-21',
        endsOn: '2021-05-21',
        label: 'اردیبهشت ۱۴۰۰',
        labelEn: 'Ordibehesht 1400',
        counts: tally(inRange('2021-04-21', '2021-05-21')),
      },
      {
        month: '1400-03',
        persianYear: 1400,
        persianMonth: 3,
        startsOn: '2021-05-22',
        endsOn: '2021-06-21',
        label: 'خرداد ۱۴۰۰',
        labelEn: 'Khordad 1400',
        counts: tally(inRange('2021-05-22', '2021-06-21')),
      },
    ]);
    expect(summary.byMonth.map((m: any) => m.counts.total)).toEqual([3, 3, 2]);

    // One outlet only.
    const onlyB = await t.gql(SUMMARY, { filter: { from: '2021-01-01', to: '2021-12-31', outletId: b } }, { token: media });
    expect(onlyB.body.data!.mediaCoverageToneSummary.total).toEqual(tally(pieces.filter((p) => p[0] === b)));
  });

  it('agrees with a count straight from the database over all coverage', async () => {
    const res = await t.gql(SUMMARY, {}, { token: media });
    const summary = res.body.data!.mediaCoverageToneSummary;
    const rows: Array<{ outlet_id: string; tone: string; n: number }> = await t.app.db.query(
      'SELECT outlet_id, tone, count(*)::int AS n FROM media_coverage GROUP BY 1, 2',
    );
    const expected = new Map<string, Record<string, number>>();
    for (const r of rows) {
      const e = expected.get(r.outlet_id) ?? { positive: 0, neutral: 0, negative: 0, total: 0 };
      e[r.tone.toLowerCase()] += r.n;
      e.total += r.n;
      expected.set(r.outlet_id, e);
    }
    expect(Object.fromEntries(summary.byOutlet.map((o: any) => [o.outletId, o.counts]))).toEqual(Object.fromEntries(expected));
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM media_coverage');
    expect(summary.total.total).toBe(n);
    expect(summary.byMonth.reduce((s: number, m: any) => s + m.counts.total, 0)).toBe(n);
  });

  it.each([
    ['an unknown outlet', { outletId: NO_SUCH_ID }, 'input.outletId'],
    ['a day that does not exist', { publishedOn: '2021-13-01' }, 'input.publishedOn'],
    ['a link that is not http', { url: 'ftp://example.com/x' }, 'input.url'],
    ['an unknown press release', { pressReleaseId: NO_SUCH_ID }, 'input.pressReleaseId'],
  ])('refuses coverage with %s, naming the field, and writes nothing', async (_label, fields, field) => {
    const outletId = await insertOutlet(t);
    const [{ n: before }] = await t.app.db.query('SELECT count(*)::int AS n FROM media_coverage');
    const res = await t.gql(
      RECORD,
      { input: { outletId, title: 'گزارش', publishedOn: '2021-05-01', kind: 'BROADCAST', tone: 'NEUTRAL', ...fields } },
      { token: media },
    );
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const [{ n: after }] = await t.app.db.query('SELECT count(*)::int AS n FROM media_coverage');
    expect(after).toBe(before);
  });

  it('lists coverage newest first, filtered by tone, and changes a tone', async () => {
    const outletId = await insertOutlet(t);
    for (const [day, tone] of [
      ['2019-01-02', 'NEGATIVE'],
      ['2019-01-03', 'POSITIVE'],
      ['2019-01-01', 'NEGATIVE'],
    ]) {
      await t.gql(RECORD, { input: { outletId, title: day, publishedOn: day, kind: 'ARTICLE', tone } }, { token: media });
    }
    const LIST = `query ($filter: MediaCoverageFilter) { mediaCoverage(filter: $filter, first: 50) { totalCount edges { node { id title tone } } } }`;
    const negative = await t.gql(LIST, { filter: { outletId, tones: ['NEGATIVE'] } }, { token: media });
    expect(negative.body.data!.mediaCoverage.edges.map((e: any) => e.node.title)).toEqual(['2019-01-02', '2019-01-01']);
    const id = negative.body.data!.mediaCoverage.edges[0].node.id;
    const changed = await t.gql(
      `mutation ($input: UpdateMediaCoverageInput!) { updateMediaCoverage(input: $input) { coverage { tone } } }`,
      { input: { id, tone: 'NEUTRAL' } },
      { token: admin },
    );
    expect(changed.body.data!.updateMediaCoverage.coverage.tone).toBe('NEUTRAL');
    expect(
      await t.app.db.query(
        `SELECT before->>'tone' AS b, after->>'tone' AS a FROM audit_log WHERE entity_id = $1 AND action = 'updateMediaCoverage'`,
        [id],
      ),
    ).toEqual([{ b: 'NEGATIVE', a: 'NEUTRAL' }]);
  });
});

describe('invitations to events', () => {
  const INVITE = `mutation ($input: InviteMediaContactsInput!) { inviteMediaContacts(input: $input) { addedCount invitations { id contactId reply attended contact { name } } } }`;
  const UPDATE_INVITATION = `mutation ($input: UpdateMediaInvitationInput!) { updateMediaInvitation(input: $input) { invitation { reply repliedAt attended } } }`;

  it('invites contacts once each, records replies and attendance, and lists them', async () => {
    const eventId = await insertEvent(t);
    const contacts = [await insertContact(t, { name: 'مدعو یک' }), await insertContact(t, { name: 'مدعو دو' })];
    const first = await t.gql(INVITE, { input: { eventId, contactIds: contacts } }, { token: media });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.inviteMediaContacts.addedCount).toBe(2);
    expect(first.body.data!.inviteMediaContacts.invitations.map((i: any) => [i.contact.name, i.reply, i.attended])).toEqual([
      ['مدعو یک', 'AWAITING', null],
      ['مدعو دو', 'AWAITING', null],
    ]);
    const again = await t.gql(INVITE, { input: { eventId, contactIds: [contacts[1]] } }, { token: media });
    expect(again.body.data!.inviteMediaContacts).toMatchObject({
      addedCount: 0,
      invitations: [{ id: first.body.data!.inviteMediaContacts.invitations[1].id }],
    });

    const id = first.body.data!.inviteMediaContacts.invitations[0].id;
    const accepted = await t.gql(UPDATE_INVITATION, { input: { id, reply: 'ACCEPTED' } }, { token: media });
    expect(accepted.body.data!.updateMediaInvitation.invitation).toMatchObject({
      reply: 'ACCEPTED',
      repliedAt: expect.any(String),
      attended: null,
    });
    const came = await t.gql(UPDATE_INVITATION, { input: { id, attended: true } }, { token: media });
    expect(came.body.data!.updateMediaInvitation.invitation).toMatchObject({ reply: 'ACCEPTED', attended: true });

    const list = await t.gql(
      `query ($filter: MediaInvitationFilter) { mediaInvitations(filter: $filter) { totalCount edges { node { contactId reply attended event { id } } } } }`,
      { filter: { eventId } },
      { token: media },
    );
    expect(list.body.data!.mediaInvitations.edges.every((e: any) => e.node.event.id === eventId)).toBe(true);
    list.body.data!.mediaInvitations.edges.forEach((e: any) => delete e.node.event);
    // Invited in one go, so in id order within the same instant.
    const byContact = (x: any, y: any) => (x.contactId < y.contactId ? -1 : 1);
    expect(list.body.data!.mediaInvitations.edges.map((e: any) => e.node).sort(byContact)).toEqual(
      [
        { contactId: contacts[0], reply: 'ACCEPTED', attended: true },
        { contactId: contacts[1], reply: 'AWAITING', attended: null },
      ].sort(byContact),
    );
  });

  it('refuses an unknown event or contact, writing nothing', async () => {
    const contactId = await insertContact(t);
    const eventId = await insertEvent(t);
    const [{ n: before }] = await t.app.db.query('SELECT count(*)::int AS n FROM media_invitation');
    const noEvent = await t.gql(INVITE, { input: { eventId: NO_SUCH_ID, contactIds: [contactId] } }, { token: media });
    expect(noEvent.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.eventId' });
    const noContact = await t.gql(INVITE, { input: { eventId, contactIds: [contactId, NO_SUCH_ID] } }, { token: media });
    expect(noContact.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contactIds[1]' });
    const [{ n: after }] = await t.app.db.query('SELECT count(*)::int AS n FROM media_invitation');
    expect(after).toBe(before);
  });
});
