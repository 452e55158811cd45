import { formatYear } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { BrandMark } from './brand-mark';
import { navItems } from './site-header';
import { SiteStats, type SiteStatsFields } from './site-stats';

interface SiteFooterProps {
  locale: Locale;
  /** The visit counters; null when the API could not give them (the footer shows without). */
  stats: SiteStatsFields | null;
}

export function SiteFooter({ locale, stats }: SiteFooterProps) {
  const t = getDictionary(locale);
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <div className="site-footer__about">
          <p className="site-footer__brand">
            <BrandMark />
            <span>{t.siteName}</span>
          </p>
          <p>{t.footer.about}</p>
        </div>
        <nav className="site-footer__nav" aria-label={t.footer.links}>
          <ul>
            {navItems.map((item) => (
              <li key={item.key}>
                <a href={localePath(locale, item.path)}>{t.nav[item.key]}</a>
              </li>
            ))}
          </ul>
        </nav>
        {stats && <SiteStats stats={stats} locale={locale} />}
        <p className="site-footer__rights">{t.footer.rights(formatYear(new Date(), locale))}</p>
      </div>
    </footer>
  );
}
