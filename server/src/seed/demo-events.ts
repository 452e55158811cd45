import { type EntityManager } from 'typeorm';
import { District } from '../modules/districts/district.entity';
import { Goal } from '../modules/goals/goal.entity';
import { GoalCategory } from '../modules/goals/goal.enums';
import { addDays, localDateOf, toEpochDay, type LocalDate } from '../modules/events/calendar';
import { Event } from '../modules/events/event.entity';
import { EventKind, EventStatus, OccasionCalendar } from '../modules/events/event.enums';
import { IRAN_OFFICIAL_DAYS, KNOWN_OCCASION_RULES, type KnownOccasionKey } from '../modules/events/iran-official-dates';
import { Occasion, OccasionOverride } from '../modules/events/occasion.entity';
import { ruleDate } from '../modules/events/occasion-expansion';
import { Poll } from '../modules/polls/poll.entity';
import { DEMO_QUICK_POLL } from './demo-polls';

/** National occasions follow the solar calendar, religious ones the lunar. */
const NATIONAL = { kind: EventKind.NATIONAL_OCCASION, calendar: OccasionCalendar.SOLAR_HIJRI };
const RELIGIOUS = { kind: EventKind.RELIGIOUS_OCCASION, calendar: OccasionCalendar.LUNAR_HIJRI };

interface DemoOccasion {
  /** Ties the occasion to the official days of iran-official-dates.ts. */
  key?: KnownOccasionKey;
  kind: EventKind;
  calendar: OccasionCalendar;
  month: number;
  day: number;
  holiday: boolean;
  titleFa: string;
  titleEn: string;
}

