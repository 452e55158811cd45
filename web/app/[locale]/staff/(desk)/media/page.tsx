import { localePath } from '@/lib/i18n/routing';
import { isUuid, staffQuery } from '@/lib/staff/api';
import { mediaText } from '@/lib/staff/media-text';
import { param } from '@/lib/staff/page';
import { createContact } from './actions';
import { contactForm, contactLanguages } from './contact-fields';
import { MediaNav } from './media-nav';
import { OUTLET_OPTIONS, outletName } from './media.query';
import { FilterForm, FilterSelect } from '@/components/staff/filter-fields';
import type { StaffMediaContactsQuery, StaffMediaContactsQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { StaffTable } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { openStaffPage, staffPageMetadata } from '@/lib/staff/open-page';
import { NewRecordPanel } from '@/components/staff/form-panel';
import { Field } from '@/components/staff/fields';

const CONTACTS_QUERY: Operation<StaffMediaContactsQuery, StaffMediaContactsQueryVariables> = /* GraphQL */ `
  query StaffMediaContacts($filter: MediaContactFilter, $after: String) {
    mediaContacts(first: 25, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          role
          email
          phones
          beats
          language
          outlet {
            id
            nameFa
            nameEn
          }
        }
      }
    }
  }
`;

export const generateMetadata = staffPageMetadata((locale) => mediaText[locale].title, 'media');

export default async function MediaContactsPage({ params, searchParams }: PageProps<'/[locale]/staff/media'>) {
  const { locale, query, st, f } = await openStaffPage('media', { params, searchParams });
  const t = mediaText[locale];
  const search = param(query, 'search')?.slice(0, 200) || undefined;
  const outletParam = param(query, 'outlet');
  const outletId = outletParam && isUuid(outletParam) ? outletParam : undefined;
  const beat = param(query, 'beat')?.slice(0, 100) || undefined;
  const language = param(query, 'language')?.slice(0, 35) || undefined;
  const after = param(query, 'after');
  const [{ mediaContacts }, outlets] = await Promise.all([
    staffQuery(CONTACTS_QUERY, { filter: { search, outletId, beat, language }, after: after ?? null }),
    staffQuery(OUTLET_OPTIONS),
  ]);
  const outletList = outlets.mediaOutlets.edges.map((e) => e.node);
  const base = localePath(locale, '/staff/media');
  const filters = {
    ...(search ? { search } : {}),
    ...(outletId ? { outlet: outletId } : {}),
    ...(beat ? { beat } : {}),
    ...(language ? { language } : {}),
  };

  return (
    <>
      <StaffHeader title={t.title} intro={t.contactsIntro} />
      <MediaNav locale={locale} current="contacts" />
      <div className="staff-panel">
        <FilterForm action={base} locale={locale} submit={st.common.search}>
          <Field id="contact-search" label={t.search}>
            <input id="contact-search" name="search" type="search" defaultValue={search ?? ''} aria-describedby="contact-search-hint" />
            <span className="staff-field__hint" id="contact-search-hint">
              {t.searchHint}
            </span>
          </Field>
          <FilterSelect
            id="contact-outlet"
            name="outlet"
            label={t.outlet}
            locale={locale}
            value={outletId}
            options={outletList.map((o) => ({ value: o.id, label: outletName(o, locale) }))}
          />
          <Field id="contact-beat" label={t.beat}>
            <input id="contact-beat" name="beat" defaultValue={beat ?? ''} />
          </Field>
          <Field id="contact-language" label={t.language}>
            <select id="contact-language" name="language" defaultValue={language ?? ''}>
              <option value="">{st.common.all}</option>
              {contactLanguages(locale).map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          </Field>
        </FilterForm>
        <p className="result-count">{st.common.total(f.number(mediaContacts.totalCount))}</p>
        <StaffTable data="contacts" columns={[t.name, t.outlet, t.beats, t.phones, t.email]}>
          {mediaContacts.edges.map(({ node: c }) => (
            <tr key={c.id}>
              <th scope="row">
                <a href={localePath(locale, `/staff/media/contacts/${c.id}`)}>{c.name}</a>
                {c.role && <div className="staff-muted staff-small">{c.role}</div>}
              </th>
              <td>{outletName(c.outlet, locale)}</td>
              <td className="staff-small">{f.join(c.beats)}</td>
              <td className="staff-small">
                {c.phones.map((p) => (
                  <div key={p} dir="ltr" style={{ textAlign: 'end' }}>
                    {p}
                  </div>
                ))}
              </td>
              <td className="staff-small">
                <bdi dir="ltr">{c.email}</bdi>
              </td>
            </tr>
          ))}
        </StaffTable>
        <div className="staff-pager">
          {after && (
            <a className="staff-button staff-button--quiet staff-button--small" href={`${base}?${new URLSearchParams(filters).toString()}`}>
              {st.common.first}
            </a>
          )}
          {mediaContacts.pageInfo.hasNextPage && mediaContacts.pageInfo.endCursor && (
            <a
              className="staff-button staff-button--quiet staff-button--small"
              href={`${base}?${new URLSearchParams({ ...filters, after: mediaContacts.pageInfo.endCursor }).toString()}`}
            >
              {st.common.next}
            </a>
          )}
        </div>
      </div>
      <NewRecordPanel form={contactForm} action={createContact} locale={locale} fieldProps={{ outlets: outletList }} />
    </>
  );
}
