import { Locale } from '../../common/locale';
import { renderCalendar } from './calendar-feed.route';
import { Event } from './event.entity';
import { EventKind, EventStatus } from './event.enums';

const event = (fields: Partial<Event>) =>
  Object.assign(new Event(), {
    id: '7d1b3b7e-2f4c-4d8e-9a51-0c9f4e3b2a10',
    kind: EventKind.PRESS_CONFERENCE,
    titleFa: 'نشست خبری',
    titleEn: null,
    descriptionFa: null,
    descriptionEn: null,
    venueFa: null,
    venueEn: null,
    districtId: null,
    status: EventStatus.PUBLISHED,
    pinned: false,
    startsAt: new Date('2026-05-01T06:30:00Z'),
    endsAt: new Date('2026-05-01T08:00:00Z'),
    createdAt: new Date('2026-04-01T00:00:00Z'),
    updatedAt: new Date('2026-04-02T10:00:00Z'),
    ...fields,
  });

const render = (items: Event[]) => renderCalendar(items, { locale: Locale.FA, timeZone: 'Asia/Tehran', districts: new Map(), name: 'نبض' });

describe('the iCalendar feed', () => {
  it('writes a timed event in UTC with a UID, a DTSTAMP from its last change, and CRLF line ends', () => {
    const text = render([event({})]);
    expect(text).toContain('\r\nUID:7d1b3b7e-2f4c-4d8e-9a51-0c9f4e3b2a10@nabz\r\n');
    expect(text).toContain('\r\nDTSTAMP:20260402T100000Z\r\n');
    expect(text).toContain('\r\nDTSTART:20260501T063000Z\r\n');
    expect(text).toContain('\r\nDTEND:20260501T080000Z\r\n');
    expect(text).toContain('\r\nSTATUS:CONFIRMED\r\n');
  });

  it('marks a cancelled event CANCELLED, and escapes text', () => {
    const text = render([event({ status: EventStatus.CANCELLED, titleFa: 'الف، ب; ج\\د' })]);
    expect(text).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(text).toContain('\r\nSUMMARY:الف، ب\\; ج\\\\د\r\n');
  });

  it('renders the same calendar to the same bytes (ETags depend on it)', () => {
    expect(render([event({})])).toBe(render([event({})]));
  });
});
