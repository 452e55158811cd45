import type { Metadata } from 'next';
import { localeParam } from '@/app/[locale]/locale-param';
import type { Locale } from '../i18n/locales';
import { staffFormat } from './format';
import { staffText } from './i18n';
import { staffMetadata } from './page';
import { canUse, type Section } from './roles';
import { currentViewer, requireSection } from './session';
import { isUuid, staffRequest, uuidOr404 } from './api';
import { graphqlLocale } from '../i18n/locales';
import type { RecordTitle } from './record-titles';

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
 * A record page's `generateMetadata`: the kind of page and the record's name («ویرایش نظرسنجی: …»),
 * where every poll's editor (or insights, or event) had one title and a row of tabs could not be
 * told apart. The name is asked for in the page's language; without it (no session, an id that is
 * not a UUID, a record that is not there) the kind of page alone.
 */
export function staffRecordMetadata<T>(title: (locale: Locale) => string, section: Section, record: RecordTitle<T>) {
  return async ({ params }: { params: Promise<{ locale: string; id: string }> }): Promise<Metadata> => {
    const locale = await localeParam(params);
    const { viewer } = await currentViewer();
    if (viewer && !canUse(viewer.role, section)) return staffMetadata(locale, staffText[locale].forbidden.title);
    const { id } = await params;
    const body = viewer && isUuid(id) ? await staffRequest(record.document, { id, locale: graphqlLocale[locale] }) : null;
    const name = body?.data ? record.name(body.data) : null;
    return staffMetadata(locale, name ? `${title(locale)}: ${name}` : title(locale));
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
