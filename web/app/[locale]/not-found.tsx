import { getDictionary } from "@/lib/i18n/dictionaries";
import { currentRoute } from "@/lib/i18n/request";
import { localePath } from "@/lib/i18n/routing";

// not-found receives no params; the locale comes from the URL the proxy recorded.
export default async function NotFound() {
  const { locale } = await currentRoute();
  const t = getDictionary(locale);
  return (
    <div className="container page">
      <div className="notice">
        <h1>{t.notFound.title}</h1>
        <p>{t.notFound.body}</p>
        <a className="button" href={localePath(locale, "/")}>
          {t.notFound.home}
        </a>
      </div>
    </div>
  );
}