/** Iran's official public holidays and a few occasions a city PR office marks, as rules. */
export const DEMO_OCCASIONS: DemoOccasion[] = [
  { key: 'nowruz', ...NATIONAL, month: 1, day: 1, holiday: true, titleFa: 'آغاز نوروز', titleEn: 'Nowruz (New Year)' },
  { ...NATIONAL, month: 1, day: 2, holiday: true, titleFa: 'عید نوروز', titleEn: 'Nowruz holiday' },
  { ...NATIONAL, month: 1, day: 3, holiday: true, titleFa: 'عید نوروز', titleEn: 'Nowruz holiday' },
  { ...NATIONAL, month: 1, day: 4, holiday: true, titleFa: 'عید نوروز', titleEn: 'Nowruz holiday' },
  {
    key: 'islamicRepublicDay',
    ...NATIONAL,
    month: 1,
    day: 12,
    holiday: true,
    titleFa: 'روز جمهوری اسلامی ایران',
    titleEn: 'Islamic Republic Day',
  },
  {
    key: 'natureDay',
    ...NATIONAL,
    month: 1,
    day: 13,
    holiday: true,
    titleFa: 'روز طبیعت (سیزده‌به‌در)',
    titleEn: 'Nature Day (Sizdah Bedar)',
  },
  { ...NATIONAL, month: 2, day: 1, holiday: false, titleFa: 'روز بزرگداشت سعدی', titleEn: 'Saadi Day' },
  {
    ...NATIONAL,
    month: 2,
    day: 25,
    holiday: false,
    titleFa: 'روز بزرگداشت فردوسی و پاسداشت زبان فارسی',
    titleEn: 'Ferdowsi Day and the Persian language',
  },
  {
    key: 'khomeiniDeath',
    ...NATIONAL,
    month: 3,
    day: 14,
    holiday: true,
    titleFa: 'رحلت امام خمینی',
    titleEn: 'Death of Imam Khomeini',
  },
  {
    key: 'khordad15',
    ...NATIONAL,
    month: 3,
    day: 15,
    holiday: true,
    titleFa: 'قیام ۱۵ خرداد',
    titleEn: 'Uprising of 15 Khordad',
  },
  { ...NATIONAL, month: 7, day: 14, holiday: false, titleFa: 'روز شهرداری‌ها و دهیاری‌ها', titleEn: 'Municipalities Day' },
  { ...NATIONAL, month: 9, day: 30, holiday: false, titleFa: 'شب یلدا', titleEn: 'Yalda Night' },
  {
    key: 'revolutionDay',
    ...NATIONAL,
    month: 11,
    day: 22,
    holiday: true,
    titleFa: 'پیروزی انقلاب اسلامی',
    titleEn: 'Victory of the Islamic Revolution',
  },
  {
    key: 'oilNationalization',
    ...NATIONAL,
    month: 12,
    day: 29,
    holiday: true,
    titleFa: 'روز ملی شدن صنعت نفت',
    titleEn: 'Oil Nationalization Day',
  },
  { key: 'tasua', ...RELIGIOUS, month: 1, day: 9, holiday: true, titleFa: 'تاسوعای حسینی', titleEn: 'Tasua' },
  { key: 'ashura', ...RELIGIOUS, month: 1, day: 10, holiday: true, titleFa: 'عاشورای حسینی', titleEn: 'Ashura' },
  { key: 'arbaeen', ...RELIGIOUS, month: 2, day: 20, holiday: true, titleFa: 'اربعین حسینی', titleEn: 'Arbaeen' },
  {
    key: 'prophetDeath',
    ...RELIGIOUS,
    month: 2,
    day: 28,
    holiday: true,
    titleFa: 'رحلت رسول اکرم و شهادت امام حسن مجتبی',
    titleEn: 'Death of the Prophet and martyrdom of Imam Hasan',
  },
  { ...RELIGIOUS, month: 2, day: 30, holiday: true, titleFa: 'شهادت امام رضا', titleEn: 'Martyrdom of Imam Reza' },
  {
    ...RELIGIOUS,
    month: 3,
    day: 8,
    holiday: true,
    titleFa: 'شهادت امام حسن عسکری',
    titleEn: 'Martyrdom of Imam Hasan al-Askari',
  },
  {
    ...RELIGIOUS,
    month: 3,
    day: 17,
    holiday: true,
    titleFa: 'میلاد رسول اکرم و امام جعفر صادق',
    titleEn: 'Birth of the Prophet and of Imam Sadiq',
  },
  { ...RELIGIOUS, month: 6, day: 3, holiday: true, titleFa: 'شهادت حضرت فاطمه زهرا', titleEn: 'Martyrdom of Fatima' },
  {
    ...RELIGIOUS,
    month: 7,
    day: 13,
    holiday: true,
    titleFa: 'ولادت امام علی و روز پدر',
    titleEn: "Birth of Imam Ali; Father's Day",
  },
  { ...RELIGIOUS, month: 7, day: 27, holiday: true, titleFa: 'مبعث رسول اکرم', titleEn: "Mab'ath" },
  {
    ...RELIGIOUS,
    month: 8,
    day: 15,
    holiday: true,
    titleFa: 'ولادت حضرت قائم، جشن نیمه شعبان',
    titleEn: "Birth of Imam Mahdi, the mid-Sha'ban festival",
  },
  { ...RELIGIOUS, month: 9, day: 1, holiday: false, titleFa: 'آغاز ماه رمضان', titleEn: 'Start of Ramadan' },
  {
    key: 'aliMartyrdom',
    ...RELIGIOUS,
    month: 9,
    day: 21,
    holiday: true,
    titleFa: 'شهادت حضرت علی',
    titleEn: 'Martyrdom of Imam Ali',
  },
  { key: 'eidAlFitr', ...RELIGIOUS, month: 10, day: 1, holiday: true, titleFa: 'عید سعید فطر', titleEn: 'Eid al-Fitr' },
  {
    ...RELIGIOUS,
    month: 10,
    day: 2,
    holiday: true,
    titleFa: 'تعطیل به مناسبت عید سعید فطر',
    titleEn: 'Eid al-Fitr holiday',
  },
  {
    key: 'sadiqMartyrdom',
    ...RELIGIOUS,
    month: 10,
    day: 25,
    holiday: true,
    titleFa: 'شهادت امام جعفر صادق',
    titleEn: 'Martyrdom of Imam Sadiq',
  },
  { key: 'eidAlAdha', ...RELIGIOUS, month: 12, day: 10, holiday: true, titleFa: 'عید سعید قربان', titleEn: 'Eid al-Adha' },
  {
    key: 'eidAlGhadir',
    ...RELIGIOUS,
    month: 12,
    day: 18,
    holiday: true,
    titleFa: 'عید سعید غدیر خم',
    titleEn: 'Eid al-Ghadir',
  },
];

