import { AuthStep, PasswordField } from '@/components/staff/auth-step';
import { setPasswordWithToken } from '@/lib/staff/auth-actions';
import { staffText } from '@/lib/staff/i18n';
import { param } from '@/lib/staff/page';
import { localeParam } from '../../locale-param';
import { staffPageMetadata } from '@/lib/staff/open-page';

export const generateMetadata = staffPageMetadata((locale) => staffText[locale].setPassword.title);

/** Where a one-time link (from `npm run admin:create`) lands: choose the account's password. */
export default async function SetPasswordPage({ params, searchParams }: PageProps<'/[locale]/staff/set-password'>) {
  const locale = await localeParam(params);
  const query = await searchParams;
  const t = staffText[locale].setPassword;
  const token = param(query, 'token') ?? '';

  return (
    <AuthStep locale={locale} title={t.title} intro={t.intro} action={setPasswordWithToken} hidden={{ token }} submit={t.submit}>
      <PasswordField id="password" name="password" label={t.password} />
    </AuthStep>
  );
}
