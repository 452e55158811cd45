import type { ReactNode } from 'react';
import { locales, type Locale } from '@/lib/i18n/locales';
import { currentRoute } from '@/lib/i18n/request';
import { localePath } from '@/lib/i18n/routing';
import type { FormState } from '@/lib/staff/forms';
import { formLabels, staffText } from '@/lib/staff/i18n';
import { ActionForm } from './action-form';
import { SubmitRow } from './buttons';

/** What the API accepts as a staff password (server: MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH). */
export const PASSWORD_LENGTH = { min: 12, max: 200 } as const;

/**
 * One step of signing in or of setting a password, on its own panel: title, intro, any notices,
 * one form (hidden values, the fields, the submit button), and a closing word. Above it, the way
 * back to the public site and the same step in the other language (the desk's bar is not there yet).
 */
export async function AuthStep({
  locale,
  title,
  intro,
  action,
  hidden,
  submit,
  fieldLabels,
  notices,
  footer,
  children,
}: {
  locale: Locale;
  title: string;
  intro: string;
  action: (state: FormState, form: FormData) => Promise<FormState>;
  hidden: Record<string, string | undefined>;
  submit: string;
  fieldLabels?: Record<string, string>;
  notices?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const { path, search } = await currentRoute();
  const t = staffText[locale];
  const otherLocale = locales.find((l) => l !== locale) ?? locale;
  return (
    <div className="staff staff-auth">
      <p className="staff-auth__links">
        <a href={localePath(locale, '/')}>{t.publicSite}</a>
        <a href={localePath(otherLocale, path) + search} lang={otherLocale} hrefLang={otherLocale}>
          {t.languageSwitch}
        </a>
      </p>
      <div className="staff-panel">
        <h1>{title}</h1>
        <p className="staff-muted">{intro}</p>
        {notices}
        <ActionForm action={action} className="staff-form" labels={formLabels(locale)} fieldLabels={fieldLabels} aria-label={title}>
          {Object.entries(hidden).map(
            ([name, value]) => value !== undefined && <input key={name} type="hidden" name={name} value={value} />,
          )}
          {children}
          <SubmitRow>{submit}</SubmitRow>
        </ActionForm>
        {footer}
      </div>
    </div>
  );
}

/** A password field: a new one (12 to 200 characters, as the API requires) or the current one. */
export function PasswordField({ id, name, label, current }: { id: string; name: string; label: string; current?: boolean }) {
  return (
    <div className="staff-field">
      <label htmlFor={id}>{label}</label>
      {current ? (
        <input id={id} name={name} type="password" autoComplete="current-password" required dir="ltr" />
      ) : (
        <input
          id={id}
          name={name}
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_LENGTH.min}
          maxLength={PASSWORD_LENGTH.max}
          required
          dir="ltr"
        />
      )}
    </div>
  );
}
