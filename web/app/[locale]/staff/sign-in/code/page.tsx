import type { Metadata } from 'next';
import { ActionForm } from '@/components/staff/action-form';
import { verifySecondFactor } from '@/lib/staff/security-actions';
import { securityText } from '@/lib/staff/security-text';
import { formLabels } from '@/lib/staff/i18n';
import { param, staffMetadata } from '@/lib/staff/page';
import { requireStep, safeReturnPath } from '@/lib/staff/session';
import { localeParam } from '../../../locale-param';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/sign-in/code'>): Promise<Metadata> {
  const locale = await localeParam(params);
  return staffMetadata(locale, securityText[locale].code.title);
}

/** The second step of signing in: a code of the authenticator app, or a recovery code. */
export default async function SignInCodePage({ params, searchParams }: PageProps<'/[locale]/staff/sign-in/code'>) {
  const locale = await localeParam(params);
  const next = safeReturnPath(param(await searchParams, 'next'));
  await requireStep('SECOND_FACTOR_REQUIRED', next);
  const t = securityText[locale].code;

  return (
    <div className="staff staff-auth">
      <div className="staff-panel">
        <h1>{t.title}</h1>
        <p className="staff-muted">{t.intro}</p>
        <ActionForm action={verifySecondFactor} className="staff-form" labels={formLabels(locale)} aria-label={t.title}>
          <input type="hidden" name="next" value={next} />
          <div className="staff-field">
            <label htmlFor="code">{t.label}</label>
            <input
              id="code"
              name="code"
              autoComplete="one-time-code"
              inputMode="text"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={32}
              required
              autoFocus
              dir="ltr"
            />
          </div>
          <div>
            <button type="submit" className="staff-button">
              {t.submit}
            </button>
          </div>
        </ActionForm>
        <p className="staff-muted staff-small">{t.lostDevice}</p>
      </div>
    </div>
  );
}
