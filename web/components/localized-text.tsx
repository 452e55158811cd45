import { fallbackProps } from '@/lib/i18n/fallback';
import type { Locale } from '@/lib/i18n/locales';

/** Text from the API, wrapped as Persian when it stands in for a missing English translation. */
export function LocalizedText({ text, locale }: { text: string; locale: Locale }) {
  const props = fallbackProps(text, locale);
  return props.lang ? <span {...props}>{text}</span> : <>{text}</>;
}
