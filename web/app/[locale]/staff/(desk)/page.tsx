import type { Metadata } from "next";
import { localePath } from "@/lib/i18n/routing";
import { staffText } from "@/lib/staff/i18n";
import { staffMetadata } from "@/lib/staff/page";
import { canUse, navSections, sectionPath } from "@/lib/staff/roles";
import { requireSection } from "@/lib/staff/session";
import { localeParam } from "../../locale-param";

export async function generateMetadata({ params }: PageProps<"/[locale]/staff">): Promise<Metadata> {
  const locale = await localeParam(params);
  return staffMetadata(locale, staffText[locale].nav.home);
}

export default async function StaffHome({ params }: PageProps<"/[locale]/staff">) {
  const locale = await localeParam(params);
  const t = staffText[locale];
  const viewer = await requireSection("home");
  const sections = navSections.filter((s) => s !== "home" && canUse(viewer.role, s));

  return (
    <>
      <header className="staff-header">
        <h1>{t.home.title(viewer.displayName)}</h1>
        <p>{t.home.intro}</p>
      </header>
      <ul className="staff-grid" aria-label={t.navLabel}>
        {sections.map((section) => (
          <li key={section} className="staff-panel" style={{ listStyle: "none" }}>
            <h2 className="staff-card-title">
              <a href={localePath(locale, sectionPath[section])}>{t.nav[section]}</a>
            </h2>
            <p className="staff-muted staff-small">{t.home.describe[section]}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
