import { eventWebhookPayload, pressReleaseWebhookPayload, webhookBody, webhookData, webhookEnvelope } from './webhook.payloads';

describe('webhook payloads', () => {
  const site = 'https://nabz.city.example/';

  it('describes a poll by id, titles in both languages and its public pages', () => {
    const data = webhookData(
      'POLL_OPENED',
      { id: 'p1', titleFa: 'نظرسنجی', titleEn: null, opensAt: new Date('2026-11-26T10:00:00Z'), closesAt: null },
      site,
    );
    expect(data).toEqual({
      object: 'Poll',
      id: 'p1',
      title: { fa: 'نظرسنجی', en: null },
      url: { fa: 'https://nabz.city.example/polls/p1', en: 'https://nabz.city.example/en/polls/p1' },
      opensAt: '2026-11-26T10:00:00.000Z',
      closesAt: null,
    });
  });

  it('copies only public fields, whatever else the object passed in carries', () => {
    const release = {
      id: 'r1',
      slug: 'new-park',
      titleFa: 'پارک تازه',
      titleEn: 'A new park',
      publishedAt: new Date('2026-11-26T10:00:00Z'),
      bodyFa: 'متن',
      createdBy: 'staff-id',
      contactEmail: 'a@b.c',
    };
    expect(pressReleaseWebhookPayload(release)).toEqual({
      id: 'r1',
      slug: 'new-park',
      titleFa: 'پارک تازه',
      titleEn: 'A new park',
      publishedAt: release.publishedAt,
    });
    const json = JSON.stringify(webhookData('PRESS_RELEASE_PUBLISHED', release, site));
    expect(json).not.toMatch(/staff-id|a@b\.c|متن/);
    expect(json).toContain('https://nabz.city.example/news/new-park');
    const event = {
      id: 'e1',
      kind: 'CULTURAL_EVENT',
      titleFa: 'جشنواره',
      titleEn: null,
      startsAt: new Date(0),
      endsAt: new Date(3600_000),
      venueFa: 'تالار',
      createdBy: 'x',
    };
    expect(Object.keys(eventWebhookPayload(event)).sort()).toEqual(['endsAt', 'id', 'kind', 'startsAt', 'titleEn', 'titleFa']);
  });

  it('puts the delivery id first in the body, and builds the same bytes every time', () => {
    const envelope = webhookEnvelope(
      'EVENT_PUBLISHED',
      { id: 'e1', kind: 'CULTURAL_EVENT', titleFa: 'جشنواره', titleEn: null, startsAt: new Date(0), endsAt: new Date(0) },
      site,
      new Date(0),
    );
    const body = webhookBody('d1', envelope);
    expect(body.startsWith('{"id":"d1","eventId":')).toBe(true);
    expect(webhookBody('d1', JSON.parse(JSON.stringify(envelope)))).toBe(body);
    expect(JSON.parse(body)).toMatchObject({
      type: 'EVENT_PUBLISHED',
      occurredAt: '1970-01-01T00:00:00.000Z',
      data: { object: 'Event', url: { en: 'https://nabz.city.example/en/events/e1' } },
    });
  });

  it('gives the fields of each object in the documented order', () => {
    const at = new Date(0);
    const keys = (data: object) => Object.keys(data).join(' ');
    expect(keys(webhookData('POLL_CLOSED', { id: 'p1', titleFa: 'ن', titleEn: null, opensAt: at, closesAt: at }, site))).toBe(
      'object id title url opensAt closesAt',
    );
    expect(keys(webhookData('PRESS_RELEASE_PUBLISHED', { id: 'r1', slug: 's', titleFa: 'ن', titleEn: null, publishedAt: at }, site))).toBe(
      'object id slug title url publishedAt',
    );
    expect(
      keys(webhookData('EVENT_PUBLISHED', { id: 'e1', kind: 'OTHER', titleFa: 'ن', titleEn: null, startsAt: at, endsAt: at }, site)),
    ).toBe('object id kind title url startsAt endsAt');
  });
});
