import type { Locale } from '@/lib/i18n/locales';
import { adminText } from '@/lib/staff/admin-text';
import { SectionNav } from '@/components/staff/section-nav';

const ITEMS = [
  ['users', '/staff/admin'],
  ['districts', '/staff/admin/districts'],
  ['apiKeys', '/staff/admin/api-keys'],
  ['audit', '/staff/admin/audit'],
] as const;

export function AdminNav({ locale, current }: { locale: Locale; current: (typeof ITEMS)[number][0] }) {
  const t = adminText[locale];
  return <SectionNav locale={locale} label={t.navLabel} items={ITEMS} names={t.nav} current={current} />;
}
