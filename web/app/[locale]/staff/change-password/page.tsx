import { AuthStep, PasswordField } from '@/components/staff/auth-step';
import { changePassword } from '@/lib/staff/security-actions';
import { securityText } from '@/lib/staff/security-text';
import { param } from '@/lib/staff/page';
import { requireStep, safeReturnPath } from '@/lib/staff/session';
import { localeParam } from '../../locale-param';
import { staffPageMetadata } from '@/lib/staff/open-page';

export const generateMetadata = staffPageMetadata((locale) => securityText[locale].changePassword.title);

/**
 * A new password: the step of signing in after an administrator chose the password (nothing else
 * works until it is done), or a signed-in person's own change from the account page.
 */
export default async function ChangePasswordPage({ params, searchParams }: PageProps<'/[locale]/staff/change-password'>) {
  const locale = await localeParam(params);
  const query = await searchParams;
  const next = safeReturnPath(param(query, 'next'));
  const access = await requireStep('PASSWORD_CHANGE_REQUIRED', next, { signedInToo: true });
  const t = securityText[locale].changePassword;
  const fieldLabels = { currentPassword: t.current, newPassword: t.next };

  return (
    <AuthStep
      locale={locale}
      title={t.title}
      intro={access.pending ? t.requiredIntro : t.intro}
      action={changePassword}
      hidden={{ next, from: access.pending ? undefined : 'account' }}
      submit={t.submit}
      fieldLabels={fieldLabels}
    >
      {!access.pending && <PasswordField id="current-password" name="currentPassword" label={t.current} current />}
      <PasswordField id="new-password" name="newPassword" label={t.next} />
      <PasswordField id="confirm-password" name="confirmPassword" label={t.confirm} />
    </AuthStep>
  );
}
