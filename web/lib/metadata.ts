import type { Metadata } from 'next';
import { getDictionary } from './i18n/dictionaries';
import { locales, type Locale } from './i18n/locales';
import { currentRoute } from './i18n/request';
import { localePath } from './i18n/routing';
import { siteOrigin } from './site';

const openGraphLocale: Record<Locale, string> = { fa: 'fa_IR', en: 'en_GB' };

/** The sharing card (1200 × 630), web/public/og.jpg. */
const OG_IMAGE = { url: '/og.jpg', width: 1200, height: 630 } as const;

interface PageMetadataOptions {
  /** The page's own title; the site name when omitted (the home page). */
  title?: string;
  description?: string;
  /** "article" for a news item or an event, "website" otherwise. */
  type?: 'website' | 'article';
  /** The page's own image for the sharing card (a news item's, an event's), instead of the site's. */
  image?: { url: string; width: number; height: number; alt: string };
}

/**
 * Title, description, canonical URL, the page in the other language, and the Open Graph and
 * Twitter cards for sharing. Every page calls it from generateMetadata, because Next replaces
 * (does not merge) `openGraph` from one segment to the next.
 */
export async function pageMetadata(locale: Locale, options: PageMetadataOptions = {}): Promise<Metadata> {
  const t = getDictionary(locale);
  const { path } = await currentRoute();
  const origin = await siteOrigin();
  const url = localePath(locale, path);
  const title = options.title ?? t.siteName;
  const description = options.description ?? t.metaDescription;
  return {
    metadataBase: new URL(origin),
    title: options.title ? { absolute: `${options.title} | ${t.siteName}` } : { absolute: t.siteName },
    description,
    alternates: {
      canonical: url,
      languages: {
        ...Object.fromEntries(locales.map((l) => [l, localePath(l, path)])),
        'x-default': localePath('fa', path),
      },
    },
    openGraph: {
      type: options.type ?? 'website',
      siteName: t.siteName,
      locale: openGraphLocale[locale],
      alternateLocale: locales.filter((l) => l !== locale).map((l) => openGraphLocale[l]),
      url,
      title,
      description,
      images: [options.image ?? { ...OG_IMAGE, alt: t.siteName }],
    },
    twitter: { card: 'summary_large_image', title, description, images: [options.image?.url ?? OG_IMAGE.url] },
  };
}

/** A description for sharing: the first 160 characters of a text, cut at a word. */
export function summarize(text: string | null | undefined, max = 160): string | undefined {
  const clean = text?.replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  const cut = chars.slice(0, max).join('');
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}
