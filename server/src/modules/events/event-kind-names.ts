import { Locale } from '../../common/locale';
import { EventKind } from './event.enums';

/** What each kind is called for people (the calendar feed's CATEGORIES), as the website names it. */
const NAMES: Record<Locale, Record<EventKind, string>> = {
  [Locale.FA]: {
    [EventKind.NATIONAL_OCCASION]: 'مناسبت ملی',
    [EventKind.RELIGIOUS_OCCASION]: 'مناسبت مذهبی',
    [EventKind.MAYOR_APPEARANCE]: 'حضور شهردار',
    [EventKind.PRESS_CONFERENCE]: 'نشست خبری',
    [EventKind.CULTURAL_EVENT]: 'رویداد فرهنگی',
    [EventKind.CRISIS_NOTICE]: 'اطلاعیه ویژه',
    [EventKind.OTHER]: 'رویداد',
  },
  [Locale.EN]: {
    [EventKind.NATIONAL_OCCASION]: 'National occasion',
    [EventKind.RELIGIOUS_OCCASION]: 'Religious occasion',
    [EventKind.MAYOR_APPEARANCE]: 'The mayor',
    [EventKind.PRESS_CONFERENCE]: 'Press conference',
    [EventKind.CULTURAL_EVENT]: 'Cultural event',
    [EventKind.CRISIS_NOTICE]: 'Special notice',
    [EventKind.OTHER]: 'Event',
  },
};

export function eventKindName(kind: EventKind, locale: Locale): string {
  return NAMES[locale][kind];
}
