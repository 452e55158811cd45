import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { districtsText } from '@/lib/staff/districts-text';
import { ActionNotice } from '../../media/media-nav';
import { AdminNav } from '../admin-nav';
import { createDistrict } from './actions';
import { districtForm } from './district-fields';
import type { StaffDistrictAdminListQuery, StaffDistrictAdminListQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { StaffHeader } from '@/components/staff/header';
import { openStaffPage, staffPageMetadata } from '@/lib/staff/open-page';
import { NewRecordPanel } from '@/components/staff/form-panel';
import { StaffTable } from '@/components/staff/list';

const DISTRICTS_QUERY: Operation<StaffDistrictAdminListQuery, StaffDistrictAdminListQueryVariables> = /* GraphQL */ `
  query StaffDistrictAdminList($locale: Locale!) {
    districts(includeRetired: true) {
      id
      code
      name(locale: $locale)
      population
      populationSource
      populationYear
      boundary
      retiredAt
    }
  }
`;

export const generateMetadata = staffPageMetadata((locale) => districtsText[locale].title, 'admin');

export default async function StaffDistrictsPage({ params, searchParams }: PageProps<'/[locale]/staff/admin/districts'>) {
  const { locale, query, f } = await openStaffPage('admin', { params, searchParams });
  const t = districtsText[locale];
  const { districts } = await staffQuery(DISTRICTS_QUERY, { locale: graphqlLocale[locale] });
  const next = Math.max(0, ...districts.map((d) => d.code)) + 1;

  return (
    <>
      <StaffHeader title={t.title} intro={t.intro} />
      <AdminNav locale={locale} current="districts" />
      <ActionNotice locale={locale} query={query} messages={t.done} />
      <div className="staff-panel">
        <StaffTable
          data="districts"
          columns={[
            { label: t.code, numeric: true },
            t.nameFa,
            { label: t.population, numeric: true },
            t.populationSource,
            t.hasBoundary,
            t.status,
          ]}
        >
          {districts.map((d) => (
            <tr key={d.id}>
              <td className="staff-num">{f.number(d.code)}</td>
              <th scope="row">
                <a href={localePath(locale, `/staff/admin/districts/${d.id}`)}>{d.name}</a>
              </th>
              <td className="staff-num">{f.number(d.population)}</td>
              <td className="staff-small">
                {d.populationSource ? <bdi>{d.populationSource}</bdi> : <span className="staff-muted">—</span>}
                {d.populationYear ? ` (${f.number(d.populationYear).replace(/[٬,]/g, '')})` : ''}
              </td>
              <td>{d.boundary ? t.yes : <span className="staff-muted">{t.no}</span>}</td>
              <td>
                {d.retiredAt ? (
                  <span className="staff-badge staff-badge--bad">{t.retired}</span>
                ) : (
                  <span className="staff-badge staff-badge--ok">{t.active}</span>
                )}
              </td>
            </tr>
          ))}
        </StaffTable>
      </div>

      <NewRecordPanel form={districtForm} action={createDistrict} locale={locale} values={{ ...districtForm.blank(locale), code: next }} />
    </>
  );
}
