import { redirect } from 'next/navigation';
import { localePath } from '@/lib/i18n/routing';
import { localeParam } from '../../../../locale-param';

// A contact's page is /staff/media/contacts/<id>; the list of contacts is the media desk's first page.
export default async function ContactsIndex({ params }: PageProps<'/[locale]/staff/media/contacts'>) {
  redirect(localePath(await localeParam(params), '/staff/media'));
}
