'use client'; // Error boundaries must be client components.

import { useParams } from 'next/navigation';
import { errorText } from '@/lib/i18n/error-text';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';

// Shown when a page cannot load its data (API down, timeout, GraphQL error). The details stay
// in the server log; the visitor gets a translated message and a way to try again.
export default function PageError() {
  const { locale } = useParams<{ locale: string }>();
  const t = errorText[isLocale(locale) ? locale : defaultLocale];
  return (
    <div className="container page">
      <div className="notice">
        <h1>{t.title}</h1>
        <p>{t.body}</p>
        {/* A link, not a button: reloading works with or without JavaScript. */}
        <a className="button" href="">
          {t.retry}
        </a>
      </div>
    </div>
  );
}