/** Tehran has kept +03:30 all year since 2022. */
const TEHRAN = '+03:30';
const at = (day: LocalDate, time: string) => new Date(`${day}T${time}:00${TEHRAN}`);

/**
 * The calendar's demo data: the occasions above (expanded for any year, so the current Solar
 * Hijri year and the next have them), with the official days of 1402–1405 as overrides where the
 * lunar prediction differs; and a few events in several districts around today — one draft, one
 * cancelled, and a pinned crisis notice that lasts two more days.
 */
export async function seedDemoEvents(
  m: EntityManager,
  now = new Date(),
): Promise<{ occasions: number; overrides: number; events: number }> {
  const inserted = await m
    .createQueryBuilder()
    .insert()
    .into(Occasion)
    .values(DEMO_OCCASIONS.map(({ key: _key, ...o }) => o))
    .returning(['id'])
    .execute();
  const idByKey = new Map(DEMO_OCCASIONS.map((o, i) => [o.key, inserted.identifiers[i].id as string]));

  const overrides = IRAN_OFFICIAL_DAYS.filter(
    (d) => ruleDate(KNOWN_OCCASION_RULES[d.key as KnownOccasionKey], d.year) !== d.date && idByKey.has(d.key as KnownOccasionKey),
  ).map((d) => ({
    occasionId: idByKey.get(d.key as KnownOccasionKey)!,
    year: d.year,
    date: d.date,
    note: `تقویم رسمی کشور، سال ${d.solarYear}`,
  }));
  if (overrides.length) await m.createQueryBuilder().insert().into(OccasionOverride).values(overrides).execute();

  const districts = new Map((await m.find(District)).map((d) => [d.code, d.id]));
  const carFreePoll = await m.findOne(Poll, { where: { titleEn: DEMO_QUICK_POLL.titleEn } });
  const participationGoal = await m.findOne(Goal, { where: { category: GoalCategory.CITIZEN_PARTICIPATION }, order: { position: 'ASC' } });
  const eventsGoal = await m.findOne(Goal, { where: { category: GoalCategory.EVENTS_AND_OCCASIONS }, order: { position: 'ASC' } });

  const today = localDateOf(now, 'Asia/Tehran');
  const day = (n: number) => addDays(today, n);
  // A Friday walk is on a Friday: the first one at least three days ahead (day 0 of the epoch, 1970-01-01, was a Thursday).
  const untilFriday = (5 - ((toEpochDay(today) + 4) % 7) + 7) % 7;
  const walkDay = day(untilFriday < 3 ? untilFriday + 7 : untilFriday);
  const published = { status: EventStatus.PUBLISHED, publishedAt: now };
  /** From `from` on `first` to `to` on `last` (the same day unless said). */
  const during = (first: LocalDate, from: string, to: string, last = first) => ({ startsAt: at(first, from), endsAt: at(last, to) });
  const inDistrict = (code: number) => districts.get(code) ?? null;
  const events: Array<Partial<Event>> = [
    {
      kind: EventKind.CRISIS_NOTICE,
      titleFa: 'قطع موقت آب در بخش‌هایی از منطقه سه',
      titleEn: 'Temporary water cut in parts of District 3',
      descriptionFa:
        'به دلیل تعمیر خط اصلی انتقال، آب برخی محله‌های منطقه سه تا دو روز با افت فشار یا قطعی همراه است. تانکرهای آب در بوستان‌های محله مستقرند.',
      descriptionEn:
        'Repairs to a main pipe cut or weaken the water supply in parts of District 3 for up to two days. Water tankers stand in the neighbourhood parks.',
      startsAt: new Date(now.getTime() - 2 * 3600_000),
      endsAt: new Date(now.getTime() + 2 * 86_400_000),
      districtId: inDistrict(3),
      ...published,
      pinned: true,
    },
    {
      kind: EventKind.MAYOR_APPEARANCE,
      titleFa: 'دیدار مردمی شهردار با شهروندان منطقه چهار',
      titleEn: 'The mayor meets residents of District 4',
      descriptionFa: 'شهروندان می‌توانند پرسش‌ها و پیشنهادهای خود را رو در رو با شهردار در میان بگذارند.',
      descriptionEn: 'Residents can put their questions and suggestions to the mayor in person.',
      ...during(day(3), '17:00', '19:00'),
      venueFa: 'فرهنگسرای منطقه چهار',
      venueEn: 'District 4 cultural centre',
      districtId: inDistrict(4),
      goalId: participationGoal?.id ?? null,
      ...published,
    },
    {
      kind: EventKind.PRESS_CONFERENCE,
      titleFa: 'نشست خبری سخنگوی شهرداری',
      titleEn: "Press conference of the municipality's spokesperson",
      ...during(day(5), '10:00', '11:30'),
      venueFa: 'سالن اجتماعات ساختمان مرکزی شهرداری',
      venueEn: 'Assembly hall, municipality headquarters',
      ...published,
    },
    {
      kind: EventKind.CULTURAL_EVENT,
      titleFa: 'جشنواره فرهنگی بافت تاریخی',
      titleEn: 'Historic centre cultural festival',
      descriptionFa: 'سه روز موسیقی، نمایش خیابانی و بازارچهٔ صنایع دستی در پیاده‌راه بافت تاریخی.',
      descriptionEn: "Three days of music, street theatre and a crafts market in the historic centre's pedestrian zone.",
      ...during(day(10), '16:00', '22:00', day(12)),
      venueFa: 'پیاده‌راه بافت تاریخی',
      venueEn: 'Historic centre pedestrian zone',
      districtId: inDistrict(8),
      pollId: carFreePoll?.id ?? null,
      goalId: eventsGoal?.id ?? null,
      ...published,
    },
    {
      kind: EventKind.CULTURAL_EVENT,
      titleFa: 'نمایشگاه عکس «شهر من»',
      titleEn: '"My City" photo exhibition',
      ...during(day(-2), '09:00', '20:00', day(6)),
      venueFa: 'نگارخانهٔ منطقه دو',
      venueEn: 'District 2 gallery',
      districtId: inDistrict(2),
      ...published,
    },
    {
      kind: EventKind.MAYOR_APPEARANCE,
      titleFa: 'بازدید شهردار از پروژه‌های عمرانی منطقه شش',
      titleEn: 'The mayor visits building projects in District 6',
      ...during(day(-6), '09:00', '12:00'),
      districtId: inDistrict(6),
      ...published,
    },
    {
      kind: EventKind.OTHER,
      titleFa: 'پیاده‌روی خانوادگی آدینه',
      titleEn: 'Friday family walk',
      descriptionFa: 'به دلیل پیش‌بینی باران لغو شد.',
      descriptionEn: 'Called off: rain is forecast.',
      ...during(walkDay, '07:30', '10:00'),
      venueFa: 'بوستان ملت',
      venueEn: 'Mellat Park',
      districtId: inDistrict(1),
      status: EventStatus.CANCELLED,
      publishedAt: now,
    },
    {
      kind: EventKind.PRESS_CONFERENCE,
      titleFa: 'نشست خبری گزارش عملکرد سالانه',
      titleEn: 'Press conference: the year in review',
      ...during(day(20), '11:00', '12:30'),
      status: EventStatus.DRAFT,
      publishedAt: null,
    },
  ];
  await m.createQueryBuilder().insert().into(Event).values(events).execute();
  return { occasions: DEMO_OCCASIONS.length, overrides: overrides.length, events: events.length };
}

/** For tests: the demo occasion of a known key. */
export function demoOccasionTitle(key: KnownOccasionKey): string {
  return DEMO_OCCASIONS.find((o) => o.key === key)!.titleFa;
}
