import type { Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { adminText } from '@/lib/staff/admin-text';

export function AdminNav({ locale, current }: { locale: Locale; current: 'users' | 'districts' | 'apiKeys' | 'audit' }) {
  const t = adminText[locale];
  const items = [
    ['users', '/staff/admin'],
    ['districts', '/staff/admin/districts'],
    ['apiKeys', '/staff/admin/api-keys'],
    ['audit', '/staff/admin/audit'],
  ] as const;
  return (
    <nav aria-label={t.navLabel} className="staff-actions">
      {items.map(([key, path]) => (
        <a
          key={key}
          href={localePath(locale, path)}
          aria-current={key === current ? 'page' : undefined}
          className={`staff-button staff-button--small ${key === current ? '' : 'staff-button--quiet'}`}
        >
          {t.nav[key]}
        </a>
      ))}
    </nav>
  );
}
