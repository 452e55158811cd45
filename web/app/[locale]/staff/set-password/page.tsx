import type { Metadata } from 'next';
import { ActionForm } from '@/components/staff/action-form';
import { setPasswordWithToken } from '@/lib/staff/auth-actions';
import { formLabels, staffText } from '@/lib/staff/i18n';
import { param, staffMetadata } from '@/lib/staff/page';
import { localeParam } from '../../locale-param';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/set-password'>): Promise<Metadata> {
  const locale = await localeParam(params);
  return staffMetadata(locale, staffText[locale].setPassword.title);
}

/** Where a one-time link (from `npm run admin:create`) lands: choose the account's password. */
export default async function SetPasswordPage({ params, searchParams }: PageProps<'/[locale]/staff/set-password'>) {
  const locale = await localeParam(params);
  const query = await searchParams;
  const t = staffText[locale].setPassword;
  const token = param(query, 'token') ?? '';

  return (
    <div className="staff staff-auth">
      <div className="staff-panel">
        <h1>{t.title}</h1>
        <p className="staff-muted">{t.intro}</p>
        <ActionForm action={setPasswordWithToken} className="staff-form" labels={formLabels(locale)} aria-label={t.title}>
          <input type="hidden" name="token" value={token} />
          <div className="staff-field">
            <label htmlFor="password">{t.password}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={12}
              maxLength={256}
              required
              dir="ltr"
            />
          </div>
          <div>
            <button type="submit" className="staff-button">
              {t.submit}
            </button>
          </div>
        </ActionForm>
      </div>
    </div>
  );
}
