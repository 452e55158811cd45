import { ActionForm } from '@/components/staff/action-form';
import { localePath } from '@/lib/i18n/routing';
import { adminText } from '@/lib/staff/admin-text';
import { staffQuery } from '@/lib/staff/api';
import { staffFormat } from '@/lib/staff/format';
import { formLabels, staffText } from '@/lib/staff/i18n';
import { param } from '@/lib/staff/page';
import { roles } from '@/lib/staff/roles';
import { requireSection } from '@/lib/staff/session';
import { localeParam } from '../../../locale-param';
import { ActionNotice } from '../media/media-nav';
import { createUser, liftSignInLock, resetPassword, resetSecondFactor, updateUser } from './actions';
import { AdminNav } from './admin-nav';
import { choiceFilter, FilterForm, FilterSearch, FilterSelect } from '@/components/staff/filter-fields';
import type { StaffUsersQuery, StaffUsersQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { NextPage } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { staffPageMetadata } from '@/lib/staff/open-page';
import { Choice, choicesOf, Field } from '@/components/staff/fields';
import { StaffSection } from '@/components/staff/section';
import { ActionButton, SubmitRow } from '@/components/staff/buttons';

const USERS_QUERY: Operation<StaffUsersQuery, StaffUsersQueryVariables> = /* GraphQL */ `
  query StaffUsers($filter: StaffUserFilter, $after: String) {
    staffUsers(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          email
          displayName
          role
          active
          createdAt
          secondFactorEnabled
          signInLock {
            lockedClients
            lockedUntil
            accountLockedUntil
          }
        }
      }
    }
  }
`;

export const generateMetadata = staffPageMetadata((locale) => adminText[locale].nav.users, 'admin');

export default async function AdminUsersPage({ params, searchParams }: PageProps<'/[locale]/staff/admin'>) {
  const locale = await localeParam(params);
  const viewer = await requireSection('admin');
  const query = await searchParams;
  const t = adminText[locale];
  const st = staffText[locale];
  const f = staffFormat(locale);
  const search = param(query, 'search')?.slice(0, 200) || undefined;
  const roleFilter = choiceFilter(query, 'role', roles, st.roles);
  const role = roleFilter.value;
  const activeParam = param(query, 'active');
  const after = param(query, 'after');
  const { staffUsers } = await staffQuery(USERS_QUERY, {
    filter: { search, role, active: activeParam === 'yes' ? true : activeParam === 'no' ? false : undefined },
    after: after ?? null,
  });
  const labels = formLabels(locale);
  const fieldLabels = { email: t.email, displayName: t.displayName, role: t.role, password: t.password, active: t.active };
  const base = localePath(locale, '/staff/admin');

  return (
    <>
      <StaffHeader title={t.title} intro={t.usersIntro} />
      <AdminNav locale={locale} current="users" />
      <ActionNotice
        locale={locale}
        query={query}
        messages={{ created: t.userCreated, lifted: t.lockLifted, twoFactorReset: t.twoFactorReset }}
      />
      <div className="staff-panel">
        <FilterForm action={base} locale={locale}>
          <FilterSearch id="user-search" label={st.common.search} value={search} />
          <FilterSelect id="user-role" label={t.role} locale={locale} {...roleFilter} />
          <Field id="user-active" label={t.status}>
            <select id="user-active" name="active" defaultValue={activeParam ?? ''}>
              <option value="">{st.common.all}</option>
              <option value="yes">{t.active}</option>
              <option value="no">{t.inactive}</option>
            </select>
          </Field>
        </FilterForm>
        <p className="result-count">{st.common.total(f.number(staffUsers.totalCount))}</p>
        <ul className="staff-list" data-staff-users>
          {staffUsers.edges.map(({ node: u }) => (
            <li key={u.id}>
              <div className="staff-panel__head">
                <h2 className="staff-card-title">
                  {u.displayName} {u.id === viewer.id && <span className="staff-muted staff-small">{t.you}</span>}
                </h2>
                <span className="staff-meta">
                  <bdi dir="ltr">{u.email}</bdi>
                  <span className="staff-badge staff-badge--info">{st.roles[u.role]}</span>
                  <span className={`staff-badge ${u.active ? 'staff-badge--ok' : 'staff-badge--bad'}`}>
                    {u.active ? t.active : t.inactive}
                  </span>
                  <span className={`staff-badge ${u.secondFactorEnabled ? 'staff-badge--ok' : 'staff-badge--info'}`} data-two-factor>
                    {u.secondFactorEnabled ? t.twoFactorOn : t.twoFactorOff}
                  </span>
                </span>
              </div>
              {u.secondFactorEnabled && u.id !== viewer.id && (
                <div className="staff-meta" data-reset-two-factor>
                  <span className="staff-muted staff-small">{t.resetTwoFactorHint}</span>
                  <ActionButton
                    action={resetSecondFactor.bind(null, u.id)}
                    variant="quiet"
                    small
                    aria-label={`${t.resetTwoFactor}: ${u.displayName}`}
                  >
                    {t.resetTwoFactor}
                  </ActionButton>
                </div>
              )}
              {u.signInLock && ((u.signInLock.lockedClients > 0 && u.signInLock.lockedUntil) || u.signInLock.accountLockedUntil) && (
                <div className="staff-meta" data-sign-in-lock>
                  {u.signInLock.lockedClients > 0 && u.signInLock.lockedUntil && (
                    <span className="staff-badge staff-badge--bad staff-badge--sentence">
                      {t.signInLocked(f.number(u.signInLock.lockedClients), f.dateTime(u.signInLock.lockedUntil))}
                    </span>
                  )}
                  {u.signInLock.accountLockedUntil && (
                    <span className="staff-badge staff-badge--bad staff-badge--sentence">
                      {t.accountLocked(f.dateTime(u.signInLock.accountLockedUntil))}
                    </span>
                  )}
                  <ActionButton action={liftSignInLock.bind(null, u.id)} small aria-label={`${t.liftLock}: ${u.displayName}`}>
                    {t.liftLock}
                  </ActionButton>
                </div>
              )}
              <details>
                <summary>{st.common.edit}</summary>
                <div className="staff-grid staff-grid--2">
                  <ActionForm
                    action={updateUser.bind(null, u.id)}
                    className="staff-form"
                    labels={labels}
                    fieldLabels={fieldLabels}
                    aria-label={`${st.common.edit}: ${u.displayName}`}
                  >
                    <div className="staff-fields">
                      <div className="staff-field">
                        <label htmlFor={`${u.id}-name`}>{t.displayName}</label>
                        <input id={`${u.id}-name`} name="displayName" required maxLength={200} defaultValue={u.displayName} dir="auto" />
                      </div>
                      <div className="staff-field">
                        <label htmlFor={`${u.id}-role`}>{t.role}</label>
                        <select id={`${u.id}-role`} name="role" defaultValue={u.role}>
                          {roles.map((r) => (
                            <option key={r} value={r}>
                              {st.roles[r]}
                            </option>
                          ))}
                        </select>
                      </div>
                    </div>
                    <label className="staff-check">
                      <input type="checkbox" name="active" defaultChecked={u.active} />
                      {t.active}
                    </label>
                    <SubmitRow small>{t.update}</SubmitRow>
                  </ActionForm>
                  <ActionForm
                    action={resetPassword.bind(null, u.id)}
                    className="staff-form"
                    labels={labels}
                    fieldLabels={fieldLabels}
                    aria-label={`${t.resetPassword}: ${u.displayName}`}
                  >
                    <div className="staff-field">
                      <label htmlFor={`${u.id}-password`}>{t.resetPassword}</label>
                      <input
                        id={`${u.id}-password`}
                        name="password"
                        type="password"
                        autoComplete="new-password"
                        minLength={12}
                        required
                        dir="ltr"
                      />
                    </div>
                    <SubmitRow variant="quiet" small>
                      {t.reset}
                    </SubmitRow>
                  </ActionForm>
                </div>
              </details>
            </li>
          ))}
        </ul>
        <NextPage base={base} pageInfo={staffUsers.pageInfo} label={st.common.next} />
      </div>
      <StaffSection headingId="new-user-title" title={t.newUser}>
        <ActionForm action={createUser} className="staff-form" labels={labels} fieldLabels={fieldLabels} aria-label={t.newUser}>
          <div className="staff-fields">
            <Field id="new-email" label={t.email}>
              <input id="new-email" name="email" type="email" required dir="ltr" autoComplete="off" />
            </Field>
            <Field id="new-name" label={t.displayName}>
              <input id="new-name" name="displayName" maxLength={200} dir="auto" />
            </Field>
            <Choice id="new-role" name="role" label={t.role} value="ANALYST" options={choicesOf(roles, st.roles)} />
            <Field id="new-password" label={t.password}>
              <input id="new-password" name="password" type="password" autoComplete="new-password" minLength={12} required dir="ltr" />
              <p className="staff-muted staff-small">{t.passwordChangeNote}</p>
            </Field>
          </div>
          <SubmitRow>{t.createUser}</SubmitRow>
        </ActionForm>
      </StaffSection>
    </>
  );
}
