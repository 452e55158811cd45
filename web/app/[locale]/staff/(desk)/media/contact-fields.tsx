import type { Locale } from '@/lib/i18n/locales';
import { staffText } from '@/lib/staff/i18n';
import { mediaText } from '@/lib/staff/media-text';
import { outletName } from './media.query';
import { fieldLabels } from '@/lib/staff/forms';
import type { RecordForm } from '@/components/staff/form-panel';

export interface ContactValues {
  name: string;
  role: string;
  outletId: string;
  phones: string[];
  email: string;
  beats: string[];
  language: string;
  notes: string;
}

export function contactFieldLabels(locale: Locale): Record<string, string> {
  const t = mediaText[locale];
  return fieldLabels(t, ['name', 'role', 'phones', 'email', 'beats', 'language', 'notes'], { outletId: t.outlet });
}

/** The languages a journalist writes in, as the contact list's filter and the contact's form offer them. */
export function contactLanguages(locale: Locale): { value: string; label: string }[] {
  const { persian, english } = staffText[locale].common;
  return [
    { value: 'fa', label: persian },
    { value: 'en', label: english },
  ];
}

export function ContactFields({
  locale,
  values,
  outlets,
  idPrefix,
}: {
  locale: Locale;
  values: ContactValues;
  outlets: { id: string; nameFa: string; nameEn: string | null }[];
  idPrefix: string;
}) {
  const t = mediaText[locale];
  const optional = <span className="staff-muted">{staffText[locale].common.optional}</span>;
  const id = (n: string) => `${idPrefix}-${n}`;
  const languages = contactLanguages(locale);
  return (
    <div className="staff-fields">
      <div className="staff-field">
        <label htmlFor={id('name')}>{t.name}</label>
        <input id={id('name')} name="name" required maxLength={200} defaultValue={values.name} dir="auto" />
      </div>
      <div className="staff-field">
        <label htmlFor={id('role')}>
          {t.role} {optional}
        </label>
        <input id={id('role')} name="role" maxLength={200} defaultValue={values.role} dir="auto" />
      </div>
      <div className="staff-field">
        <label htmlFor={id('outletId')}>{t.outlet}</label>
        <select id={id('outletId')} name="outletId" defaultValue={values.outletId}>
          <option value="">—</option>
          {outlets.map((o) => (
            <option key={o.id} value={o.id}>
              {outletName(o, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="staff-field">
        <label htmlFor={id('email')}>
          {t.email} {optional}
        </label>
        <input id={id('email')} name="email" type="email" dir="ltr" maxLength={320} defaultValue={values.email} />
      </div>
      <div className="staff-field">
        <label htmlFor={id('phones')}>
          {t.phones} {optional}
        </label>
        <textarea
          id={id('phones')}
          name="phones"
          dir="ltr"
          rows={3}
          defaultValue={values.phones.join('\n')}
          aria-describedby={id('phones-hint')}
        />
        <span className="staff-field__hint" id={id('phones-hint')}>
          {t.phonesHint}
        </span>
      </div>
      <div className="staff-field">
        <label htmlFor={id('beats')}>
          {t.beats} {optional}
        </label>
        <input id={id('beats')} name="beats" dir="auto" defaultValue={values.beats.join('، ')} aria-describedby={id('beats-hint')} />
        <span className="staff-field__hint" id={id('beats-hint')}>
          {t.beatsHint}
        </span>
      </div>
      <div className="staff-field">
        <label htmlFor={id('language')}>{t.language}</label>
        {/* A choice, as in the list's filter, not a code to type; a stored language not offered stays selectable. */}
        <select id={id('language')} name="language" defaultValue={values.language}>
          {values.language && !languages.some((l) => l.value === values.language) && (
            <option value={values.language}>{values.language}</option>
          )}
          {languages.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
      <div className="staff-field staff-field--wide">
        <label htmlFor={id('notes')}>
          {t.notes} {optional}
        </label>
        <textarea id={id('notes')} name="notes" maxLength={5000} defaultValue={values.notes} />
      </div>
    </div>
  );
}

/** A new contact writes in the page's language until told otherwise. */
export const contactForm: RecordForm<ContactValues, { outlets: { id: string; nameFa: string; nameEn: string | null }[] }> = {
  name: 'contact',
  Fields: ContactFields,
  labels: contactFieldLabels,
  newTexts: (locale) => ({ title: mediaText[locale].newContact, submit: mediaText[locale].addContact }),
  blank: (locale) => ({ name: '', role: '', outletId: '', phones: [], email: '', beats: [], language: locale, notes: '' }),
};
