import { AuthStep, PasswordField } from '@/components/staff/auth-step';
import { signIn } from '@/lib/staff/auth-actions';
import { staffText } from '@/lib/staff/i18n';
import { param } from '@/lib/staff/page';
import { currentViewer, safeReturnPath } from '@/lib/staff/session';
import { localePath } from '@/lib/i18n/routing';
import { redirect } from 'next/navigation';
import { localeParam } from '../../locale-param';
import { staffPageMetadata } from '@/lib/staff/open-page';
import { Field } from '@/components/staff/fields';

export const generateMetadata = staffPageMetadata((locale) => staffText[locale].signIn.title);

export default async function SignInPage({ params, searchParams }: PageProps<'/[locale]/staff/sign-in'>) {
  const locale = await localeParam(params);
  const query = await searchParams;
  const t = staffText[locale];
  const next = safeReturnPath(param(query, 'next'));
  const expired = param(query, 'expired') === '1';

  // Someone already signed in goes straight on.
  const me = await currentViewer();
  if (me.viewer && !expired) redirect(localePath(locale, next));

  return (
    <AuthStep
      locale={locale}
      title={t.signIn.title}
      intro={t.signIn.intro}
      action={signIn}
      hidden={{ next }}
      submit={t.signIn.submit}
      notices={
        <>
          {expired && (
            <div className="staff-alert staff-alert--warn" role="status">
              <p>{t.signIn.expired}</p>
            </div>
          )}
          {param(query, 'passwordSet') === '1' && (
            <div className="staff-alert staff-alert--ok" role="status">
              <p>{t.setPassword.done}</p>
            </div>
          )}
          {param(query, 'signedOut') === '1' && (
            <div className="staff-alert staff-alert--ok" role="status">
              <p>{t.signIn.signedOut}</p>
            </div>
          )}
        </>
      }
    >
      <Field id="email" label={t.signIn.email}>
        <input id="email" name="email" type="email" autoComplete="username" required dir="ltr" />
      </Field>
      <PasswordField id="password" name="password" label={t.signIn.password} current />
    </AuthStep>
  );
}
