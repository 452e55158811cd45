import { type WebhookService } from '../webhooks/webhook.service';
import { eventWebhookPayload } from '../webhooks/webhook.payloads';
import { type DataSource } from 'typeorm';
import { BadInputReason, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { findByIdsInKeyOrder } from '../../db/find-by-ids';
import { lockById } from '../../db/lock-by-id';
import { decodeCursor, malformedCursor, type Page, toPage } from '../../common/pagination';
import { bilingualTextChanges, storedBilingualTexts } from '../../common/bilingual-texts';
import { pickKeys } from '../../common/pick-keys';
import { type DistrictService } from '../districts/district.service';
import { type GoalService } from '../goals/goal.service';
import { type PollService } from '../polls/poll.service';
import { type AuditService } from '../staff/audit.service';
import { type Actor, type Viewer } from '../staff/staff.policy';
import { addDays, daysBetween, type LocalDate, startOfDay } from './calendar';
import { Event } from './event.entity';
import { EventKind, EventStatus, PUBLIC_EVENT_STATUSES } from './event.enums';
import { eventNotDraft, eventNotPublished } from './event.errors';
import { type CreateEventInput, MAX_RANGE_DAYS, type UpdateEventInput } from './event.inputs';
import { canSeeEvent, visibleEventStatuses } from './event.policy';
import { type OccasionService, parseOccurrenceId } from './occasion.service';

// Any constant works: pinning takes it so that two editors pinning at once go one after the other.
const PIN_LOCK_KEY = 7_142_027;

export interface EventQuery {
  from: LocalDate;
  to: LocalDate;
  district?: string | null;
  includeCitywide?: boolean;
  kinds?: EventKind[] | null;
  statuses?: EventStatus[] | null;
}

interface Filter {
  fromInstant: Date;
  toInstant: Date;
  from: LocalDate;
  to: LocalDate;
  districtId: string | null;
  includeCitywide: boolean;
  kinds: EventKind[] | null;
  statuses: EventStatus[];
}

const REQUIRED_ON_UPDATE = ['kind', 'titleFa', 'startsAt', 'endsAt'] as const;

const snapshot = (e: Event) =>
  pickKeys(e, [
    'id',
    'kind',
    'titleFa',
    'titleEn',
    'descriptionFa',
    'descriptionEn',
    'startsAt',
    'endsAt',
    'venueFa',
    'venueEn',
    'districtId',
    'status',
    'pinned',
    'pollId',
    'goalId',
  ]);

/** Event order everywhere: by start, then id (compared as plain text, as SQL does with COLLATE "C"). */
function compareEvents(a: Event, b: Event): number {
  return a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function decodeEventCursor(after: string): { startsAt: Date; id: string } {
  const [startsAt, id] = decodeCursor(after, ['instant', 'string']) as [string, string];
  // An event's id, or an occasion's occurrence on one day.
  if (!isUuid(id) && !parseOccurrenceId(id)) throw malformedCursor();
  return { startsAt: new Date(startsAt), id };
}

export class EventService {
  readonly timeZone: string;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly occasions: OccasionService,
    private readonly districts: DistrictService,
    private readonly polls: PollService,
    private readonly goals: GoalService,
    /** Announces publications to partners' webhooks, in the publishing transaction. */
    private readonly webhooks?: WebhookService,
  ) {
    this.timeZone = occasions.timeZone;
  }

  /**
   * The calendar from `from` to `to`: stored events that overlap those days and the occasions'
   * occurrences on them, in start order, a page at a time.
   */
  async list(viewer: Viewer | null, query: EventQuery, page: { first: number; after?: string | null }): Promise<Page<Event>> {
    const filter = await this.filter(viewer, query);
    const cursor = page.after ? decodeEventCursor(page.after) : null;
    if (!filter.statuses.length) return toPage([], page.first, 0, () => []);

    const qb = this.rowsQuery(filter);
    const stored = await qb.getCount();
    if (cursor)
      qb.andWhere(`(e.starts_at, e.id::text COLLATE "C") > (:cursorAt, :cursorId)`, { cursorAt: cursor.startsAt, cursorId: cursor.id });
    const rows = await qb
      .orderBy('e.startsAt', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(page.first + 1)
      .getMany();

    const occurrences = await this.occurrences(filter);
    const after = cursor ? occurrences.filter((o) => compareEvents(o, Object.assign(new Event(), cursor)) > 0) : occurrences;
    const merged = [...rows, ...after].sort(compareEvents).slice(0, page.first + 1);
    return toPage(merged, page.first, stored + occurrences.length, (e) => [e.startsAt.toISOString(), e.id]);
  }

  /**
   * Everything the public calendar shows from `from` to `to` (at most `limit` stored events), for
   * the iCalendar feed: published and cancelled events, and the occasions.
   */
  async feed(query: Omit<EventQuery, 'statuses'>, limit: number): Promise<Event[]> {
    const filter = await this.filter(null, { ...query, statuses: PUBLIC_EVENT_STATUSES });
    const rows = await this.rowsQuery(filter).orderBy('e.startsAt', 'ASC').addOrderBy('e.id', 'ASC').take(limit).getMany();
    return [...rows, ...(await this.occurrences(filter))].sort(compareEvents);
  }

  /** For DataLoader: stored events by id, in key order; visibility is applied by the caller. */
  findByIds(ids: readonly string[]): Promise<Array<Event | null>> {
    return findByIdsInKeyOrder(this.db.getRepository(Event), ids);
  }

  /** An event the viewer may not see is NOT_FOUND, exactly like one that does not exist. */
  visibleOrNotFound(viewer: Viewer | null, event: Event | null): Event {
    if (!event || !canSeeEvent(viewer, event)) throw notFound('Event');
    return event;
  }

  /** The pinned crisis notice while it lasts; null when none is pinned or it has ended. */
  pinnedNotice(): Promise<Event | null> {
    return this.db.getRepository(Event).createQueryBuilder('e').where('e.pinned').andWhere('e.ends_at > now()').getOne();
  }

  async create(actor: Actor, input: CreateEventInput): Promise<Event> {
    if (input.endsAt < input.startsAt)
      throw badInput('endsAt must not be before startsAt.', 'input.endsAt', BadInputReason.ENDS_BEFORE_STARTS);
    await this.checkLinks(input);
    return this.db.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(Event)
        .values({
          kind: input.kind,
          ...storedBilingualTexts(input),
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          venueFa: input.venueFa?.trim() ?? null,
          venueEn: input.venueEn?.trim() ?? null,
          districtId: input.districtId ?? null,
          pollId: input.pollId ?? null,
          goalId: input.goalId ?? null,
          status: EventStatus.DRAFT,
        })
        .returning(['id'])
        .execute();
      const event = await manager.findOneByOrFail(Event, { id: result.identifiers[0].id });
      return this.audit.recordCreation(manager, actor, 'createEvent', 'Event', event, snapshot(event));
    });
  }

  async update(actor: Actor, input: UpdateEventInput): Promise<Event> {
    for (const field of REQUIRED_ON_UPDATE) {
      if (input[field] === null) throw badInput(`${field} cannot be cleared.`, `input.${field}`);
    }
    if (!isUuid(input.id)) throw notFound('Event');
    await this.checkLinks(input);
    return this.db.transaction(async (manager) => {
      const before = await lockById(manager, Event, input.id, 'Event');
      const startsAt = input.startsAt ?? before.startsAt;
      const endsAt = input.endsAt ?? before.endsAt;
      if (endsAt < startsAt)
        throw badInput(
          'endsAt must not be before startsAt.',
          input.endsAt ? 'input.endsAt' : 'input.startsAt',
          BadInputReason.ENDS_BEFORE_STARTS,
        );
      if (before.pinned && input.kind && input.kind !== EventKind.CRISIS_NOTICE) {
        throw badInput('A pinned notice stays a CRISIS_NOTICE: unpin it first.', 'input.kind');
      }
      const changes: Partial<Event> = bilingualTextChanges(input);
      if (input.kind !== undefined) changes.kind = input.kind!;
      if (input.startsAt !== undefined) changes.startsAt = startsAt;
      if (input.endsAt !== undefined) changes.endsAt = endsAt;
      if (input.venueFa !== undefined) changes.venueFa = input.venueFa?.trim() ?? null;
      if (input.venueEn !== undefined) changes.venueEn = input.venueEn?.trim() ?? null;
      if (input.districtId !== undefined) changes.districtId = input.districtId;
      if (input.pollId !== undefined) changes.pollId = input.pollId;
      if (input.goalId !== undefined) changes.goalId = input.goalId;
      if (Object.keys(changes).length) await manager.update(Event, { id: before.id }, changes);
      const after = await manager.findOneByOrFail(Event, { id: before.id });
      await this.audit.recordBy(manager, actor, {
        action: 'updateEvent',
        entityType: 'Event',
        entityId: before.id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  /** DRAFT or CANCELLED → PUBLISHED. Publishing a published event changes nothing. */
  async publish(actor: Actor, id: string): Promise<Event> {
    return this.transition(actor, id, 'publishEvent', (before) => {
      if (before.status === EventStatus.PUBLISHED) return null;
      return { status: EventStatus.PUBLISHED, publishedAt: before.publishedAt ?? new Date() };
    });
  }

  /** PUBLISHED → CANCELLED, unpinning it. A draft is deleted instead; cancelling twice changes nothing. */
  async cancel(actor: Actor, id: string): Promise<Event> {
    return this.transition(actor, id, 'cancelEvent', (before) => {
      if (before.status === EventStatus.CANCELLED) return null;
      if (before.status !== EventStatus.PUBLISHED) throw eventNotPublished(before.status, 'cancelled');
      return { status: EventStatus.CANCELLED, pinned: false };
    });
  }

  async delete(actor: Actor, id: string): Promise<string> {
    if (!isUuid(id)) throw notFound('Event');
    return this.db.transaction(async (manager) => {
      const before = await lockById(manager, Event, id, 'Event');
      if (before.status !== EventStatus.DRAFT) throw eventNotDraft(before.status);
      await manager.delete(Event, { id });
      await this.audit.recordBy(manager, actor, {
        action: 'deleteEvent',
        entityType: 'Event',
        entityId: id,
        before: snapshot(before),
      });
      return id;
    });
  }

  /** Pins a published crisis notice, unpinning the one pinned before (if any), in one transaction. */
  async pin(actor: Actor, id: string): Promise<{ event: Event; unpinned: Event | null }> {
    if (!isUuid(id)) throw notFound('Event');
    return this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [PIN_LOCK_KEY]);
      const before = await lockById(manager, Event, id, 'Event');
      if (before.kind !== EventKind.CRISIS_NOTICE) throw badInput('Only a CRISIS_NOTICE can be pinned.', 'input.id');
      if (before.status !== EventStatus.PUBLISHED) throw eventNotPublished(before.status, 'pinned');
      if (before.endsAt.getTime() <= Date.now()) throw badInput('This notice has ended: move its end (endsAt) later first.', 'input.id');
      if (before.pinned) return { event: before, unpinned: null };
      const previous = await manager.findOne(Event, { where: { pinned: true }, lock: { mode: 'pessimistic_write' } });
      if (previous) {
        await manager.update(Event, { id: previous.id }, { pinned: false });
        await this.audit.recordBy(manager, actor, {
          action: 'unpinCrisisNotice',
          entityType: 'Event',
          entityId: previous.id,
          before: { pinned: true },
          after: { pinned: false },
        });
      }
      await manager.update(Event, { id }, { pinned: true });
      await this.audit.recordBy(manager, actor, {
        action: 'pinCrisisNotice',
        entityType: 'Event',
        entityId: id,
        before: { pinned: false },
        after: { pinned: true },
      });
      return {
        event: await manager.findOneByOrFail(Event, { id }),
        unpinned: previous ? await manager.findOneByOrFail(Event, { id: previous.id }) : null,
      };
    });
  }

  async unpin(actor: Actor, id: string): Promise<Event> {
    return this.transition(actor, id, 'unpinCrisisNotice', (before) => (before.pinned ? { pinned: false } : null));
  }

  /** Validates the days, the district and the statuses of a query. */
  private async filter(viewer: Viewer | null, query: EventQuery): Promise<Filter> {
    const span = daysBetween(query.from, query.to) + 1;
    if (span < 1) throw badInput('`to` must not be before `from`.', 'to');
    if (span > MAX_RANGE_DAYS) throw badInput(`At most ${MAX_RANGE_DAYS} days from \`from\` to \`to\` (this asks for ${span}).`, 'to');
    if (query.district && !(await this.districts.exists(query.district))) throw badInput('No district has this id.', 'district');
    const visible = visibleEventStatuses(viewer);
    return {
      from: query.from,
      to: query.to,
      fromInstant: startOfDay(query.from, this.timeZone),
      toInstant: startOfDay(addDays(query.to, 1), this.timeZone),
      districtId: query.district ?? null,
      includeCitywide: query.includeCitywide ?? true,
      kinds: query.kinds?.length ? query.kinds : null,
      statuses: query.statuses?.length ? visible.filter((s) => query.statuses!.includes(s)) : visible,
    };
  }

  private rowsQuery(f: Filter) {
    const qb = this.db
      .getRepository(Event)
      .createQueryBuilder('e')
      .where('e.status IN (:...statuses)', { statuses: f.statuses })
      // Overlaps the days: started before the last one ends, and ends after the first begins (or is
      // an instant within them).
      .andWhere('e.starts_at < :toInstant', { toInstant: f.toInstant })
      .andWhere('(e.ends_at > :fromInstant OR e.starts_at >= :fromInstant)', { fromInstant: f.fromInstant });
    if (f.kinds) qb.andWhere('e.kind IN (:...kinds)', { kinds: f.kinds });
    if (f.districtId) {
      qb.andWhere(f.includeCitywide ? '(e.district_id = :districtId OR e.district_id IS NULL)' : 'e.district_id = :districtId', {
        districtId: f.districtId,
      });
    }
    return qb;
  }

  /** Occasions are citywide and always published. */
  private async occurrences(f: Filter): Promise<Event[]> {
    if (!f.statuses.includes(EventStatus.PUBLISHED)) return [];
    if (f.districtId && !f.includeCitywide) return [];
    return this.occasions.occurrencesBetween(f.from, f.to, f.kinds ?? undefined);
  }

  private async checkLinks(input: { districtId?: string | null; pollId?: string | null; goalId?: string | null }): Promise<void> {
    if (input.districtId && !(await this.districts.exists(input.districtId)))
      throw badInput('No district has this id.', 'input.districtId');
    if (input.pollId && !(await this.polls.findByIds([input.pollId]))[0]) throw badInput('No poll has this id.', 'input.pollId');
    if (input.goalId && !(await this.goals.findByIds([input.goalId]))[0]) throw badInput('No goal has this id.', 'input.goalId');
  }

  /** A status change: `change` returns the columns to set, or null when there is nothing to do. */
  private async transition(actor: Actor, id: string, action: string, change: (before: Event) => Partial<Event> | null): Promise<Event> {
    const published = action === 'publishEvent';
    if (!isUuid(id)) throw notFound('Event');
    return this.db.transaction(async (manager) => {
      const before = await lockById(manager, Event, id, 'Event');
      const changes = change(before);
      if (!changes) return before;
      await manager.update(Event, { id }, changes);
      const after = await manager.findOneByOrFail(Event, { id });
      await this.audit.recordBy(manager, actor, {
        action,
        entityType: 'Event',
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      if (published && after.status === EventStatus.PUBLISHED)
        await this.webhooks?.emit(manager, 'EVENT_PUBLISHED', eventWebhookPayload(after));
      return after;
    });
  }
}
