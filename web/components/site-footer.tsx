import { formatYear } from "@/lib/format";
import { getDictionary } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locales";
import { BrandMark } from "./brand-mark";

export function SiteFooter({ locale }: { locale: Locale }) {
  const t = getDictionary(locale);
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p className="site-footer__brand">
          <BrandMark />
          <span>{t.siteName}</span>
        </p>
        <p>{t.footer.about}</p>
        <p className="site-footer__rights">{t.footer.rights(formatYear(new Date(), locale))}</p>
      </div>
    </footer>
  );
}
