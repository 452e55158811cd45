import { type DataSource, In, QueryFailedError } from 'typeorm';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { bilingualTextChanges, storedBilingualTexts } from '../../common/bilingual-texts';
import { pickKeys } from '../../common/pick-keys';
import { findByIdsInKeyOrder } from '../../db/find-by-ids';
import { lockById } from '../../db/lock-by-id';
import { type AuditService } from '../staff/audit.service';
import { type Actor } from '../staff/staff.policy';
import { addDays, type LocalDate, startOfDay } from './calendar';
import { Event } from './event.entity';
import { EventKind, EventStatus, OCCASION_KINDS, OccasionCalendar } from './event.enums';
import { occasionExists } from './event.errors';
import { type CreateOccasionInput, type SetOccasionOverrideInput, type UpdateOccasionInput } from './event.inputs';
import { type OccasionDate } from './event.types';
import { Occasion, OccasionOverride } from './occasion.entity';
import {
  calendarYearOf,
  expandOccasion,
  isPlausibleOverride,
  MAX_OCCASION_YEAR,
  MAX_OVERRIDE_SHIFT_DAYS,
  MIN_OCCASION_YEAR,
  type OccasionOccurrence,
  type OccasionRule,
  occurrenceIn,
  ruleDate,
} from './occasion-expansion';

/** The most years `Occasion.dates` lists at once. */
export const MAX_DATES_YEARS = 30;

/** Ids of occasion occurrences: stable for an occasion and a year, and never a UUID. */
export function occurrenceId(occasionId: string, year: number): string {
  return `occasion:${occasionId}:${year}`;
}

const OCCURRENCE_ID = /^occasion:([0-9a-f-]{36}):(\d{4})$/i;

export function parseOccurrenceId(id: string): { occasionId: string; year: number } | null {
  const m = OCCURRENCE_ID.exec(id);
  return m && isUuid(m[1]) ? { occasionId: m[1].toLowerCase(), year: Number(m[2]) } : null;
}

/** The largest day a month may have, as the rule's CHECK constraint has it. */
function maxDay(calendar: OccasionCalendar, month: number): number {
  return calendar === OccasionCalendar.SOLAR_HIJRI && month <= 6 ? 31 : 30;
}

const REQUIRED_ON_UPDATE = ['kind', 'titleFa', 'calendar', 'month', 'day', 'holiday'] as const;

const snapshot = (o: Occasion) =>
  pickKeys(o, ['id', 'kind', 'titleFa', 'titleEn', 'descriptionFa', 'descriptionEn', 'calendar', 'month', 'day', 'holiday']);

const overrideSnapshot = (o: OccasionOverride) => pickKeys(o, ['occasionId', 'year', 'date', 'note']);

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const driver = err instanceof QueryFailedError ? (err.driverError as { code?: string; constraint?: string }) : undefined;
  return driver?.code === '23505' && driver.constraint === constraint;
}

/**
 * Recurring occasions and their per-year official days, and their expansion into Event items.
 * Occasions are few (dozens): they are read whole, and expanded in memory.
 */
