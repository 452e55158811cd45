import { type TestApp } from './app';

/**
 * Media-relations rows written straight into the test database, for tests that need an object to
 * act on (a contact to delete, a draft to publish) without going through the API under test.
 */
export const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

async function one(t: TestApp, sql: string, params: unknown[] = []): Promise<string> {
  const [row] = (await t.app.db.query(sql, params)) as Array<{ id: string }>;
  return row.id;
}

export const mediaOfficerId = (t: TestApp) => one(t, `SELECT id FROM staff_user WHERE email = 'media@nabz.example'`);

let counter = 0;

export function insertOutlet(t: TestApp, nameFa = `رسانه آزمایشی ${++counter} ${Date.now()}`): Promise<string> {
  return one(t, `INSERT INTO media_outlet (name_fa, kind) VALUES ($1, 'WEBSITE') RETURNING id`, [nameFa]);
}

export function insertContact(
  t: TestApp,
  fields: { name?: string; outletId?: string | null; beats?: string[]; email?: string | null; phones?: string[] } = {},
): Promise<string> {
  return one(t, `INSERT INTO media_contact (name, outlet_id, beats, email, phones) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
    fields.name ?? `خبرنگار ${++counter}`,
    fields.outletId ?? null,
    fields.beats ?? [],
    fields.email ?? null,
    fields.phones ?? [],
  ]);
}

export async function insertRelease(
  t: TestApp,
  status: 'DRAFT' | 'PUBLISHED' | 'WITHDRAWN',
  slug = `test-release-${++counter}-${Date.now()}`,
): Promise<string> {
  const staff = await mediaOfficerId(t);
  return one(
    t,
    `INSERT INTO press_release (slug, title_fa, body_fa, status, published_at, withdrawn_at, created_by)
     VALUES ($1, 'اطلاعیه آزمایشی', 'متن', $2::text::press_release_status, CASE WHEN $2::text = 'DRAFT' THEN NULL ELSE now() END, CASE WHEN $2::text = 'WITHDRAWN' THEN now() ELSE NULL END, $3) RETURNING id`,
    [slug, status, staff],
  );
}

export async function insertInteraction(t: TestApp, contactId: string, followUpOn: string | null = null): Promise<string> {
  const staff = await mediaOfficerId(t);
  return one(
    t,
    `INSERT INTO media_interaction (contact_id, kind, occurred_at, topic, staff_id, follow_up_on) VALUES ($1, 'CALL', now(), 'تماس', $2, $3) RETURNING id`,
    [contactId, staff, followUpOn],
  );
}

export async function insertCoverage(
  t: TestApp,
  outletId: string,
  publishedOn: string,
  tone: 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE' = 'NEUTRAL',
): Promise<string> {
  const staff = await mediaOfficerId(t);
  return one(
    t,
    `INSERT INTO media_coverage (outlet_id, title, published_on, kind, tone, recorded_by) VALUES ($1, 'گزارش', $2, 'ARTICLE', $3, $4) RETURNING id`,
    [outletId, publishedOn, tone, staff],
  );
}

/** A calendar event row (the events module owns the table; only its required columns are set). */
export function insertEvent(t: TestApp): Promise<string> {
  return one(
    t,
    `INSERT INTO event (kind, title_fa, starts_at, ends_at) VALUES ('PRESS_CONFERENCE', 'نشست خبری آزمایشی', now() + interval '3 days', now() + interval '3 days 2 hours') RETURNING id`,
  );
}

export async function insertInvitation(t: TestApp, eventId: string, contactId: string): Promise<string> {
  const staff = await mediaOfficerId(t);
  return one(t, `INSERT INTO media_invitation (event_id, contact_id, invited_by) VALUES ($1, $2, $3) RETURNING id`, [
    eventId,
    contactId,
    staff,
  ]);
}

/** A fresh set of media objects, one of each kind, for a mutation to act on (access-matrix tests). */
export async function mediaFixtures(
  t: TestApp,
): Promise<Record<'outlet' | 'contact' | 'draft' | 'published' | 'interaction' | 'coverage' | 'event' | 'invitation', string>> {
  const outlet = await insertOutlet(t);
  const contact = await insertContact(t, { outletId: outlet });
  const event = await insertEvent(t);
  return {
    outlet,
    contact,
    draft: await insertRelease(t, 'DRAFT'),
    published: await insertRelease(t, 'PUBLISHED'),
    interaction: await insertInteraction(t, contact, '2030-01-01'),
    coverage: await insertCoverage(t, outlet, '2025-01-01'),
    event,
    invitation: await insertInvitation(t, event, contact),
  };
}
