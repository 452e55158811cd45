import { formatDayWithWeekday, isoDay } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { locales, type Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { BrandMark } from './brand-mark';

interface SiteHeaderProps {
  locale: Locale;
  /** The current page's path without its locale prefix, e.g. "/goals". */
  path: string;
  /** The current page's query string ("?q=park" or ""), kept by the language switch. */
  search: string;
}

export const navItems = [
  { path: '/', key: 'home' },
  { path: '/goals', key: 'goals' },
  { path: '/polls', key: 'polls' },
  // An event's page (/events/…) belongs to the calendar.
  { path: '/calendar', key: 'calendar', section: '/events' },
  { path: '/news', key: 'news' },
  { path: '/districts', key: 'districts' },
  { path: '/search', key: 'search' },
] as const;

/** "page" on the item's own page, "true" inside its section (a poll under Polls). */
function current(item: (typeof navItems)[number], path: string): 'page' | 'true' | undefined {
  if (item.path === path) return 'page';
  const sections = [item.path, 'section' in item ? item.section : null].filter((s) => s && s !== '/');
  return sections.some((section) => path.startsWith(`${section}/`)) ? 'true' : undefined;
}

// Plain links rather than next/link: every page is rendered on the server per request,
// so client-side navigation would add JavaScript for little gain.
export function SiteHeader({ locale, path, search }: SiteHeaderProps) {
  const t = getDictionary(locale);
  const otherLocale = locales.find((l) => l !== locale) ?? locale;
  const today = new Date();

  return (
    <header className="site-header">
      <div className="container site-header__top">
        <a className="brand" href={localePath(locale, '/')}>
          <BrandMark />
          <span className="brand__text">
            <span className="brand__name">{t.brand}</span>
            <span className="brand__tagline">{t.siteTagline}</span>
          </span>
        </a>
        <a className="language-switch" href={localePath(otherLocale, path) + search} lang={otherLocale} hrefLang={otherLocale}>
          {t.languageSwitch}
        </a>
      </div>
      <div className="site-header__bottom">
        <div className="container site-header__bottom-inner">
          <nav aria-label={t.nav.label}>
            <ul className="nav-list">
              {navItems.map((item) => (
                <li key={item.key}>
                  <a href={localePath(locale, item.path)} aria-current={current(item, path)}>
                    {t.nav[item.key]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <p className="today">
            {t.today}: <time dateTime={isoDay(today)}>{formatDayWithWeekday(today, locale)}</time>
          </p>
        </div>
      </div>
    </header>
  );
}
