import type { Metadata } from "next";
import localFont from "next/font/local";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getDictionary } from "@/lib/i18n/dictionaries";
import { direction } from "@/lib/i18n/locales";
import { currentRoute } from "@/lib/i18n/request";
import { localeParam } from "./locale-param";
import "../globals.css";

// Self-hosted (copied from the vazirmatn package): one variable file covers every weight.
const vazirmatn = localFont({
  src: "../fonts/Vazirmatn-Variable.woff2",
  weight: "100 900",
  display: "swap",
  variable: "--font-vazirmatn",
});

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const t = getDictionary(await localeParam(params));
  return {
    title: { default: t.siteName, template: `%s | ${t.siteName}` },
    description: t.metaDescription,
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const { path } = await currentRoute();

  return (
    <html lang={locale} dir={direction[locale]} className={vazirmatn.variable}>
      <body>
        <a className="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <SiteHeader locale={locale} path={path} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
