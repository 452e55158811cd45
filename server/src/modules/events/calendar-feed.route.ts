import { createHash } from 'node:crypto';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { badInput, notFound } from '../../common/errors';
import { sendAppError } from '../../graphql/http-error';
import { isUuid } from '../../common/ids';
import { Locale, localeFromHeader, pick } from '../../common/locale';
import { eventKindName } from './event-kind-names';
import { type Services } from '../../services';
import { type District } from '../districts/district.entity';
import { addDays, localDateOf, toEpochDay } from './calendar';
import { type Event } from './event.entity';
import { EventKind, EventStatus, OccasionCalendar } from './event.enums';
import { formatHijri } from './month-names';
import { parseOccurrenceId } from './occasion.service';

/** The feed covers these days around today: calendar apps keep what they fetched before. */
export const FEED_DAYS_BEFORE = 30;
export const FEED_DAYS_AFTER = 365;
/** Stored events in one feed at most (occasions come on top). */
export const FEED_MAX_EVENTS = 2_000;
/** How long calendar apps and proxies may keep a copy. */
export const FEED_MAX_AGE_SECONDS = 900;

const UID_DOMAIN = 'nabz';
const DAY_MS = 86_400_000;

type FeedRequest = FastifyRequest<{ Querystring: { district?: string; kinds?: string; locale?: string } }>;
type EventFileRequest = FastifyRequest<{ Params: { id: string }; Querystring: { locale?: string } }>;

function parseKinds(raw: string | undefined): EventKind[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  const kinds = raw.split(',').map((k) => k.trim().toUpperCase());
  const known = Object.values(EventKind) as string[];
  const unknown = kinds.filter((k) => !known.includes(k));
  if (unknown.length || kinds.length > known.length) throw badInput(`kinds is a comma-separated list of ${known.join(', ')}.`, 'kinds');
  return [...new Set(kinds)] as EventKind[];
}

function parseDistrict(raw: string | undefined, districts: District[]): District | null {
  if (raw === undefined || raw === '') return null;
  const code = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  const district = districts.find((d) => d.code === code);
  if (!district) throw badInput("district is the number (code) of one of the city's districts.", 'district');
  return district;
}

function parseLocale(request: FeedRequest | EventFileRequest): Locale {
  const { locale } = request.query;
  if (locale === undefined) return localeFromHeader(request.headers['accept-language']);
  if (locale !== Locale.FA && locale !== Locale.EN) throw badInput('locale is fa or en.', 'locale');
  return locale;
}

/** A LocalDate as the UTC midnight ical-generator writes as a DATE value. */
const utcDay = (date: string) => new Date(toEpochDay(date) * DAY_MS);

/**
 * The calendar as iCalendar (RFC 5545), built with ical-generator (escaping, line folding at 75
 * octets without splitting a UTF-8 character, CRLF). Timed events are in UTC; occasions are
 * all-day (DATE values) and transparent (they do not make anyone busy).
 */
export function renderCalendar(
  items: Event[],
  options: { locale: Locale; timeZone: string; districts: Map<string, District>; name: string; siteUrl?: string },
): string {
  const { locale } = options;
  const text = (fa: string | null, en: string | null) => pick({ fa, en }, locale);
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Nabz', product: 'events', language: locale === Locale.EN ? 'EN' : 'FA' },
    ttl: 3600,
  });
  calendar.x([{ key: 'X-WR-TIMEZONE', value: options.timeZone }]);
  for (const item of items) {
    const occurrence = item.occurrence;
    const district = item.districtId ? options.districts.get(item.districtId) : undefined;
    const place = [text(item.venueFa, item.venueEn), district ? text(district.nameFa, district.nameEn) : null]
      .filter(Boolean)
      .join(locale === Locale.EN ? ', ' : '، ');
    let description = text(item.descriptionFa, item.descriptionEn) ?? '';
    if (occurrence?.occasion.calendar === OccasionCalendar.LUNAR_HIJRI) {
      const lunar = formatHijri(OccasionCalendar.LUNAR_HIJRI, occurrence.detail.calendarDay, locale);
      description = description ? `${lunar}\n\n${description}` : lunar;
    }
    const event = calendar.createEvent({
      id: `${item.id}@${UID_DOMAIN}`,
      summary: text(item.titleFa, item.titleEn) ?? item.titleFa,
      description: description || null,
      location: place || null,
      // The event's page on the public site, in the file's language.
      url: options.siteUrl ? `${options.siteUrl}${locale === Locale.EN ? '/en' : ''}/events/${encodeURIComponent(item.id)}` : null,
      stamp: item.updatedAt,
      created: item.createdAt,
      lastModified: item.updatedAt,
      status: item.status === EventStatus.CANCELLED ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // People read CATEGORIES in their calendar app; programs read the kind from X-NABZ-KIND.
      categories: [{ name: eventKindName(item.kind, locale) }],
      ...(occurrence
        ? {
            start: utcDay(occurrence.detail.date),
            end: utcDay(addDays(occurrence.detail.date, 1)),
            allDay: true,
            transparency: ICalEventTransparency.TRANSPARENT,
          }
        : { start: item.startsAt, end: item.endsAt }),
    });
    event.x([{ key: 'X-NABZ-KIND', value: item.kind }]);
    if (item.pinned) event.x([{ key: 'X-NABZ-PINNED', value: 'TRUE' }]);
  }
  return calendar.toString();
}

