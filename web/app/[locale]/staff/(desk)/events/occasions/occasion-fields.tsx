import type { Locale } from "@/lib/i18n/locales";
import { getDictionary } from "@/lib/i18n/dictionaries";
import { eventsText } from "@/lib/staff/events-text";
import { staffText } from "@/lib/staff/i18n";

export interface OccasionValues {
  kind: string;
  titleFa: string;
  titleEn: string;
  descriptionFa: string;
  descriptionEn: string;
  calendar: string;
  month: number;
  day: number;
  holiday: boolean;
}

export function occasionFieldLabels(locale: Locale): Record<string, string> {
  const t = eventsText[locale];
  return { kind: t.kind, titleFa: t.titleFa, titleEn: t.titleEn, calendar: t.calendar, month: t.month, day: t.day, year: t.year, date: t.date };
}

export function OccasionFields({ locale, values, idPrefix }: { locale: Locale; values: OccasionValues; idPrefix: string }) {
  const t = eventsText[locale];
  const d = getDictionary(locale);
  const optional = <span className="staff-muted">{staffText[locale].common.optional}</span>;
  const id = (n: string) => `${idPrefix}-${n}`;
  return (
    <div className="staff-fields">
      <div className="staff-field">
        <label htmlFor={id("kind")}>{t.kind}</label>
        <select id={id("kind")} name="kind" defaultValue={values.kind}>
          {(["NATIONAL_OCCASION", "RELIGIOUS_OCCASION"] as const).map((k) => (
            <option key={k} value={k}>
              {d.eventKinds[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="staff-field">
        <label htmlFor={id("titleFa")}>{t.titleFa}</label>
        <input id={id("titleFa")} name="titleFa" required maxLength={300} defaultValue={values.titleFa} />
      </div>
      <div className="staff-field">
        <label htmlFor={id("titleEn")}>
          {t.titleEn} {optional}
        </label>
        <input id={id("titleEn")} name="titleEn" maxLength={300} defaultValue={values.titleEn} dir="ltr" lang="en" />
      </div>
      <div className="staff-field">
        <label htmlFor={id("calendar")}>{t.calendar}</label>
        <select id={id("calendar")} name="calendar" defaultValue={values.calendar}>
          <option value="SOLAR_HIJRI">{t.calendars.SOLAR_HIJRI}</option>
          <option value="LUNAR_HIJRI">{t.calendars.LUNAR_HIJRI}</option>
        </select>
      </div>
      <div className="staff-field">
        <label htmlFor={id("month")}>{t.month}</label>
        <input id={id("month")} name="month" type="number" min={1} max={12} required defaultValue={values.month} />
      </div>
      <div className="staff-field">
        <label htmlFor={id("day")}>{t.day}</label>
        <input id={id("day")} name="day" type="number" min={1} max={31} required defaultValue={values.day} />
      </div>
      <label className="staff-check">
        <input type="checkbox" name="holiday" defaultChecked={values.holiday} />
        {t.holiday}
      </label>
      <div className="staff-field staff-field--wide">
        <label htmlFor={id("descriptionFa")}>
          {t.descriptionFa} {optional}
        </label>
        <textarea id={id("descriptionFa")} name="descriptionFa" maxLength={5000} defaultValue={values.descriptionFa} />
      </div>
      <div className="staff-field staff-field--wide">
        <label htmlFor={id("descriptionEn")}>
          {t.descriptionEn} {optional}
        </label>
        <textarea id={id("descriptionEn")} name="descriptionEn" maxLength={5000} defaultValue={values.descriptionEn} dir="ltr" lang="en" />
      </div>
    </div>
  );
}
