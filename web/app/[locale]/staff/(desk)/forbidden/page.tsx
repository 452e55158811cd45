import { localePath } from '@/lib/i18n/routing';
import { staffText } from '@/lib/staff/i18n';
import { localeParam } from '../../../locale-param';
import { staffPageMetadata } from '@/lib/staff/open-page';

export const generateMetadata = staffPageMetadata((locale) => staffText[locale].forbidden.title);

// Where a page sends a role that may not use it (the layout has already checked the session).
export default async function ForbiddenPage({ params }: PageProps<'/[locale]/staff/forbidden'>) {
  const locale = await localeParam(params);
  const t = staffText[locale].forbidden;
  return (
    <div className="staff-panel" role="alert">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <a className="staff-button" href={localePath(locale, '/staff')}>
        {t.back}
      </a>
    </div>
  );
}
