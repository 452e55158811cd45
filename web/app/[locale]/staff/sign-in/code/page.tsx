import { AuthStep } from '@/components/staff/auth-step';
import { verifySecondFactor } from '@/lib/staff/security-actions';
import { securityText } from '@/lib/staff/security-text';
import { param } from '@/lib/staff/page';
import { requireStep, safeReturnPath } from '@/lib/staff/session';
import { localeParam } from '../../../locale-param';
import { staffPageMetadata } from '@/lib/staff/open-page';
import { Field } from '@/components/staff/fields';

export const generateMetadata = staffPageMetadata((locale) => securityText[locale].code.title);

/** The second step of signing in: a code of the authenticator app, or a recovery code. */
export default async function SignInCodePage({ params, searchParams }: PageProps<'/[locale]/staff/sign-in/code'>) {
  const locale = await localeParam(params);
  const next = safeReturnPath(param(await searchParams, 'next'));
  await requireStep('SECOND_FACTOR_REQUIRED', next);
  const t = securityText[locale].code;

  return (
    <AuthStep
      locale={locale}
      title={t.title}
      intro={t.intro}
      action={verifySecondFactor}
      hidden={{ next }}
      submit={t.submit}
      footer={<p className="staff-muted staff-small">{t.lostDevice}</p>}
    >
      <Field id="code" label={t.label}>
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
      </Field>
    </AuthStep>
  );
}