export class OccasionService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    readonly timeZone: string,
  ) {}

  list(filter: { kind?: EventKind | null; calendar?: OccasionCalendar | null } = {}): Promise<Occasion[]> {
    const qb = this.db.getRepository(Occasion).createQueryBuilder('o');
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.calendar) qb.andWhere('o.calendar = :calendar', { calendar: filter.calendar });
    return qb.orderBy('o.calendar', 'ASC').addOrderBy('o.month').addOrderBy('o.day').addOrderBy('o.titleFa').getMany();
  }

  findByIds(ids: readonly string[]): Promise<Array<Occasion | null>> {
    return findByIdsInKeyOrder(this.db.getRepository(Occasion), ids);
  }

  /** For DataLoader: each occasion's overrides, by year, in key order. */
  async overridesByOccasionIds(ids: readonly string[]): Promise<OccasionOverride[][]> {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = valid.length
      ? await this.db.getRepository(OccasionOverride).find({ where: { occasionId: In(valid) }, order: { year: 'ASC' } })
      : [];
    return ids.map((id) => rows.filter((r) => r.occasionId === id));
  }

  async getOrNotFound(id: string): Promise<Occasion> {
    const occasion = isUuid(id) ? await this.db.getRepository(Occasion).findOneBy({ id }) : null;
    if (!occasion) throw notFound('Occasion');
    return occasion;
  }

  /**
   * Every occurrence of the occasions of these kinds on a day from `from` to `to`, as Event items,
   * in date order: two statements whatever the range.
   */
  async occurrencesBetween(from: LocalDate, to: LocalDate, kinds?: readonly EventKind[]): Promise<Event[]> {
    const wanted = kinds?.length ? OCCASION_KINDS.filter((k) => kinds.includes(k)) : [...OCCASION_KINDS];
    if (!wanted.length) return [];
    const occasions = await this.db.getRepository(Occasion).find({ where: { kind: In(wanted) } });
    if (!occasions.length) return [];
    const overrides = await this.overridesNear(occasions, from, to);
    const items: Event[] = [];
    for (const occasion of occasions) {
      const own = overrides.filter((o) => o.occasionId === occasion.id);
      const byYear = new Map(own.map((o) => [o.year, o.date]));
      for (const detail of expandOccasion(occasion, from, to, byYear)) {
        items.push(this.toEvent(occasion, detail.year, byYear, own.find((o) => o.year === detail.year) ?? null));
      }
    }
    return items.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Each occasion's next day, `from` or later, with its overrides applied, in the order given (null
   * for one with none within a year: the calendars' range ends). One statement for the overrides.
   */
  async nextOccurrences(rules: readonly OccasionRule[], from: LocalDate): Promise<Array<OccasionOccurrence | null>> {
    if (!rules.length) return [];
    // A year of either calendar, with room for an override that moves the day.
    const to = addDays(from, 366 + MAX_OVERRIDE_SHIFT_DAYS + 1);
    const overrides = await this.overridesNear(rules, from, to);
    return rules.map((rule) => {
      const byYear = new Map(overrides.filter((o) => o.occasionId === rule.id).map((o) => [o.year, o.date]));
      return expandOccasion(rule, from, to, byYear)[0] ?? null;
    });
  }

  /** One occurrence, by its id; null when the id names none (or the year is out of range). */
  async occurrenceById(id: string): Promise<Event | null> {
    const parsed = parseOccurrenceId(id);
    if (!parsed || parsed.year < MIN_OCCASION_YEAR || parsed.year > MAX_OCCASION_YEAR) return null;
    const occasion = await this.db.getRepository(Occasion).findOneBy({ id: parsed.occasionId });
    if (!occasion) return null;
    const override = await this.db.getRepository(OccasionOverride).findOneBy({ occasionId: occasion.id, year: parsed.year });
    return this.toEvent(occasion, parsed.year, new Map(override ? [[override.year, override.date]] : []), override);
  }

  /** An occasion's day in each year from `fromYear` to `toYear`, with its overrides applied. */
  dates(occasion: Occasion, overrides: OccasionOverride[], fromYear: number, toYear: number): OccasionDate[] {
    if (fromYear < MIN_OCCASION_YEAR || fromYear > MAX_OCCASION_YEAR)
      throw badInput(`Years run from ${MIN_OCCASION_YEAR} to ${MAX_OCCASION_YEAR}.`, 'fromYear');
    if (toYear < MIN_OCCASION_YEAR || toYear > MAX_OCCASION_YEAR)
      throw badInput(`Years run from ${MIN_OCCASION_YEAR} to ${MAX_OCCASION_YEAR}.`, 'toYear');
    if (fromYear > toYear) throw badInput('fromYear must not be after toYear.', 'toYear');
    if (toYear - fromYear + 1 > MAX_DATES_YEARS) throw badInput(`At most ${MAX_DATES_YEARS} years at once.`, 'toYear');
    const byYear = new Map(overrides.map((o) => [o.year, o.date]));
    const out: OccasionDate[] = [];
    for (let year = fromYear; year <= toYear; year++) {
      const o = occurrenceIn(occasion, year, byYear);
      out.push({
        year,
        date: o.date,
        ruleDate: o.ruleDate,
        overridden: o.overridden,
        note: overrides.find((x) => x.year === year)?.note ?? null,
      });
    }
    return out;
  }

  async create(actor: Actor, input: CreateOccasionInput): Promise<Occasion> {
    this.checkRule(input.kind, input.calendar, input.month, input.day);
    try {
      return await this.db.transaction(async (manager) => {
        const result = await manager
          .createQueryBuilder()
          .insert()
          .into(Occasion)
          .values({
            kind: input.kind,
            ...storedBilingualTexts(input),
            calendar: input.calendar,
            month: input.month,
            day: input.day,
            holiday: input.holiday ?? false,
          })
          .returning(['id'])
          .execute();
        const occasion = await manager.findOneByOrFail(Occasion, { id: result.identifiers[0].id });
        return this.audit.recordCreation(manager, actor, 'createOccasion', 'Occasion', occasion, snapshot(occasion));
      });
    } catch (err) {
      if (isUniqueViolation(err, 'uq_occasion_rule_title')) throw occasionExists();
      throw err;
    }
  }

  async update(actor: Actor, input: UpdateOccasionInput): Promise<Occasion> {
    for (const field of REQUIRED_ON_UPDATE) {
      if (input[field] === null) throw badInput(`${field} cannot be cleared.`, `input.${field}`);
    }
    if (!isUuid(input.id)) throw notFound('Occasion');
    try {
      return await this.db.transaction(async (manager) => {
        const before = await lockById(manager, Occasion, input.id, 'Occasion');
        const kind = input.kind ?? before.kind;
        const calendar = input.calendar ?? before.calendar;
        const month = input.month ?? before.month;
        const day = input.day ?? before.day;
        this.checkRule(kind, calendar, month, day);
        const changes: Partial<Occasion> = bilingualTextChanges(input);
        if (input.kind !== undefined) changes.kind = kind;
        if (input.calendar !== undefined) changes.calendar = calendar;
        if (input.month !== undefined) changes.month = month;
        if (input.day !== undefined) changes.day = day;
        if (input.holiday !== undefined) changes.holiday = input.holiday!;
        if (Object.keys(changes).length) await manager.update(Occasion, { id: before.id }, changes);
        const ruleChanged = calendar !== before.calendar || month !== before.month || day !== before.day;
        // Overrides named days of the old rule: they would now move the occasion by weeks.
        const removed = ruleChanged ? await manager.find(OccasionOverride, { where: { occasionId: before.id } }) : [];
        if (removed.length) await manager.delete(OccasionOverride, { occasionId: before.id });
        const after = await manager.findOneByOrFail(Occasion, { id: before.id });
        await this.audit.recordBy(manager, actor, {
          action: 'updateOccasion',
          entityType: 'Occasion',
          entityId: before.id,
          before: { ...snapshot(before), ...(removed.length ? { overrides: removed.map(overrideSnapshot) } : {}) },
          after: snapshot(after),
        });
        return after;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'uq_occasion_rule_title')) throw occasionExists();
      throw err;
    }
  }

  async delete(actor: Actor, id: string): Promise<string> {
    if (!isUuid(id)) throw notFound('Occasion');
    return this.db.transaction(async (manager) => {
      const before = await lockById(manager, Occasion, id, 'Occasion');
      const overrides = await manager.find(OccasionOverride, { where: { occasionId: id } });
      await manager.delete(Occasion, { id });
      await this.audit.recordBy(manager, actor, {
        action: 'deleteOccasion',
        entityType: 'Occasion',
        entityId: id,
        before: { ...snapshot(before), overrides: overrides.map(overrideSnapshot) },
      });
      return id;
    });
  }

  async setOverride(actor: Actor, input: SetOccasionOverrideInput): Promise<{ occasion: Occasion; override: OccasionOverride }> {
    if (!isUuid(input.occasionId)) throw notFound('Occasion');
    return this.db.transaction(async (manager) => {
      const occasion = await lockById(manager, Occasion, input.occasionId, 'Occasion');
      if (!isPlausibleOverride(occasion, input.year, input.date)) {
        throw badInput(
          `The rule puts this occasion on ${ruleDate(occasion, input.year)} in ${input.year}; an override may move it by ${MAX_OVERRIDE_SHIFT_DAYS} days at most. Is the year right? It counts in the occasion's own calendar.`,
          'input.date',
        );
      }
      const before = await manager.findOneBy(OccasionOverride, { occasionId: occasion.id, year: input.year });
      await manager
        .createQueryBuilder()
        .insert()
        .into(OccasionOverride)
        .values({ occasionId: occasion.id, year: input.year, date: input.date, note: input.note?.trim() || null })
        .orUpdate(['date', 'note', 'updated_at'], ['occasion_id', 'year'])
        .execute();
      const override = await manager.findOneByOrFail(OccasionOverride, { occasionId: occasion.id, year: input.year });
      await this.audit.recordBy(manager, actor, {
        action: 'setOccasionOverride',
        entityType: 'Occasion',
        entityId: occasion.id,
        before: before ? overrideSnapshot(before) : null,
        after: overrideSnapshot(override),
      });
      return { occasion, override };
    });
  }

  async removeOverride(actor: Actor, occasionId: string, year: number): Promise<{ occasion: Occasion; removed: boolean }> {
    if (!isUuid(occasionId)) throw notFound('Occasion');
    return this.db.transaction(async (manager) => {
      const occasion = await lockById(manager, Occasion, occasionId, 'Occasion');
      const before = await manager.findOneBy(OccasionOverride, { occasionId, year });
      if (!before) return { occasion, removed: false };
      await manager.delete(OccasionOverride, { occasionId, year });
      await this.audit.recordBy(manager, actor, {
        action: 'removeOccasionOverride',
        entityType: 'Occasion',
        entityId: occasion.id,
        before: overrideSnapshot(before),
      });
      return { occasion, removed: true };
    });
  }

  private checkRule(kind: EventKind, calendar: OccasionCalendar, month: number, day: number): void {
    if (!(OCCASION_KINDS as readonly EventKind[]).includes(kind))
      throw badInput('An occasion is a NATIONAL_OCCASION or a RELIGIOUS_OCCASION.', 'input.kind');
    if (day > maxDay(calendar, month))
      throw badInput(`Month ${month} of this calendar has at most ${maxDay(calendar, month)} days.`, 'input.day');
  }

  /** The overrides of these occasions for the years a range can touch (with the expansion's margin). */
  private overridesNear(occasions: readonly OccasionRule[], from: LocalDate, to: LocalDate): Promise<OccasionOverride[]> {
    const margin = MAX_OVERRIDE_SHIFT_DAYS + 1;
    const years = (calendar: OccasionCalendar) => [
      calendarYearOf(calendar, addDays(from, -margin)),
      calendarYearOf(calendar, addDays(to, margin)),
    ];
    const [solarFrom, solarTo] = years(OccasionCalendar.SOLAR_HIJRI);
    const [lunarFrom, lunarTo] = years(OccasionCalendar.LUNAR_HIJRI);
    return this.db
      .getRepository(OccasionOverride)
      .createQueryBuilder('v')
      .innerJoin(Occasion, 'o', 'o.id = v.occasion_id')
      .where('v.occasion_id IN (:...ids)', { ids: occasions.map((o) => o.id) })
      .andWhere(
        `((o.calendar = 'SOLAR_HIJRI' AND v.year BETWEEN :solarFrom AND :solarTo) OR (o.calendar = 'LUNAR_HIJRI' AND v.year BETWEEN :lunarFrom AND :lunarTo))`,
        { solarFrom, solarTo, lunarFrom, lunarTo },
      )
      .getMany();
  }

  /** One year of an occasion as an all-day Event item. */
  private toEvent(occasion: Occasion, year: number, overrides: ReadonlyMap<number, LocalDate>, override: OccasionOverride | null): Event {
    const detail = occurrenceIn(occasion, year, overrides);
    const changed = override && override.updatedAt > occasion.updatedAt ? override.updatedAt : occasion.updatedAt;
    return Object.assign(new Event(), {
      id: occurrenceId(occasion.id, year),
      kind: occasion.kind,
      titleFa: occasion.titleFa,
      titleEn: occasion.titleEn,
      descriptionFa: occasion.descriptionFa,
      descriptionEn: occasion.descriptionEn,
      startsAt: startOfDay(detail.date, this.timeZone),
      endsAt: startOfDay(addDays(detail.date, 1), this.timeZone),
      venueFa: null,
      venueEn: null,
      districtId: null,
      status: EventStatus.PUBLISHED,
      pinned: false,
      pollId: null,
      goalId: null,
      publishedAt: occasion.createdAt,
      createdAt: occasion.createdAt,
      updatedAt: changed,
      occurrence: { occasion, detail, override },
    });
  }
}
