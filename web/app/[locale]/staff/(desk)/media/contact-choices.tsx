import type { Locale } from '@/lib/i18n/locales';
import { mediaText } from '@/lib/staff/media-text';
import { outletName } from './media.query';

interface ContactChoice {
  id: string;
  name: string;
  outlet: Parameters<typeof outletName>[0];
}

/** The media contacts to tick for a mailing or an invitation (`contactIds`), with each one's outlet. */
export function ContactChoices({ locale, contacts, exclude }: { locale: Locale; contacts: ContactChoice[]; exclude?: Set<string> }) {
  const t = mediaText[locale];
  return (
    <fieldset className="staff-fieldset">
      <legend>{t.contactsToInvite}</legend>
      <div className="staff-checks">
        {contacts
          .filter((contact) => !exclude?.has(contact.id))
          .map((contact) => (
            <label key={contact.id} className="staff-check">
              <input type="checkbox" name="contactIds" value={contact.id} />
              {contact.name} <span className="staff-muted staff-small">({outletName(contact.outlet, locale)})</span>
            </label>
          ))}
      </div>
    </fieldset>
  );
}