/**
 * `GET /calendar.ics`: the public calendar as a feed calendar apps subscribe to. Filters:
 * `?district=CODE` (that district's events plus citywide ones), `?kinds=A,B` (EventKind values),
 * `?locale=fa|en` (default: Accept-Language, else Persian). Published and cancelled events
 * (STATUS:CANCELLED, so subscribers see the cancellation) and the occasions, from 30 days ago to a
 * year ahead. Answers 304 to a matching If-None-Match.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any logger: the app's is pino's, Fastify's default type is narrower
export function registerCalendarFeedRoute(http: FastifyInstance<any, any, any, any>, services: Services, siteUrl: string): void {
  const calendarName = (locale: Locale) => (locale === Locale.EN ? 'Nabz: city events and occasions' : 'نبض: رویدادها و مناسبت‌های شهر');

  http.get('/calendar.ics', async (request: FeedRequest, reply: FastifyReply) => {
    try {
      const locale = parseLocale(request);
      const kinds = parseKinds(request.query.kinds);
      const allDistricts = await services.districts.list();
      const district = parseDistrict(request.query.district, allDistricts);
      const timeZone = services.events.timeZone;
      const today = localDateOf(new Date(), timeZone);
      const items = await services.events.feed(
        {
          from: addDays(today, -FEED_DAYS_BEFORE),
          to: addDays(today, FEED_DAYS_AFTER),
          district: district?.id ?? null,
          includeCitywide: true,
          kinds,
        },
        FEED_MAX_EVENTS,
      );
      const districts = new Map(allDistricts.map((d) => [d.id, d]));
      const baseName = calendarName(locale);
      const name = district ? `${baseName} (${pick({ fa: district.nameFa, en: district.nameEn }, locale)})` : baseName;
      const body = renderCalendar(items, { locale, timeZone, districts, name, siteUrl });
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      reply.header('cache-control', `public, max-age=${FEED_MAX_AGE_SECONDS}`).header('etag', etag).header('vary', 'accept-language');
      const known = (request.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
      if (known.includes(etag) || known.includes('*')) return reply.code(304).send();
      return reply
        .code(200)
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="nabz-calendar.ics"')
        .send(body);
    } catch (err) {
      return sendAppError(reply, err);
    }
  });

  /**
   * `GET /calendar/events/:id/event.ics`: one published event, or one year of an occasion, as a
   * file to add to a calendar ("add to my calendar" on the website): written by the same
   * renderCalendar as the feed, so its UID and fields are the feed's. `?locale=fa|en`.
   */
  http.get('/calendar/events/:id/event.ics', async (request: EventFileRequest, reply: FastifyReply) => {
    try {
      const locale = parseLocale(request);
      const { id } = request.params;
      const occurrence = parseOccurrenceId(id);
      if (!occurrence && !isUuid(id)) throw notFound('Event');
      const found = occurrence ? await services.occasions.occurrenceById(id) : (await services.events.findByIds([id]))[0];
      const event = services.events.visibleOrNotFound(null, found);
      const districts = new Map((await services.districts.list()).map((d) => [d.id, d]));
      const timeZone = services.events.timeZone;
      const body = renderCalendar([event], { locale, timeZone, districts, name: calendarName(locale), siteUrl });
      const day = event.occurrence ? event.occurrence.detail.date : localDateOf(event.startsAt, timeZone);
      return reply
        .code(200)
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="event-${day}.ics"`)
        .header('cache-control', 'no-store')
        .send(body);
    } catch (err) {
      return sendAppError(reply, err);
    }
  });
}
