import { locales } from '@/lib/i18n/locales';
import { currentRoute } from '@/lib/i18n/request';
import { localePath } from '@/lib/i18n/routing';
import { signOut } from '@/lib/staff/auth-actions';
import { staffText } from '@/lib/staff/i18n';
import { canUse, navSections, sectionPath } from '@/lib/staff/roles';
import { requireStaff } from '@/lib/staff/session';
import { localeParam } from '../../locale-param';
import { ActionButton } from '@/components/staff/buttons';

/** "page" on a section's own page, "true" anywhere inside it. */
function current(sectionHref: string, path: string): 'page' | 'true' | undefined {
  if (path === sectionHref) return 'page';
  return sectionHref !== '/staff' && path.startsWith(`${sectionHref}/`) ? 'true' : undefined;
}

// Everything in here needs a staff session: no session, or one the API no longer accepts, goes to
// the sign-in page. Each page also checks the role for its own section.
export default async function DeskLayout({ children, params }: LayoutProps<'/[locale]/staff'>) {
  const locale = await localeParam(params);
  const t = staffText[locale];
  const viewer = await requireStaff();
  const { path, search } = await currentRoute();
  const otherLocale = locales.find((l) => l !== locale) ?? locale;

  return (
    <div className="staff staff--desk">
      <nav className="staff-nav" aria-label={t.navLabel}>
        <p className="staff-nav__title">{t.area}</p>
        <ul>
          {navSections
            .filter((section) => canUse(viewer.role, section))
            .map((section) => (
              <li key={section}>
                <a href={localePath(locale, sectionPath[section])} aria-current={current(sectionPath[section], path)}>
                  {t.nav[section]}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      <div className="staff-main">
        <div className="staff-bar">
          <p className="staff-bar__who">
            <a href={localePath(locale, '/staff/account')} aria-current={path === '/staff/account' ? 'page' : undefined} title={t.account}>
              {t.signedInAs(viewer.displayName, t.roles[viewer.role])}
            </a>
          </p>
          <div className="staff-bar__tools">
            <a href={localePath(otherLocale, path) + search} lang={otherLocale} hrefLang={otherLocale}>
              {t.languageSwitch}
            </a>
            <ActionButton action={signOut} variant="quiet" small>
              {t.signOut}
            </ActionButton>
          </div>
        </div>
        {children}
      </div>
    </div>
  );
}
