import type { Locale } from '@/lib/i18n/locales';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { eventsText } from '@/lib/staff/events-text';
import { BilingualDescription, BilingualTitle, Choice, choicesOf, Field } from '@/components/staff/fields';
import { fieldLabels, bilingualValues } from '@/lib/staff/forms';
import type { RecordForm } from '@/components/staff/form-panel';

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
  return fieldLabels(t, ['kind', 'titleFa', 'titleEn', 'calendar', 'month', 'day', 'year', 'date']);
}

export function OccasionFields({ locale, values, idPrefix }: { locale: Locale; values: OccasionValues; idPrefix: string }) {
  const t = eventsText[locale];
  const d = getDictionary(locale);
  const id = (n: string) => `${idPrefix}-${n}`;
  return (
    <div className="staff-fields">
      <Choice
        id={id('kind')}
        name="kind"
        label={t.kind}
        value={values.kind}
        options={choicesOf(['NATIONAL_OCCASION', 'RELIGIOUS_OCCASION'] as const, d.eventKinds)}
      />
      <BilingualTitle locale={locale} idPrefix={idPrefix} labels={t} values={values} />
      <Choice
        id={id('calendar')}
        name="calendar"
        label={t.calendar}
        value={values.calendar}
        options={choicesOf(['SOLAR_HIJRI', 'LUNAR_HIJRI'] as const, t.calendars)}
      />
      <Field id={id('month')} label={t.month}>
        <input id={id('month')} name="month" type="number" min={1} max={12} required defaultValue={values.month} />
      </Field>
      <Field id={id('day')} label={t.day}>
        <input id={id('day')} name="day" type="number" min={1} max={31} required defaultValue={values.day} />
      </Field>
      <label className="staff-check">
        <input type="checkbox" name="holiday" defaultChecked={values.holiday} />
        {t.holiday}
      </label>
      <BilingualDescription locale={locale} idPrefix={idPrefix} labels={t} values={values} />
    </div>
  );
}

/** A new occasion starts as a national one on the first day of the solar year. */
export const occasionForm: RecordForm<OccasionValues> = {
  name: 'occasion',
  Fields: OccasionFields,
  labels: occasionFieldLabels,
  newTexts: (locale) => ({ title: eventsText[locale].newOccasion, submit: eventsText[locale].createOccasion }),
  blank: () => ({
    ...bilingualValues('title', {}),
    ...bilingualValues('description', {}),
    kind: 'NATIONAL_OCCASION',
    calendar: 'SOLAR_HIJRI',
    month: 1,
    day: 1,
    holiday: false,
  }),
};
