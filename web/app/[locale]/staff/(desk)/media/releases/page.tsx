import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { mediaText } from '@/lib/staff/media-text';
import { param } from '@/lib/staff/page';
import { loadDistricts } from '../../polls/builder-data';
import { createRelease } from '../actions';
import { ActionNotice, MediaNav } from '../media-nav';
import { releaseForm } from '../release-fields';
import { choiceFilter, FilterForm, FilterSearch, FilterSelect } from '@/components/staff/filter-fields';
import type { PressReleaseStatus, StaffPressReleasesQuery, StaffPressReleasesQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { NextPage, StaffTable } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { openStaffPage, staffPageMetadata } from '@/lib/staff/open-page';
import { NewRecordPanel } from '@/components/staff/form-panel';

const RELEASES_QUERY: Operation<StaffPressReleasesQuery, StaffPressReleasesQueryVariables> = /* GraphQL */ `
  query StaffPressReleases($filter: PressReleaseFilter, $after: String, $locale: Locale!) {
    pressReleases(first: 25, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title(locale: $locale)
          status
          slug
          publishedAt
          updatedAt
        }
      }
    }
  }
`;

const STATUSES: PressReleaseStatus[] = ['DRAFT', 'PUBLISHED', 'WITHDRAWN'];

export const generateMetadata = staffPageMetadata((locale) => mediaText[locale].nav.releases, 'media');

export default async function ReleasesPage({ params, searchParams }: PageProps<'/[locale]/staff/media/releases'>) {
  const { locale, query, st, f } = await openStaffPage('media', { params, searchParams });
  const t = mediaText[locale];
  const search = param(query, 'search')?.slice(0, 200) || undefined;
  const statusFilter = choiceFilter(query, 'status', STATUSES, t.releaseStatus);
  const status = statusFilter.value;
  const after = param(query, 'after');
  const [{ pressReleases }, districts] = await Promise.all([
    staffQuery(RELEASES_QUERY, {
      filter: { search, statuses: status ? [status] : null },
      after: after ?? null,
      locale: graphqlLocale[locale],
    }),
    loadDistricts(locale),
  ]);
  const base = localePath(locale, '/staff/media/releases');
  const badge: Record<string, string> = { DRAFT: '', PUBLISHED: 'staff-badge--ok', WITHDRAWN: 'staff-badge--bad' };
  return (
    <>
      <StaffHeader title={t.nav.releases} intro={t.releasesIntro} />
      <MediaNav locale={locale} current="releases" />
      <ActionNotice locale={locale} query={query} messages={{}} />
      <div className="staff-panel">
        <FilterForm action={base} locale={locale} submit={st.common.search}>
          <FilterSearch id="release-search" label={t.search} value={search} />
          <FilterSelect id="release-status" label={st.common.status} locale={locale} {...statusFilter} />
        </FilterForm>
        <p className="result-count">{st.common.total(f.number(pressReleases.totalCount))}</p>
        <StaffTable columns={[st.common.title, st.common.status, t.publishedOn]}>
          {pressReleases.edges.map(({ node: r }) => (
            <tr key={r.id}>
              <th scope="row">
                <a href={localePath(locale, `/staff/media/releases/${r.id}`)}>{r.title}</a>
              </th>
              <td>
                <span className={`staff-badge ${badge[r.status]}`}>{t.releaseStatus[r.status]}</span>
              </td>
              <td>{r.publishedAt ? f.dateTime(r.publishedAt) : '—'}</td>
            </tr>
          ))}
        </StaffTable>
        <NextPage base={base} filters={{ search, status }} pageInfo={pressReleases.pageInfo} label={st.common.next} />
      </div>
      <NewRecordPanel form={releaseForm} action={createRelease} locale={locale} fieldProps={{ districts, slugFixed: false }} />
    </>
  );
}
