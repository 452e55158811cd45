import type { Metadata } from 'next';
import { ActionForm } from '@/components/staff/action-form';
import { signIn } from '@/lib/staff/auth-actions';
import { formLabels, staffText } from '@/lib/staff/i18n';
import { param, staffMetadata } from '@/lib/staff/page';
import { currentViewer, safeReturnPath } from '@/lib/staff/session';
import { localePath } from '@/lib/i18n/routing';
import { redirect } from 'next/navigation';
import { localeParam } from '../../locale-param';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/sign-in'>): Promise<Metadata> {
  const locale = await localeParam(params);
  return staffMetadata(locale, staffText[locale].signIn.title);
}

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
    <div className="staff staff-auth">
      <div className="staff-panel">
        <h1>{t.signIn.title}</h1>
        <p className="staff-muted">{t.signIn.intro}</p>
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
        <ActionForm action={signIn} className="staff-form" labels={formLabels(locale)} aria-label={t.signIn.title}>
          <input type="hidden" name="next" value={next} />
          <div className="staff-field">
            <label htmlFor="email">{t.signIn.email}</label>
            <input id="email" name="email" type="email" autoComplete="username" required dir="ltr" />
          </div>
          <div className="staff-field">
            <label htmlFor="password">{t.signIn.password}</label>
            <input id="password" name="password" type="password" autoComplete="current-password" required dir="ltr" />
          </div>
          <div>
            <button type="submit" className="staff-button">
              {t.signIn.submit}
            </button>
          </div>
        </ActionForm>
      </div>
    </div>
  );
}
