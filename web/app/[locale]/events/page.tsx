import { redirect } from 'next/navigation';
import { localePath } from '@/lib/i18n/routing';
import { localeParam } from '../locale-param';

// An event's page is /events/<id>; the list of events is the calendar. Someone who shortens the
// address to /events lands there rather than on "not found".
export default async function EventsIndex({ params }: PageProps<'/[locale]/events'>) {
  redirect(localePath(await localeParam(params), '/calendar'));
}
