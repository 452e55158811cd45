import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { mediaText } from '@/lib/staff/media-text';
import { param } from '@/lib/staff/page';
import { createOutlet } from '../actions';
import { ActionNotice, MediaNav } from '../media-nav';
import { choiceFilter, FilterForm, FilterSearch, FilterSelect } from '@/components/staff/filter-fields';
import type { MediaOutletKind, StaffMediaOutletsQuery, StaffMediaOutletsQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { NextPage, StaffTable } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { openStaffPage, staffPageMetadata } from '@/lib/staff/open-page';
import { FormPanel } from '@/components/staff/form-panel';
import { Choice, choicesOf, Field } from '@/components/staff/fields';

const OUTLETS_QUERY: Operation<StaffMediaOutletsQuery, StaffMediaOutletsQueryVariables> = /* GraphQL */ `
  query StaffMediaOutlets($filter: MediaOutletFilter, $after: String) {
    mediaOutlets(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          nameFa
          nameEn
          kind
          url
        }
      }
    }
  }
`;

const KINDS: MediaOutletKind[] = ['NEWS_AGENCY', 'NEWSPAPER', 'RADIO_TELEVISION', 'WEBSITE', 'SOCIAL_ACCOUNT'];

export const generateMetadata = staffPageMetadata((locale) => mediaText[locale].nav.outlets, 'media');

export default async function MediaOutletsPage({ params, searchParams }: PageProps<'/[locale]/staff/media/outlets'>) {
  const { locale, query, st, f } = await openStaffPage('media', { params, searchParams });
  const t = mediaText[locale];
  const search = param(query, 'search')?.slice(0, 200) || undefined;
  const kindFilter = choiceFilter(query, 'kind', KINDS, t.outletKinds);
  const kind = kindFilter.value;
  const after = param(query, 'after');
  const { mediaOutlets } = await staffQuery(OUTLETS_QUERY, {
    filter: { search, kinds: kind ? [kind] : null },
    after: after ?? null,
  });
  const base = localePath(locale, '/staff/media/outlets');
  return (
    <>
      <StaffHeader title={t.nav.outlets} intro={t.outletsIntro} />
      <MediaNav locale={locale} current="outlets" />
      <ActionNotice locale={locale} query={query} messages={{ added: t.outletAdded }} />
      <div className="staff-panel">
        <FilterForm action={base} locale={locale} submit={st.common.search}>
          <FilterSearch id="outlet-search" label={t.search} value={search} />
          <FilterSelect id="outlet-kind" label={t.outletKind} locale={locale} {...kindFilter} />
        </FilterForm>
        <p className="result-count">{st.common.total(f.number(mediaOutlets.totalCount))}</p>
        <StaffTable columns={[t.nameFa, t.nameEn, t.outletKind, t.url]}>
          {mediaOutlets.edges.map(({ node: o }) => (
            <tr key={o.id}>
              <th scope="row">
                <a href={`${localePath(locale, '/staff/media')}?outlet=${o.id}`}>{o.nameFa}</a>
              </th>
              <td lang="en">{o.nameEn ?? '—'}</td>
              <td>{t.outletKinds[o.kind]}</td>
              <td className="staff-small">{o.url ? <bdi dir="ltr">{o.url}</bdi> : '—'}</td>
            </tr>
          ))}
        </StaffTable>
        <NextPage base={base} filters={{ search, kind }} pageInfo={mediaOutlets.pageInfo} label={st.common.next} />
      </div>
      <FormPanel
        id="new-outlet-title"
        title={t.newOutlet}
        submit={t.addOutlet}
        action={createOutlet}
        locale={locale}
        fieldLabels={{ nameFa: t.nameFa, nameEn: t.nameEn, url: t.url, kind: t.outletKind }}
      >
        <div className="staff-fields">
          <Field id="outlet-nameFa" label={t.nameFa}>
            <input id="outlet-nameFa" name="nameFa" required maxLength={200} />
          </Field>
          <Field id="outlet-nameEn" label={t.nameEn} optional={locale}>
            <input id="outlet-nameEn" name="nameEn" maxLength={200} dir="ltr" />
          </Field>
          <Choice id="outlet-kind-new" name="kind" label={t.outletKind} value="NEWSPAPER" options={choicesOf(KINDS, t.outletKinds)} />
          <Field id="outlet-url" label={t.url} optional={locale}>
            <input id="outlet-url" name="url" type="url" dir="ltr" maxLength={500} />
          </Field>
        </div>
      </FormPanel>
    </>
  );
}
