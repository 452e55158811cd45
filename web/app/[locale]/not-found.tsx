import type { Metadata } from 'next';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { currentRoute } from '@/lib/i18n/request';
import { localePath } from '@/lib/i18n/routing';

// not-found receives no params; the locale comes from the URL the proxy recorded.

/** The tab and a bookmark say "not found" too, not the site's name alone. */
export async function generateMetadata(): Promise<Metadata> {
  const { locale } = await currentRoute();
  const t = getDictionary(locale);
  return { title: { absolute: `${t.notFound.title} | ${t.siteName}` }, robots: { index: false } };
}

export default async function NotFound() {
  const { locale } = await currentRoute();
  const t = getDictionary(locale);
  return (
    <div className="container page">
      {/* Also as a React title: the browser otherwise keeps the layout's title once the page is
          hydrated (Next sends the not-found metadata in the HTML only). */}
      <title>{`${t.notFound.title} | ${t.siteName}`}</title>
      <div className="notice">
        <h1>{t.notFound.title}</h1>
        <p>{t.notFound.body}</p>
        <a className="button" href={localePath(locale, '/')}>
          {t.notFound.home}
        </a>
      </div>
    </div>
  );
}
