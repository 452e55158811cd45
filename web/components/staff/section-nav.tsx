import type { Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';

// The row of links between a section's pages (admin, media, events): the current page is marked
// for assistive technology and drawn as the solid button, the others as quiet ones.

interface SectionNavProps<K extends string> {
  locale: Locale;
  /** The navigation landmark's name. */
  label: string;
  /** Each page's key and path (without the locale), in order. */
  items: readonly (readonly [K, string])[];
  /** The link texts, by key. */
  names: Record<K, string>;
  current: K;
}

export function SectionNav<K extends string>({ locale, label, items, names, current }: SectionNavProps<K>) {
  return (
    <nav aria-label={label} className="staff-actions">
      {items.map(([key, path]) => (
        <a
          key={key}
          href={localePath(locale, path)}
          aria-current={key === current ? 'page' : undefined}
          className={`staff-button staff-button--small ${key === current ? '' : 'staff-button--quiet'}`}
        >
          {names[key]}
        </a>
      ))}
    </nav>
  );
}
