import type { Metadata } from 'next';
import { localeParam } from '@/app/[locale]/locale-param';
import type { Locale } from '../i18n/locales';
import { staffFormat } from './format';
import { staffText } from './i18n';
import { staffMetadata } from './page';
import { canUse, type Section } from './roles';
import { currentViewer, requireSection } from './session';
import { uuidOr404 } from './api';

// The opening every staff page shares: its metadata and the first lines of the page itself.

/**
 * A staff page's `generateMetadata`: its title, in the page's language. For a signed-in viewer whose
 * role may not use the page's `section`, the title of the "forbidden" answer the page gives them
 * (Next settles a page's metadata before the page calls forbidden(), and does not take forbidden.tsx's).
 */
export function staffPageMetadata(title: (locale: Locale) => string, section?: Section) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const locale = await localeParam(params);
    if (section) {
      const { viewer } = await currentViewer();
      if (viewer && !canUse(viewer.role, section)) return staffMetadata(locale, staffText[locale].forbidden.title);
    }
    return staffMetadata(locale, title(locale));
  };
}

/**
 * What a staff page starts with: its language, the guard of its section (a viewer without it is sent
 * to "forbidden"), its route's other segments (`route.id`), its query and the desk's shared texts and formats.
 */
export async function openStaffPage<P extends { locale: string }>(
  section: Section,
  { params, searchParams }: { params: Promise<P>; searchParams: Promise<Record<string, string | string[] | undefined>> },
) {
  const locale = await localeParam(params);
  await requireSection(section);
  const route = await params;
  const query = await searchParams;
  return { locale, route, query, st: staffText[locale], f: staffFormat(locale) };
}

/** The opening of a record's page (`[id]`): as openStaffPage, and an id that is not a UUID is "not found". */
export async function openRecordPage(
  section: Section,
  props: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> },
) {
  const page = await openStaffPage(section, props);
  return { ...page, id: uuidOr404(page.route.id) };
}
