import { getDictionary } from '@/lib/i18n/dictionaries';
import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { eventsText } from '@/lib/staff/events-text';
import { ActionNotice } from '../../media/media-nav';
import { createOccasion } from '../actions';
import { EventNav } from '../event-fields';
import { occasionForm } from './occasion-fields';
import type { StaffOccasionsQuery, StaffOccasionsQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { StaffTable } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { openStaffPage, staffPageMetadata } from '@/lib/staff/open-page';
import { NewRecordPanel } from '@/components/staff/form-panel';

const OCCASIONS_QUERY: Operation<StaffOccasionsQuery, StaffOccasionsQueryVariables> = /* GraphQL */ `
  query StaffOccasions($locale: Locale!) {
    occasions {
      id
      kind
      calendar
      holiday
      title(locale: $locale)
      ruleText(locale: $locale)
      overrides {
        year
      }
    }
  }
`;

export const generateMetadata = staffPageMetadata((locale) => eventsText[locale].nav.occasions, 'events');

export default async function OccasionsPage({ params, searchParams }: PageProps<'/[locale]/staff/events/occasions'>) {
  const { locale, query, st } = await openStaffPage('events', { params, searchParams });
  const t = eventsText[locale];
  const d = getDictionary(locale);
  const { occasions } = await staffQuery(OCCASIONS_QUERY, { locale: graphqlLocale[locale] });
  return (
    <>
      <StaffHeader title={t.nav.occasions} intro={t.occasionsIntro} />
      <EventNav locale={locale} current="occasions" />
      <ActionNotice locale={locale} query={query} messages={{ deleted: t.occasionDeleted }} />
      <div className="staff-panel">
        <StaffTable columns={[st.common.title, t.rule, t.kind, t.holiday, t.overrides]}>
          {occasions.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <a href={localePath(locale, `/staff/events/occasions/${o.id}`)}>{o.title}</a>
              </th>
              <td>{o.ruleText}</td>
              <td>{d.eventKinds[o.kind as keyof typeof d.eventKinds]}</td>
              <td>{o.holiday ? st.common.yes : st.common.no}</td>
              <td>{o.overrides.length ? o.overrides.map((x) => x.year).join(locale === 'fa' ? '، ' : ', ') : '—'}</td>
            </tr>
          ))}
        </StaffTable>
      </div>
      <NewRecordPanel form={occasionForm} action={createOccasion} locale={locale} />
    </>
  );
}
