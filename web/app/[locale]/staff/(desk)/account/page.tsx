import { ActionForm } from '@/components/staff/action-form';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { staffFormat } from '@/lib/staff/format';
import { formLabels, staffText } from '@/lib/staff/i18n';
import { param } from '@/lib/staff/page';
import { disableSecondFactor, regenerateRecoveryCodes } from '@/lib/staff/security-actions';
import { securityText } from '@/lib/staff/security-text';
import { requireStaff, sessionEnded } from '@/lib/staff/session';
import { localeParam } from '../../../locale-param';
import type { StaffAccountQuery, StaffAccountQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { StaffHeader } from '@/components/staff/header';
import { staffPageMetadata } from '@/lib/staff/open-page';
import { Field } from '@/components/staff/fields';
import { StaffSection } from '@/components/staff/section';
import { SubmitRow } from '@/components/staff/buttons';

const ACCOUNT_QUERY: Operation<StaffAccountQuery, StaffAccountQueryVariables> = /* GraphQL */ `
  query StaffAccount {
    me {
      id
      email
      displayName
      role
      secondFactorEnabled
      secondFactorRequired
      recoveryCodesLeft
    }
  }
`;

export const generateMetadata = staffPageMetadata((locale) => securityText[locale].account.title);

/** The signed-in person's own security: password, second factor on or off, new recovery codes. */
export default async function AccountPage({ params, searchParams }: PageProps<'/[locale]/staff/account'>) {
  const locale = await localeParam(params);
  await requireStaff();
  const query = await searchParams;
  const { me } = await staffQuery(ACCOUNT_QUERY);
  // A signed-in staff page always has a viewer; without one the session ended.
  if (!me) return sessionEnded(true);
  const t = securityText[locale].account;
  const st = staffText[locale];
  const f = staffFormat(locale);
  const labels = formLabels(locale);
  const done = param(query, 'done');

  return (
    <>
      <StaffHeader title={t.title} intro={t.intro} />
      {done && (
        <div className="staff-alert staff-alert--ok" role="status">
          <p>{done === 'password' ? securityText[locale].changePassword.done : done === 'disabled' ? t.disabled : ''}</p>
        </div>
      )}
      <StaffSection headingId="account-who" title={me.displayName}>
        <p className="staff-meta">
          <bdi dir="ltr">{me.email}</bdi>
          <span className="staff-badge staff-badge--info">{st.roles[me.role]}</span>
        </p>
        <p>
          <a className="staff-button staff-button--quiet staff-button--small" href={localePath(locale, '/staff/change-password')}>
            {t.changePassword}
          </a>
        </p>
      </StaffSection>
      <section className="staff-panel" aria-labelledby="account-2fa" data-two-factor={me.secondFactorEnabled ? 'on' : 'off'}>
        <div className="staff-panel__head">
          <h2 id="account-2fa">{t.twoFactor}</h2>
          <span className={`staff-badge ${me.secondFactorEnabled ? 'staff-badge--ok' : 'staff-badge--bad'}`}>
            {me.secondFactorEnabled ? t.on : t.off}
          </span>
        </div>
        {me.secondFactorRequired && <p className="staff-muted">{t.requiredNote}</p>}
        {!me.secondFactorEnabled && (
          <p>
            <a className="staff-button" href={localePath(locale, '/staff/two-factor')}>
              {t.enable}
            </a>
          </p>
        )}
        {me.secondFactorEnabled && (
          <>
            <p>{t.codesLeft(f.number(me.recoveryCodesLeft ?? 0))}</p>
            <div className="staff-grid staff-grid--2">
              <ActionForm action={regenerateRecoveryCodes} className="staff-form" labels={labels} aria-label={t.regenerate}>
                <p className="staff-muted staff-small">{t.regenerateHint}</p>
                <Field id="regenerate-code" label={t.code}>
                  <input id="regenerate-code" name="code" autoComplete="one-time-code" maxLength={32} required dir="ltr" />
                </Field>
                <SubmitRow small>{t.regenerate}</SubmitRow>
              </ActionForm>
              {!me.secondFactorRequired && (
                <ActionForm action={disableSecondFactor} className="staff-form" labels={labels} aria-label={t.disable}>
                  <p className="staff-muted staff-small">{t.disableHint}</p>
                  <Field id="disable-code" label={t.code}>
                    <input id="disable-code" name="code" autoComplete="one-time-code" maxLength={32} required dir="ltr" />
                  </Field>
                  <SubmitRow variant="quiet" small>
                    {t.disable}
                  </SubmitRow>
                </ActionForm>
              )}
            </div>
          </>
        )}
      </section>
    </>
  );
}
