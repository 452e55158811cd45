import { currentRoute } from '@/lib/i18n/request';
import { localePath } from '@/lib/i18n/routing';
import { staffText } from '@/lib/staff/i18n';

// What a staff member sees, with status 403 and at the address they asked for, on a page their role
// may not use (requireSection calls forbidden()). Inside the desk's layout: the navigation shows what
// they may use instead. Next gives this file no route parameters; the language comes from the address.
export default async function Forbidden() {
  const { locale } = await currentRoute();
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
