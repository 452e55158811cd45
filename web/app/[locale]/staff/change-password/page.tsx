import type { Metadata } from 'next';
import { ActionForm } from '@/components/staff/action-form';
import { changePassword } from '@/lib/staff/security-actions';
import { securityText } from '@/lib/staff/security-text';
import { formLabels } from '@/lib/staff/i18n';
import { param, staffMetadata } from '@/lib/staff/page';
import { requireStep, safeReturnPath } from '@/lib/staff/session';
import { localeParam } from '../../locale-param';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/change-password'>): Promise<Metadata> {
  const locale = await localeParam(params);
  return staffMetadata(locale, securityText[locale].changePassword.title);
}

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
    <div className="staff staff-auth">
      <div className="staff-panel">
        <h1>{t.title}</h1>
        <p className="staff-muted">{access.pending ? t.requiredIntro : t.intro}</p>
        <ActionForm
          action={changePassword}
          className="staff-form"
          labels={formLabels(locale)}
          fieldLabels={fieldLabels}
          aria-label={t.title}
        >
          <input type="hidden" name="next" value={next} />
          {!access.pending && <input type="hidden" name="from" value="account" />}
          {!access.pending && (
            <div className="staff-field">
              <label htmlFor="current-password">{t.current}</label>
              <input id="current-password" name="currentPassword" type="password" autoComplete="current-password" required dir="ltr" />
            </div>
          )}
          <div className="staff-field">
            <label htmlFor="new-password">{t.next}</label>
            <input
              id="new-password"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              minLength={12}
              maxLength={200}
              required
              dir="ltr"
            />
          </div>
          <div className="staff-field">
            <label htmlFor="confirm-password">{t.confirm}</label>
            <input
              id="confirm-password"
              name="confirmPassword"
              type="password"
              autoComplete="new-password"
              minLength={12}
              maxLength={200}
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
