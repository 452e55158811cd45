import ical, { ICalEventStatus, ICalEventTransparency } from "ical-generator";
import { addDays } from "@/lib/calendar";
import { getDictionary } from "@/lib/i18n/dictionaries";
import { isLocale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/routing";
import { siteOrigin } from "@/lib/site";
import { loadEvent } from "../event.query";

export const dynamic = "force-dynamic";

const midnightUtc = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * "Add to my calendar": one event as an iCalendar file (RFC 5545, written by ical-generator), in
 * the page's language. Occasions are all-day and do not make anyone busy; the UID is the one the
 * API's calendar feed uses, so a calendar that also subscribes to the feed sees one event.
 */
export async function GET(_request: Request, { params }: RouteContext<"/[locale]/events/[id]/ics">) {
  const { locale, id } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const event = await loadEvent(decodeURIComponent(id), locale);
  const t = getDictionary(locale);
  const url = (await siteOrigin()) + localePath(locale, `/events/${encodeURIComponent(event.id)}`);

  const calendar = ical({ name: t.siteName, prodId: { company: "Nabz", product: "web", language: locale.toUpperCase() } });
  const description = [event.lunarHijriDate?.text, event.description].filter(Boolean).join("\n\n");
  calendar.createEvent({
    id: `${event.id}@nabz`,
    summary: event.title,
    description: description || null,
    location: [event.venue, event.district?.name].filter(Boolean).join(locale === "fa" ? "، " : ", ") || null,
    url,
    stamp: new Date(event.updatedAt),
    status: event.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // The kind as people call it, in the page's language (as the API's feed).
    categories: [{ name: t.eventKinds[event.kind] }],
    ...(event.allDay
      ? { start: midnightUtc(event.date), end: midnightUtc(addDays(event.date, 1)), allDay: true, transparency: ICalEventTransparency.TRANSPARENT }
      : { start: new Date(event.startsAt), end: new Date(event.endsAt) }),
  });

  const filename = `event-${event.date}.ics`;
  return new Response(calendar.toString(), {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
