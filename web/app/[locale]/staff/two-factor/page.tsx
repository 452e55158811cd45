import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { enrolSecondFactor, finishEnrolment } from '@/lib/staff/security-actions';
import { securityText } from '@/lib/staff/security-text';
import { param } from '@/lib/staff/page';
import { requireStep, safeReturnPath } from '@/lib/staff/session';
import { localeParam } from '../../locale-param';
import { EnrolForm } from './enrol-form';
import type { StaffSecondFactorStatusQuery, StaffSecondFactorStatusQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { staffPageMetadata } from '@/lib/staff/open-page';

const STATUS_QUERY: Operation<StaffSecondFactorStatusQuery, StaffSecondFactorStatusQueryVariables> = /* GraphQL */ `
  query StaffSecondFactorStatus {
    me {
      id
      secondFactorEnabled
    }
  }
`;

export const generateMetadata = staffPageMetadata((locale) => securityText[locale].enrol.title);

/**
 * Enrolling a second factor: the step of signing in for an admin who must have one and has none,
 * or a signed-in person turning it on from the account page.
 */
export default async function TwoFactorPage({ params, searchParams }: PageProps<'/[locale]/staff/two-factor'>) {
  const locale = await localeParam(params);
  const next = safeReturnPath(param(await searchParams, 'next'));
  const access = await requireStep('SECOND_FACTOR_ENROLMENT_REQUIRED', next, { signedInToo: true });
  const t = securityText[locale].enrol;
  const enabled = access.pending ? false : ((await staffQuery(STATUS_QUERY)).me?.secondFactorEnabled ?? false);
  const after = access.pending ? next : '/staff/account';

  return (
    <div className="staff staff-auth">
      <div className="staff-panel">
        <h1>{t.title}</h1>
        <p className="staff-muted">{access.pending ? t.requiredIntro : t.intro}</p>
        <EnrolForm
          enrol={enrolSecondFactor}
          finish={finishEnrolment}
          next={after}
          enabled={Boolean(enabled)}
          text={{
            already: t.already,
            accountHref: localePath(locale, '/staff/account'),
            accountLabel: securityText[locale].account.title,
            start: t.start,
            step1: t.step1,
            qrAlt: t.qrAlt,
            manual: t.manual,
            account: t.account,
            step2: t.step2,
            code: t.code,
            confirm: t.confirm,
            codesTitle: t.codesTitle,
            codesIntro: t.codesIntro,
            saved: t.saved,
            continue: t.continue,
          }}
        />
      </div>
    </div>
  );
}
