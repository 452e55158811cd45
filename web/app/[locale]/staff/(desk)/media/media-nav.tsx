import type { Locale } from '@/lib/i18n/locales';
import { SectionNav } from '@/components/staff/section-nav';
import { mediaText } from '@/lib/staff/media-text';
import { staffText } from '@/lib/staff/i18n';
import { param } from '@/lib/staff/page';

const ITEMS = [
  ['contacts', '/staff/media'],
  ['outlets', '/staff/media/outlets'],
  ['followUps', '/staff/media/follow-ups'],
  ['releases', '/staff/media/releases'],
  ['coverage', '/staff/media/coverage'],
  ['invitations', '/staff/media/invitations'],
] as const;

export function MediaNav({ locale, current }: { locale: Locale; current: (typeof ITEMS)[number][0] }) {
  const t = mediaText[locale];
  return <SectionNav locale={locale} label={t.navLabel} items={ITEMS} names={t.nav} current={current} />;
}

/** The "done" and "error" notes that the staff actions send back in the address. */
export function ActionNotice({
  locale,
  query = {},
  done = param(query, 'done'),
  error = param(query, 'error'),
  messages,
}: {
  locale: Locale;
  /** The page's query, where the notes are read from unless given. */
  query?: Record<string, string | string[] | undefined>;
  done?: string;
  error?: string;
  messages: Record<string, string>;
}) {
  const st = staffText[locale];
  if (error)
    return (
      <div className="staff-alert staff-alert--error" role="alert">
        <p>{st.errors[error] ?? st.reasons[error] ?? st.errors.UNKNOWN}</p>
      </div>
    );
  if (done && messages[done])
    return (
      <div className="staff-alert staff-alert--ok" role="status">
        <p>{messages[done]}</p>
      </div>
    );
  return null;
}
