import { notFound } from 'next/navigation';
import { localePath } from '@/lib/i18n/routing';
import { staffRequest, uuidOr404 } from '@/lib/staff/api';
import { districtsText } from '@/lib/staff/districts-text';
import { staffFormat } from '@/lib/staff/format';
import { requireSection } from '@/lib/staff/session';
import { localeParam } from '../../../../../locale-param';
import { ActionNotice } from '../../../media/media-nav';
import { AdminNav } from '../../admin-nav';
import { setDistrictRetired, updateDistrict } from '../actions';
import { DistrictFields, districtFieldLabels } from '../district-fields';
import type { StaffDistrictAdminQuery, StaffDistrictAdminQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { staffRecordMetadata } from '@/lib/staff/open-page';
import { DISTRICT_TITLE } from '@/lib/staff/record-titles';
import { FormPanel } from '@/components/staff/form-panel';
import { StaffTable } from '@/components/staff/list';
import { StaffSection } from '@/components/staff/section';
import { bilingualValues } from '@/lib/staff/forms';

const DISTRICT_QUERY: Operation<StaffDistrictAdminQuery, StaffDistrictAdminQueryVariables> = /* GraphQL */ `
  query StaffDistrictAdmin($id: ID!) {
    district(id: $id) {
      id
      code
      nameTranslations {
        fa
        en
      }
      population
      populationSource
      populationYear
      boundary
      retiredAt
      populationHistory {
        population
        source
        year
        validFrom
      }
    }
  }
`;

async function load(id: string) {
  const res = await staffRequest(DISTRICT_QUERY, { id: uuidOr404(id) });
  const district = res.data?.district;
  if (!district) notFound();
  return district;
}

export const generateMetadata = staffRecordMetadata((locale) => districtsText[locale].title, 'admin', DISTRICT_TITLE);

export default async function StaffDistrictPage({ params, searchParams }: PageProps<'/[locale]/staff/admin/districts/[id]'>) {
  const locale = await localeParam(params);
  await requireSection('admin');
  const { id } = await params;
  const query = await searchParams;
  const t = districtsText[locale];
  const f = staffFormat(locale);
  const d = await load(id);
  const name = locale === 'en' ? (d.nameTranslations.en ?? d.nameTranslations.fa) : d.nameTranslations.fa;

  return (
    <>
      <header className="staff-header">
        <div>
          <p>
            <a href={localePath(locale, '/staff/admin/districts')}>{t.back}</a>
          </p>
          <h1>
            {f.number(d.code)}. {name}
          </h1>
          <p>
            {d.retiredAt ? (
              <span className="staff-badge staff-badge--bad">{t.retired}</span>
            ) : (
              <span className="staff-badge staff-badge--ok">{t.active}</span>
            )}
          </p>
        </div>
      </header>
      <AdminNav locale={locale} current="districts" />
      <ActionNotice locale={locale} query={query} messages={t.done} />
      <FormPanel
        id="edit-district-title"
        title={name}
        submit={t.save}
        action={updateDistrict.bind(null, d.id)}
        locale={locale}
        fieldLabels={districtFieldLabels(locale)}
      >
        <DistrictFields
          locale={locale}
          idPrefix="edit"
          values={{
            code: d.code,
            ...bilingualValues('name', d.nameTranslations),
            population: d.population,
            populationSource: d.populationSource ?? '',
            populationYear: d.populationYear,
            boundary: d.boundary ? JSON.stringify(d.boundary) : '',
          }}
        />
      </FormPanel>
      <StaffSection headingId="history-title" title={t.history}>
        <StaffTable
          labelledBy="history-title"
          columns={[t.validFrom, { label: t.population, numeric: true }, t.populationSource, t.populationYear]}
        >
          {d.populationHistory.map((h) => (
            <tr key={h.validFrom}>
              <td className="staff-small">{f.dateTime(h.validFrom)}</td>
              <td className="staff-num">{f.number(h.population)}</td>
              <td>{h.source ? <bdi>{h.source}</bdi> : '—'}</td>
              <td>{h.year ? f.number(h.year).replace(/[٬,]/g, '') : '—'}</td>
            </tr>
          ))}
        </StaffTable>
      </StaffSection>
      <section className="staff-panel">
        <form action={setDistrictRetired.bind(null, d.id, !d.retiredAt)}>
          {!d.retiredAt && <p className="staff-small">{t.retireHint}</p>}
          <button type="submit" className={`staff-button ${d.retiredAt ? '' : 'staff-button--danger'}`}>
            {d.retiredAt ? t.restore : t.retire}
          </button>
        </form>
      </section>
    </>
  );
}
