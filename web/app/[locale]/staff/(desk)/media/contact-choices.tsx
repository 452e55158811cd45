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
            // The name and outlet one block beside the box: as two flex items beside it they squeezed
            // the box and broke the name a word a line on a phone. No outlet, no "(—)".
            <label key={contact.id} className="staff-check">
              <input type="checkbox" name="contactIds" value={contact.id} />
              <span>
                <bdi>{contact.name}</bdi>
                {contact.outlet && <span className="staff-muted staff-small"> ({outletName(contact.outlet, locale)})</span>}
              </span>
            </label>
          ))}
      </div>
    </fieldset>
  );
}
