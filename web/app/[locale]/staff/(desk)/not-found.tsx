import { currentRoute } from '@/lib/i18n/request';
import { localePath } from '@/lib/i18n/routing';
import { staffText } from '@/lib/staff/i18n';

// What a staff member sees, with status 404, for a poll, event or other object that is not there (a
// page calls notFound()): inside the desk's layout, as "forbidden" is, so the navigation and the
// way back to the desk stay. The site's own 404 had neither and led to the public home page.
export default async function NotFound() {
  const { locale } = await currentRoute();
  const t = staffText[locale];
  return (
    <div className="staff-panel" role="alert">
      {/* A React title: Next sends the not-found metadata in the HTML only. */}
      <title>{`${t.notFound.title} | ${t.area}`}</title>
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.body}</p>
      <a className="staff-button" href={localePath(locale, '/staff')}>
        {t.forbidden.back}
      </a>
    </div>
  );
}
