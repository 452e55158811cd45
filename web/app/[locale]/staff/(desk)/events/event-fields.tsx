import { getDictionary } from '@/lib/i18n/dictionaries';
import { DayField } from '@/components/staff/day-field';
import { BilingualDescription, BilingualText, BilingualTitle, Choice, choicesOf, DistrictChoice, Field } from '@/components/staff/fields';
import type { Locale } from '@/lib/i18n/locales';
import { SectionNav } from '@/components/staff/section-nav';
import { eventsText } from '@/lib/staff/events-text';
import { staffText } from '@/lib/staff/i18n';
import { fieldLabels, bilingualValues } from '@/lib/staff/forms';
import type { RecordForm } from '@/components/staff/form-panel';

export const EVENT_KINDS = [
  'PRESS_CONFERENCE',
  'MAYOR_APPEARANCE',
  'CULTURAL_EVENT',
  'CRISIS_NOTICE',
  'OTHER',
  'NATIONAL_OCCASION',
  'RELIGIOUS_OCCASION',
] as const;

export interface EventValues {
  kind: string;
  titleFa: string;
  titleEn: string;
  descriptionFa: string;
  descriptionEn: string;
  venueFa: string;
  venueEn: string;
  startDay: string;
  startTime: string;
  endDay: string;
  endTime: string;
  districtId: string;
  pollId: string;
  goalId: string;
}

export interface EventChoices {
  districts: { id: string; name: string }[];
  polls: { id: string; title: string }[];
  goals: { id: string; title: string }[];
}

export function eventFieldLabels(locale: Locale): Record<string, string> {
  const t = eventsText[locale];
  return fieldLabels(t, ['kind', 'titleFa', 'titleEn', 'venueFa'], {
    startsAt: t.starts,
    endsAt: t.ends,
    districtId: t.district,
    pollId: t.poll,
    goalId: t.goal,
  });
}

const NAV_ITEMS = [
  ['events', '/staff/events'],
  ['occasions', '/staff/events/occasions'],
] as const;

export function EventNav({ locale, current }: { locale: Locale; current: (typeof NAV_ITEMS)[number][0] }) {
  const t = eventsText[locale];
  return <SectionNav locale={locale} label={t.navLabel} items={NAV_ITEMS} names={t.nav} current={current} />;
}

export function EventFields({
  locale,
  values,
  choices,
  idPrefix,
}: {
  locale: Locale;
  values: EventValues;
  choices: EventChoices;
  idPrefix: string;
}) {
  const t = eventsText[locale];
  const st = staffText[locale];
  const d = getDictionary(locale);
  const id = (n: string) => `${idPrefix}-${n}`;
  const text = { locale, idPrefix };
  const day = (name: string, label: string, value: string) => (
    <Field id={id(name)} label={label}>
      <DayField id={id(name)} name={name} required locale={locale} label={label} defaultValue={value} aria-describedby={id('day-hint')} />
    </Field>
  );
  const time = (name: string, label: string, value: string) => (
    <Field id={id(name)} label={label}>
      <input id={id(name)} name={name} required type="time" defaultValue={value} />
    </Field>
  );
  return (
    <div className="staff-form">
      <div className="staff-fields">
        <Choice id={id('kind')} name="kind" label={t.kind} value={values.kind} options={choicesOf(EVENT_KINDS, d.eventKinds)} />
        <BilingualTitle {...text} labels={t} values={values} />
        {day('startDay', `${t.starts} — ${st.common.day}`, values.startDay)}
        {time('startTime', `${t.starts} — ${st.common.time}`, values.startTime)}
        {day('endDay', `${t.ends} — ${st.common.day}`, values.endDay)}
        {time('endTime', `${t.ends} — ${st.common.time}`, values.endTime)}
        <BilingualText {...text} name="venue" labels={t} values={values} maxLength={300} />
        <DistrictChoice
          id={id('districtId')}
          label={t.district}
          citywide={t.citywide}
          value={values.districtId}
          districts={choices.districts}
        />
        <Choice
          id={id('pollId')}
          name="pollId"
          label={t.poll}
          value={values.pollId}
          empty={t.none}
          options={choices.polls.map((x) => ({ value: x.id, label: x.title }))}
        />
        <Choice
          id={id('goalId')}
          name="goalId"
          label={t.goal}
          value={values.goalId}
          empty={t.none}
          options={choices.goals.map((x) => ({ value: x.id, label: x.title }))}
        />
        <BilingualDescription {...text} labels={t} values={values} maxLength={10000} />
      </div>
      <p className="staff-field__hint" id={id('day-hint')}>
        {st.common.dayHint} {st.common.timeHint}.
      </p>
    </div>
  );
}

/** A new event starts as a press conference from ten to eleven. */
export const eventForm: RecordForm<EventValues, { choices: EventChoices }> = {
  name: 'event',
  Fields: EventFields,
  labels: eventFieldLabels,
  newTexts: (locale) => ({ title: eventsText[locale].newEvent, submit: eventsText[locale].createEvent }),
  blank: () => ({
    ...bilingualValues('title', {}),
    ...bilingualValues('description', {}),
    ...bilingualValues('venue', {}),
    kind: 'PRESS_CONFERENCE',
    startDay: '',
    startTime: '10:00',
    endDay: '',
    endTime: '11:00',
    districtId: '',
    pollId: '',
    goalId: '',
  }),
};
