import { registerEnumType } from 'type-graphql';

export enum EventKind {
  NATIONAL_OCCASION = 'NATIONAL_OCCASION',
  RELIGIOUS_OCCASION = 'RELIGIOUS_OCCASION',
  MAYOR_APPEARANCE = 'MAYOR_APPEARANCE',
  PRESS_CONFERENCE = 'PRESS_CONFERENCE',
  CULTURAL_EVENT = 'CULTURAL_EVENT',
  CRISIS_NOTICE = 'CRISIS_NOTICE',
  OTHER = 'OTHER',
}
registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'What sort of event it is.',
  valuesConfig: {
    NATIONAL_OCCASION: { description: 'A national occasion (for example Nowruz or 22 Bahman).' },
    RELIGIOUS_OCCASION: { description: 'A religious occasion (for example Tasua and Ashura or Eid al-Fitr).' },
    MAYOR_APPEARANCE: { description: 'A public appearance of the mayor.' },
    PRESS_CONFERENCE: { description: 'A press conference.' },
    CULTURAL_EVENT: { description: 'A cultural event.' },
    CRISIS_NOTICE: { description: 'A notice about a crisis or special conditions; one may be pinned to the top of the public site.' },
    OTHER: { description: 'Anything else.' },
  },
});

/** The kinds a recurring occasion may have. */
export const OCCASION_KINDS = [EventKind.NATIONAL_OCCASION, EventKind.RELIGIOUS_OCCASION] as const;

export enum EventStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(EventStatus, {
  name: 'EventStatus',
  description: 'Where an event stands. The public sees PUBLISHED and CANCELLED events; drafts are staff-only.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; staff only. To anyone else it does not exist.' },
    PUBLISHED: { description: 'On the public calendar.' },
    CANCELLED: { description: 'Was published, then called off: still listed, marked cancelled, so people who saved it learn of it.' },
  },
});

/** Statuses anyone may see: a cancelled event was published once, so it stays visible as cancelled. */
export const PUBLIC_EVENT_STATUSES = [EventStatus.PUBLISHED, EventStatus.CANCELLED];

export enum OccasionCalendar {
  SOLAR_HIJRI = 'SOLAR_HIJRI',
  LUNAR_HIJRI = 'LUNAR_HIJRI',
}
registerEnumType(OccasionCalendar, {
  name: 'OccasionCalendar',
  description: "The calendar a recurring occasion's date is fixed in.",
  valuesConfig: {
    SOLAR_HIJRI: { description: "The Solar Hijri (Persian) calendar, Iran's civil calendar: for example 1 Farvardin, Nowruz. Exact." },
    LUNAR_HIJRI: {
      description:
        'The lunar Hijri calendar as observed in Iran: for example 10 Muharram, Ashura. Predicted; the official date follows moon sighting and may be fixed per year with an override.',
    },
  },
});
