import { DayField } from '@/components/staff/day-field';
import { notFound } from 'next/navigation';
import { toJalaali } from 'jalaali-js';
import { ActionForm } from '@/components/staff/action-form';
import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { latinDigits } from '@/lib/format';
import { eventsText } from '@/lib/staff/events-text';
import { formLabels } from '@/lib/staff/i18n';
import { ActionNotice } from '../../../media/media-nav';
import { deleteOccasion, removeOverride, setOverride, updateOccasion } from '../../actions';
import { EventNav } from '../../event-fields';
import { OccasionFields, occasionFieldLabels } from '../occasion-fields';
import type { StaffOccasionQuery, StaffOccasionQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { StaffTable } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { openRecordPage, staffRecordMetadata } from '@/lib/staff/open-page';
import { OCCASION_TITLE } from '@/lib/staff/record-titles';
import { Field } from '@/components/staff/fields';
import { bilingualValues } from '@/lib/staff/forms';
import { StaffSection } from '@/components/staff/section';
import { ActionButton, SubmitRow } from '@/components/staff/buttons';

const OCCASION_QUERY: Operation<StaffOccasionQuery, StaffOccasionQueryVariables> = /* GraphQL */ `
  query StaffOccasion($id: ID!, $fromYear: Int!, $toYear: Int!, $locale: Locale!) {
    occasion(id: $id) {
      id
      kind
      calendar
      month
      day
      holiday
      ruleText(locale: $locale)
      titleTranslations {
        fa
        en
      }
      descriptionTranslations {
        fa
        en
      }
      dates(fromYear: $fromYear, toYear: $toYear) {
        year
        date
        ruleDate
        overridden
        note
      }
    }
  }
`;

/** This year in the Solar Hijri and the (astronomical) lunar Hijri calendar. */
function currentYears(): Record<'SOLAR_HIJRI' | 'LUNAR_HIJRI', number> {
  const now = new Date();
  const solar = toJalaali(now).jy;
  const lunar = Number(
    latinDigits(new Intl.DateTimeFormat('en-u-ca-islamic', { year: 'numeric', timeZone: 'Asia/Tehran' }).format(now)).replace(/\D/g, ''),
  );
  return { SOLAR_HIJRI: solar, LUNAR_HIJRI: lunar };
}

type Params = PageProps<'/[locale]/staff/events/occasions/[id]'>;

export const generateMetadata = staffRecordMetadata((locale) => eventsText[locale].nav.occasions, 'events', OCCASION_TITLE);

export default async function OccasionPage({ params, searchParams }: Params) {
  const { locale, id, query, st, f } = await openRecordPage('events', { params, searchParams });
  const t = eventsText[locale];
  const years = currentYears();
  // The calendar is not known before the first read: ask for a span that covers both.
  const first = await staffQuery(OCCASION_QUERY, {
    id,
    fromYear: years.SOLAR_HIJRI - 1,
    toYear: years.SOLAR_HIJRI + 3,
    locale: graphqlLocale[locale],
  });
  if (!first.occasion) notFound();
  const { occasion } =
    first.occasion.calendar === 'LUNAR_HIJRI'
      ? await staffQuery(OCCASION_QUERY, {
          id,
          fromYear: years.LUNAR_HIJRI - 1,
          toYear: years.LUNAR_HIJRI + 3,
          locale: graphqlLocale[locale],
        })
      : first;
  if (!occasion) notFound();
  const labels = formLabels(locale);

  return (
    <>
      <StaffHeader
        title={(locale === 'en' && occasion.titleTranslations.en) || occasion.titleTranslations.fa}
        intro={occasion.ruleText}
        crumb={{ href: localePath(locale, '/staff/events/occasions'), label: t.nav.occasions }}
      />
      <EventNav locale={locale} current="occasions" />
      <ActionNotice
        locale={locale}
        query={query}
        messages={{ saved: t.occasionSaved, overrideSet: t.overrideSet, overrideRemoved: t.overrideRemoved }}
      />

      <StaffSection headingId="overrides-title" title={t.overrides}>
        <p className="staff-muted staff-small">{t.overridesIntro}</p>
        <StaffTable className="staff-table" columns={[t.year, t.ruleDate, t.date, t.note, { label: st.common.actions, actions: true }]}>
          {occasion.dates.map((d) => (
            <tr key={d.year}>
              <th scope="row">{f.number(d.year).replace(/٬|,/g, '')}</th>
              <td>{f.day(d.ruleDate)}</td>
              <td>
                {f.day(d.date)} {d.overridden && <span className="staff-badge staff-badge--warn">{t.overridden}</span>}
              </td>
              <td>{d.note ?? '—'}</td>
              <td>
                {d.overridden && (
                  <ActionButton action={removeOverride.bind(null, id, d.year)} variant="quiet" small>
                    {t.removeOverride}
                  </ActionButton>
                )}
              </td>
            </tr>
          ))}
        </StaffTable>
        <ActionForm
          action={setOverride.bind(null, id)}
          className="staff-form"
          labels={labels}
          fieldLabels={occasionFieldLabels(locale)}
          aria-label={t.setOverride}
        >
          <div className="staff-fields">
            <Field id="ov-year" label={t.year}>
              <select id="ov-year" name="year" defaultValue={years[occasion.calendar]}>
                {occasion.dates.map((d) => (
                  <option key={d.year} value={d.year}>
                    {f.number(d.year).replace(/٬|,/g, '')}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="ov-date" label={t.date}>
              <DayField id="ov-date" name="date" required locale={locale} label={t.date} aria-describedby="ov-hint" />
              <span className="staff-field__hint" id="ov-hint">
                {st.common.dayHint}
              </span>
            </Field>
            <Field id="ov-note" label={t.note} optional={locale}>
              <input id="ov-note" name="note" maxLength={300} />
            </Field>
          </div>
          <SubmitRow>{t.setOverride}</SubmitRow>
        </ActionForm>
      </StaffSection>

      <StaffSection headingId="occasion-edit-title" title={st.common.edit}>
        <ActionForm
          action={updateOccasion.bind(null, id)}
          className="staff-form"
          labels={labels}
          fieldLabels={occasionFieldLabels(locale)}
          aria-label={st.common.edit}
        >
          <OccasionFields
            locale={locale}
            idPrefix="edit"
            values={{
              kind: occasion.kind,
              ...bilingualValues('title', occasion.titleTranslations),
              ...bilingualValues('description', occasion.descriptionTranslations),
              calendar: occasion.calendar,
              month: occasion.month,
              day: occasion.day,
              holiday: occasion.holiday,
            }}
          />
          <SubmitRow>{st.common.save}</SubmitRow>
        </ActionForm>
        <ActionButton action={deleteOccasion.bind(null, id)} variant="danger" style={{ marginBlockStart: '1rem' }}>
          {t.deleteOccasion}
        </ActionButton>
      </StaffSection>
    </>
  );
}
