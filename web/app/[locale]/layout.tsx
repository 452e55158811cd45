import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import { PageViewBeacon } from '@/components/page-view-beacon';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { direction } from '@/lib/i18n/locales';
import { currentRoute } from '@/lib/i18n/request';
import { pageMetadata } from '@/lib/metadata';
import { loadSiteStats } from '@/lib/site-stats';
import { localeParam } from './locale-param';
import '../globals.css';

// Self-hosted (copied from the vazirmatn package): one variable file covers every weight. The
// "Non-Latin" build (48 KB rather than 111 KB) has the Persian letters and digits only; Latin
// text falls back to the system's own sans-serif, which suits it as well.
// Not preloaded, and used only if it is at hand when the page is first laid out ('optional'): on a
// slow first visit the page shows at once in the phone's own Persian font and never reflows when
// the file arrives; the file is cached by then, so the next page has it.
const vazirmatn = localFont({
  src: '../fonts/Vazirmatn-NL-Variable.woff2',
  weight: '100 900',
  display: 'optional',
  preload: false,
  variable: '--font-vazirmatn',
});

export const viewport: Viewport = {
  themeColor: '#0b5560',
};

// The defaults (the home page's); every other page sets its own through pageMetadata.
export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  return pageMetadata(await localeParam(params));
}

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const { path, search } = await currentRoute();
  // The staff area has its own navigation; its visits are not the public's page views.
  const staff = path === '/staff' || path.startsWith('/staff/');
  const stats = staff ? null : await loadSiteStats();

  return (
    <html lang={locale} dir={direction[locale]} className={vazirmatn.variable}>
      <body>
        <a className="skip-link" href="#main">
          {t.skipToContent}
        </a>
        {staff ? null : <SiteHeader locale={locale} path={path} search={search} />}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        {staff ? null : <SiteFooter locale={locale} stats={stats} />}
        {staff ? null : <PageViewBeacon />}
      </body>
    </html>
  );
}
