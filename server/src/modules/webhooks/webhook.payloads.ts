import { randomUUID } from 'node:crypto';
import { type WebhookEventType } from './webhook.enums';

/**
 * What each event tells a partner: the object's id, kind, public fields (titles in both languages,
 * the public site's addresses) and when it happened. Never personal data: the builders below copy
 * only the fields named here, so passing a whole entity cannot leak anything else.
 */

export interface PollWebhookSubject {
  id: string;
  titleFa: string;
  titleEn: string | null;
  opensAt: Date | null;
  closesAt: Date | null;
}

export interface PressReleaseWebhookSubject {
  id: string;
  slug: string;
  titleFa: string;
  titleEn: string | null;
  publishedAt: Date | null;
}

export interface EventWebhookSubject {
  id: string;
  kind: string;
  titleFa: string;
  titleEn: string | null;
  startsAt: Date;
  endsAt: Date;
}

/** The subject each event type takes in `WebhookService.emit`. */
export interface WebhookSubjects {
  POLL_OPENED: PollWebhookSubject;
  POLL_CLOSED: PollWebhookSubject;
  PRESS_RELEASE_PUBLISHED: PressReleaseWebhookSubject;
  EVENT_PUBLISHED: EventWebhookSubject;
}

/** Picks a press release's public fields, e.g. `emit(m, 'PRESS_RELEASE_PUBLISHED', pressReleaseWebhookPayload(release))`. */
export function pressReleaseWebhookPayload(release: PressReleaseWebhookSubject): PressReleaseWebhookSubject {
  const { id, slug, titleFa, titleEn, publishedAt } = release;
  return { id, slug, titleFa, titleEn: titleEn ?? null, publishedAt: publishedAt ?? null };
}

/** Picks an event's public fields, e.g. `emit(m, 'EVENT_PUBLISHED', eventWebhookPayload(event))`. */
export function eventWebhookPayload(event: EventWebhookSubject): EventWebhookSubject {
  const { id, kind, titleFa, titleEn, startsAt, endsAt } = event;
  return { id, kind, titleFa, titleEn: titleEn ?? null, startsAt, endsAt };
}

/** Picks a poll's public fields. */
export function pollWebhookPayload(poll: PollWebhookSubject): PollWebhookSubject {
  const { id, titleFa, titleEn, opensAt, closesAt } = poll;
  return { id, titleFa, titleEn: titleEn ?? null, opensAt: opensAt ?? null, closesAt: closesAt ?? null };
}

interface Localized {
  fa: string;
  en: string | null;
}

/**
 * How every event's `data` begins: the object's type and the fields that identify it, then its
 * titles and its page of the public site in Persian (the default, unprefixed) and in English
 * (`/en`). The fields of its type follow.
 */
function dataOpening<O extends string, K extends { id: string }>(
  object: O,
  identity: K,
  subject: { titleFa: string; titleEn: string | null },
  siteUrl: string,
  path: string,
): { object: O } & K & { title: Localized; url: { fa: string; en: string } } {
  const base = siteUrl.replace(/\/+$/, '');
  return {
    object,
    ...identity,
    title: { fa: subject.titleFa, en: subject.titleEn },
    url: { fa: `${base}${path}`, en: `${base}/en${path}` },
  };
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export type WebhookData =
  | { object: 'Poll'; id: string; title: Localized; url: { fa: string; en: string }; opensAt: string | null; closesAt: string | null }
  | { object: 'PressRelease'; id: string; slug: string; title: Localized; url: { fa: string; en: string }; publishedAt: string | null }
  | { object: 'Event'; id: string; kind: string; title: Localized; url: { fa: string; en: string }; startsAt: string; endsAt: string };

/** The `data` of an event body, built from its subject. */
export function webhookData<T extends WebhookEventType>(type: T, subject: WebhookSubjects[T], siteUrl: string): WebhookData {
  switch (type) {
    case 'POLL_OPENED':
    case 'POLL_CLOSED': {
      const p = pollWebhookPayload(subject as PollWebhookSubject);
      const opening = dataOpening('Poll', { id: p.id }, p, siteUrl, `/polls/${p.id}`);
      return { ...opening, opensAt: iso(p.opensAt), closesAt: iso(p.closesAt) };
    }
    case 'PRESS_RELEASE_PUBLISHED': {
      const r = pressReleaseWebhookPayload(subject as PressReleaseWebhookSubject);
      const opening = dataOpening('PressRelease', { id: r.id, slug: r.slug }, r, siteUrl, `/news/${encodeURIComponent(r.slug)}`);
      return { ...opening, publishedAt: iso(r.publishedAt) };
    }
    case 'EVENT_PUBLISHED': {
      const e = eventWebhookPayload(subject as EventWebhookSubject);
      const opening = dataOpening('Event', { id: e.id, kind: e.kind }, e, siteUrl, `/events/${e.id}`);
      return { ...opening, startsAt: iso(e.startsAt)!, endsAt: iso(e.endsAt)! };
    }
    default:
      throw new Error(`unknown webhook event type ${String(type)}`);
  }
}

/** What a delivery row stores: the event without the delivery id. */
export interface WebhookEnvelope {
  eventId: string;
  type: WebhookEventType;
  occurredAt: string;
  data: WebhookData;
}

export function webhookEnvelope<T extends WebhookEventType>(
  type: T,
  subject: WebhookSubjects[T],
  siteUrl: string,
  occurredAt: Date,
): WebhookEnvelope {
  return { eventId: randomUUID(), type, occurredAt: occurredAt.toISOString(), data: webhookData(type, subject, siteUrl) };
}

/**
 * The exact body POSTed: the delivery id first, then the event. Built the same way for every
 * attempt, so a retry sends the same bytes (only the signature's timestamp changes).
 */
export function webhookBody(deliveryId: string, envelope: WebhookEnvelope): string {
  return JSON.stringify({
    id: deliveryId,
    eventId: envelope.eventId,
    type: envelope.type,
    occurredAt: envelope.occurredAt,
    data: envelope.data,
  });
}
