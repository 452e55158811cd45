import { type EnumValue, graphqlEnum } from '../../common/graphql-enum';

export const EventKind = graphqlEnum('EventKind', 'What sort of event it is.', {
  NATIONAL_OCCASION: 'A national occasion (for example Nowruz or 22 Bahman).',
  RELIGIOUS_OCCASION: 'A religious occasion (for example Tasua and Ashura or Eid al-Fitr).',
  MAYOR_APPEARANCE: 'A public appearance of the mayor.',
  PRESS_CONFERENCE: 'A press conference.',
  CULTURAL_EVENT: 'A cultural event.',
  CRISIS_NOTICE: 'A notice about a crisis or special conditions; one may be pinned to the top of the public site.',
  OTHER: 'Anything else.',
});
export type EventKind = EnumValue<typeof EventKind>;

/** The kinds a recurring occasion may have. */
export const OCCASION_KINDS = [EventKind.NATIONAL_OCCASION, EventKind.RELIGIOUS_OCCASION] as const;

export const EventStatus = graphqlEnum(
  'EventStatus',
  'Where an event stands. The public sees PUBLISHED and CANCELLED events; drafts are staff-only.',
  {
    DRAFT: 'Being prepared; staff only. To anyone else it does not exist.',
    PUBLISHED: 'On the public calendar.',
    CANCELLED: 'Was published, then called off: still listed, marked cancelled, so people who saved it learn of it.',
  },
);
export type EventStatus = EnumValue<typeof EventStatus>;

/** Statuses anyone may see: a cancelled event was published once, so it stays visible as cancelled. */
export const PUBLIC_EVENT_STATUSES = [EventStatus.PUBLISHED, EventStatus.CANCELLED];

export const OccasionCalendar = graphqlEnum('OccasionCalendar', "The calendar a recurring occasion's date is fixed in.", {
  SOLAR_HIJRI: "The Solar Hijri (Persian) calendar, Iran's civil calendar: for example 1 Farvardin, Nowruz. Exact.",
  LUNAR_HIJRI:
    'The lunar Hijri calendar as observed in Iran: for example 10 Muharram, Ashura. Predicted; the official date follows moon sighting and may be fixed per year with an override.',
});
export type OccasionCalendar = EnumValue<typeof OccasionCalendar>;
