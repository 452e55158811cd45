import { type LocalDate } from './calendar';
import { OccasionCalendar } from './event.enums';

/**
 * Official days of Iran's public holidays, as the official calendar (تقویم رسمی کشور, prepared by
 * the University of Tehran's Calendar Center and approved by the Council of Public Culture)
 * published them for the Solar Hijri years 1402–1404, and the 1405 calendar as published in
 * autumn 2025. Each lunar day below was also checked against a second, independent listing of
 * Iran's observed dates. Only days we are sure of are here: this is what the calendar tests check
 * the expansion against, and what the demo data overrides where the prediction misses.
 *
 * `year` is counted in the rule's own calendar (lunar Hijri year for lunar days); `solarYear` is
 * the Solar Hijri year of the printed calendar it comes from.
 */
export interface OfficialDay {
  /** Which occasion (see KNOWN_OCCASION_RULES). */
  key: string;
  solarYear: number;
  year: number;
  date: LocalDate;
}

export const KNOWN_OCCASION_RULES = {
  nowruz: { calendar: OccasionCalendar.SOLAR_HIJRI, month: 1, day: 1 },
  islamicRepublicDay: { calendar: OccasionCalendar.SOLAR_HIJRI, month: 1, day: 12 },
  natureDay: { calendar: OccasionCalendar.SOLAR_HIJRI, month: 1, day: 13 },
  khomeiniDeath: { calendar: OccasionCalendar.SOLAR_HIJRI, month: 3, day: 14 },
  khordad15: { calendar: OccasionCalendar.SOLAR_HIJRI, month: 3, day: 15 },
  revolutionDay: { calendar: OccasionCalendar.SOLAR_HIJRI, month: 11, day: 22 },
  oilNationalization: { calendar: OccasionCalendar.SOLAR_HIJRI, month: 12, day: 29 },
  tasua: { calendar: OccasionCalendar.LUNAR_HIJRI, month: 1, day: 9 },
  ashura: { calendar: OccasionCalendar.LUNAR_HIJRI, month: 1, day: 10 },
  arbaeen: { calendar: OccasionCalendar.LUNAR_HIJRI, month: 2, day: 20 },
  prophetDeath: { calendar: OccasionCalendar.LUNAR_HIJRI, month: 2, day: 28 },
  aliMartyrdom: { calendar: OccasionCalendar.LUNAR_HIJRI, month: 9, day: 21 },
  eidAlFitr: { calendar: OccasionCalendar.LUNAR_HIJRI, month: 10, day: 1 },
  sadiqMartyrdom: { calendar: OccasionCalendar.LUNAR_HIJRI, month: 10, day: 25 },
  eidAlAdha: { calendar: OccasionCalendar.LUNAR_HIJRI, month: 12, day: 10 },
  eidAlGhadir: { calendar: OccasionCalendar.LUNAR_HIJRI, month: 12, day: 18 },
} as const;

export type KnownOccasionKey = keyof typeof KNOWN_OCCASION_RULES;

const day = (key: KnownOccasionKey, solarYear: number, year: number, date: LocalDate): OfficialDay => ({ key, solarYear, year, date });

export const IRAN_OFFICIAL_DAYS: OfficialDay[] = [
  // Solar Hijri occasions: the same in every source, and exact by arithmetic.
  day('nowruz', 1402, 1402, '2023-03-21'),
  day('nowruz', 1403, 1403, '2024-03-20'),
  day('nowruz', 1404, 1404, '2025-03-21'),
  day('nowruz', 1405, 1405, '2026-03-21'),
  day('islamicRepublicDay', 1402, 1402, '2023-04-01'),
  day('islamicRepublicDay', 1403, 1403, '2024-03-31'),
  day('islamicRepublicDay', 1404, 1404, '2025-04-01'),
  day('natureDay', 1402, 1402, '2023-04-02'),
  day('natureDay', 1403, 1403, '2024-04-01'),
  day('natureDay', 1404, 1404, '2025-04-02'),
  day('khomeiniDeath', 1402, 1402, '2023-06-04'),
  day('khomeiniDeath', 1403, 1403, '2024-06-03'),
  day('khomeiniDeath', 1404, 1404, '2025-06-04'),
  day('khordad15', 1402, 1402, '2023-06-05'),
  day('khordad15', 1403, 1403, '2024-06-04'),
  day('khordad15', 1404, 1404, '2025-06-05'),
  day('revolutionDay', 1402, 1402, '2024-02-11'),
  day('revolutionDay', 1403, 1403, '2025-02-10'),
  day('revolutionDay', 1404, 1404, '2026-02-11'),
  day('oilNationalization', 1402, 1402, '2024-03-19'),
  day('oilNationalization', 1403, 1403, '2025-03-19'),
  day('oilNationalization', 1404, 1404, '2026-03-20'),

  // Lunar Hijri occasions of 1402 (the lunar year changes with Muharram, mid-way through).
  day('aliMartyrdom', 1402, 1444, '2023-04-12'),
  day('eidAlFitr', 1402, 1444, '2023-04-22'),
  day('eidAlAdha', 1402, 1444, '2023-06-29'),
  day('eidAlGhadir', 1402, 1444, '2023-07-07'),
  day('tasua', 1402, 1445, '2023-07-27'),
  day('ashura', 1402, 1445, '2023-07-28'),
  day('arbaeen', 1402, 1445, '2023-09-06'),
  day('prophetDeath', 1402, 1445, '2023-09-14'),
  // 1403
  day('aliMartyrdom', 1403, 1445, '2024-04-01'),
  day('eidAlFitr', 1403, 1445, '2024-04-10'),
  day('sadiqMartyrdom', 1403, 1445, '2024-05-04'),
  day('eidAlAdha', 1403, 1445, '2024-06-17'),
  day('eidAlGhadir', 1403, 1445, '2024-06-25'),
  day('tasua', 1403, 1446, '2024-07-15'),
  day('ashura', 1403, 1446, '2024-07-16'),
  day('arbaeen', 1403, 1446, '2024-08-25'),
  day('prophetDeath', 1403, 1446, '2024-09-02'),
  // 1404
  day('aliMartyrdom', 1404, 1446, '2025-03-22'),
  day('eidAlFitr', 1404, 1446, '2025-03-31'),
  day('sadiqMartyrdom', 1404, 1446, '2025-04-24'),
  day('eidAlAdha', 1404, 1446, '2025-06-06'),
  day('eidAlGhadir', 1404, 1446, '2025-06-14'),
  day('tasua', 1404, 1447, '2025-07-05'),
  day('ashura', 1404, 1447, '2025-07-06'),
  day('arbaeen', 1404, 1447, '2025-08-14'),
  day('prophetDeath', 1404, 1447, '2025-08-22'),
  // 1405, from the official calendar as published before the year began.
  day('eidAlFitr', 1405, 1447, '2026-03-21'),
  day('eidAlAdha', 1405, 1447, '2026-05-27'),
  day('eidAlGhadir', 1405, 1447, '2026-06-04'),
  day('tasua', 1405, 1448, '2026-06-24'),
  day('ashura', 1405, 1448, '2026-06-25'),
];
