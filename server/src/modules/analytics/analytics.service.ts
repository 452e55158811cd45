import { type DataSource } from 'typeorm';
import { addressGroup } from '../../common/client-address';
import { badInput, rateLimited } from '../../common/errors';
import { type Logger } from '../../logger';
import { type AuditService } from '../staff/audit.service';
import { type Viewer } from '../staff/staff.policy';
import { NO_VALUE, type ScreenClass, TrafficDimension } from './analytics.enums';
import { analyticsUnavailable } from './analytics.errors';
import { COUNTER_MAX } from './analytics.inputs';
import { ACTIVE_WINDOW_MS, TRAFFIC_MAX_DAYS } from './analytics.policy';
import { type ScreenTraffic, type SiteStats, SiteTraffic, type SiteTrafficDay, type TrafficCount } from './analytics.types';
import { languageFromHeader, type PageViewFields } from './beacon';
import { BotFilter } from './bot-filter';
import { addDays, CityCalendar, daysInRange, isLocalDate } from './city-day';
import { DEFAULT_BUFFER, PageViewBuffer } from './page-view-buffer';
import { DailySalts, visitorKey } from './salts';
import { AddressLimits } from './address-limits';
import { systemClock, type Clock } from '../../common/clock';

export interface AnalyticsSettings {
  timeZone: string;
  /** The site's host name: part of every visitor key; referrers from it are the site's own pages. */
  site: string;
  /** Days raw page views are kept (rollups are kept for good). */
  retentionDays: number;
  flushMs: number;
  /** Page views one address may send a minute; visitors one address may add a day (see AddressLimits). */
  beaconsPerMinute: number;
  visitorsPerAddress: number;
  clock?: Clock;
}

/** Who sent a page view, as the HTTP layer sees it. Used for the visitor key, then dropped. */
export interface PageViewClient {
  address: string;
  userAgent: string | undefined;
  /** The Origin header: referrers from the page's own site are not referrers. */
  origin?: string;
  acceptLanguage?: string;
}

export type RecordOutcome = 'COUNTED' | 'BOT';

/**
 * How long an instance reuses its siteStats answer. The public counters are read on every page of
 * the site; they already lag by up to a write interval, and this instance's own writes refresh them.
 */
const STATS_CACHE_MS = 1000;
/** Old raw page views are deleted this many at a time (short transactions). */
const DELETE_BATCH = 10_000;
/** How often the clock is checked for a new day (no SQL unless the day changed). */
const TICK_MS = 60_000;
/** Housekeeping runs at start, when the city's day changes, and at least this often. */
const MAINTENANCE_MS = 3_600_000;

function hostOfOrigin(origin: string): string {
  return origin
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/:\d+$/, '')
    .toLowerCase()
    .replace(/^www\./, '');
}

/**
 * Privacy-first site analytics: counts page views and daily unique visitors (keyed hashes under a
 * daily salt, see salts.ts), keeps daily rollups in the city's time zone, answers the public
 * counters from them in constant time, and deletes raw page views after the retention period.
 */
export class AnalyticsService {
  readonly calendar: CityCalendar;
  private readonly clock: Clock;
  private readonly salts: DailySalts;
  private readonly bots = new BotFilter();
  private readonly buffer: PageViewBuffer;
  private readonly siteHost: string;
  private readonly limits: AddressLimits;
  private maintenanceTimer?: NodeJS.Timeout;
  private maintaining?: Promise<unknown>;
  private lastMaintenance = { day: '', at: 0 };
  private statsCache?: { day: string; until: number; stats: Promise<SiteStats> };

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly log: Logger,
    private readonly settings: AnalyticsSettings,
  ) {
    this.clock = settings.clock ?? systemClock;
    this.calendar = new CityCalendar(settings.timeZone);
    this.salts = new DailySalts(db);
    this.buffer = new PageViewBuffer(db, log, { ...DEFAULT_BUFFER, flushMs: settings.flushMs }, () => (this.statsCache = undefined));
    this.siteHost = settings.site.toLowerCase().replace(/^www\./, '');
    this.limits = new AddressLimits({ beaconsPerMinute: settings.beaconsPerMinute, visitorsPerDay: settings.visitorsPerAddress });
  }

  /** The city's current day. */
  today(): string {
    return this.calendar.dayOf(this.clock());
  }

  /**
   * Starts the write timer and housekeeping. The first housekeeping (today's salt, deleting what is
   * past due, even after downtime) is awaited, so no background SQL runs right after start-up.
   */
  async start(): Promise<void> {
    this.buffer.start();
    await this.maintain().catch((err) => this.log.error({ err }, 'analytics: housekeeping failed; will retry'));
    this.maintenanceTimer = setInterval(() => {
      const now = this.clock();
      if (this.calendar.dayOf(now) !== this.lastMaintenance.day || now.getTime() - this.lastMaintenance.at >= MAINTENANCE_MS)
        this.maintainInBackground();
    }, TICK_MS);
    this.maintenanceTimer.unref();
  }

  /** Stops the timers and writes every page view still buffered. */
  async stop(): Promise<void> {
    clearInterval(this.maintenanceTimer);
    await this.maintaining;
    await this.buffer.stop();
  }

  /** Page views accepted but not written yet. */
  get buffered(): number {
    return this.buffer.size;
  }

  /** Writes every buffered page view now. */
  flush(): Promise<number> {
    return this.buffer.flush();
  }

  /**
   * Counts a page view (bots excepted). Synchronous when this instance already has the day's salt,
   * which is every page view but the first of the day. Throws RATE_LIMITED (with retryAfter) past
   * the address's page views of the minute.
   */
  record(client: PageViewClient, fields: PageViewFields): RecordOutcome | Promise<RecordOutcome> {
    if (this.bots.isBot(client.userAgent)) return 'BOT';
    const at = this.clock();
    const day = this.calendar.dayOf(at);
    const salt = this.salts.cached(day);
    if (salt) return this.push(salt, at, day, client, fields);
    return this.salts.load(day).then((loaded) => this.push(loaded, at, day, client, fields));
  }

  private push(salt: Buffer, at: Date, day: string, client: PageViewClient, fields: PageViewFields): RecordOutcome {
    // The address (its /64 for IPv6) only as a keyed hash under the day's salt, even in memory.
    const group = addressGroup(client.address);
    const addressKey = visitorKey(salt, this.settings.site, group, '');
    const wait = this.limits.admit(addressKey, at.getTime());
    if (wait) throw rateLimited(wait);
    let referrerHost = fields.referrerHost;
    if (referrerHost && (referrerHost === this.siteHost || (client.origin && referrerHost === hostOfOrigin(client.origin))))
      referrerHost = null;
    const visitor = this.limits.visitor(
      addressKey,
      day,
      visitorKey(salt, this.settings.site, client.address, client.userAgent!),
      visitorKey(salt, this.settings.site, group, '\u0000more'),
    );
    const accepted = this.buffer.push({
      at,
      day,
      visitorKey: visitor,
      path: fields.path,
      referrerHost,
      screen: fields.screen,
      language: fields.language ?? languageFromHeader(client.acceptLanguage),
      title: fields.title,
    });
    if (!accepted) throw analyticsUnavailable();
    return 'COUNTED';
  }

  /**
   * The public counters: three primary-key reads, whatever the number of page views; the answer is
   * reused for up to STATS_CACHE_MS (concurrent callers share one read) until this instance writes.
   */
  siteStats(): Promise<SiteStats> {
    const today = this.today();
    const cached = this.statsCache;
    if (cached && cached.day === today && performance.now() < cached.until) return cached.stats;
    const stats = this.siteStatsFromRollups(today);
    const entry = { day: today, until: performance.now() + STATS_CACHE_MS, stats };
    this.statsCache = entry;
    stats.catch(() => {
      if (this.statsCache === entry) this.statsCache = undefined;
    });
    return stats;
  }

  /** siteStats read from the rollups, without the cache (benchmarks time this too). */
  async siteStatsFromRollups(today = this.today()): Promise<SiteStats> {
    const [row] = (await this.db.query(
      `SELECT t.visitors, t.page_views, t.max_daily, t.max_daily_day::text AS max_daily_day,
              t.imported_visitors, t.imported_max_daily, t.imported_max_daily_day::text AS imported_max_daily_day,
              coalesce(td.visitors, 0) AS today, coalesce(td.page_views, 0) AS today_views,
              coalesce(yd.visitors, 0) AS yesterday, coalesce(yd.page_views, 0) AS yesterday_views
       FROM analytics_total t
       LEFT JOIN analytics_daily td ON td.day = $1::date
       LEFT JOIN analytics_daily yd ON yd.day = $2::date
       WHERE t.id = 1`,
      [today, addDays(today, -1)],
    )) as Array<Record<string, string | number | null>>;
    const counted = Number(row.max_daily);
    const imported = Number(row.imported_max_daily);
    // The previous site's record stands until a day counted here beats it.
    const record =
      counted > imported
        ? { maxDaily: counted, maxDailyDate: row.max_daily_day as string | null }
        : { maxDaily: imported, maxDailyDate: row.imported_max_daily_day as string | null };
    return {
      date: today,
      timeZone: this.settings.timeZone,
      today: Number(row.today),
      yesterday: Number(row.yesterday),
      total: Number(row.imported_visitors) + Number(row.visitors),
      ...record,
      pageViewsToday: Number(row.today_views),
      pageViewsYesterday: Number(row.yesterday_views),
      pageViewsTotal: Number(row.page_views),
    };
  }

  /** Checks a range of days for siteTraffic. */
  traffic(from: string, to: string): SiteTraffic {
    if (!isLocalDate(from)) throw badInput('from must be a date written YYYY-MM-DD.', 'from');
    if (!isLocalDate(to)) throw badInput('to must be a date written YYYY-MM-DD.', 'to');
    if (to < from) throw badInput('to must not be before from.', 'to');
    if (daysInRange(from, to) > TRAFFIC_MAX_DAYS) throw badInput(`A range is at most ${TRAFFIC_MAX_DAYS} days.`, 'to');
    return Object.assign(new SiteTraffic(), { from, to });
  }

  /** Every day of the range, days without traffic included, oldest first. */
  async days(range: SiteTraffic): Promise<SiteTrafficDay[]> {
    const rows = (await this.db.query(
      `SELECT d::date::text AS date, coalesce(a.visitors, 0) AS visitors, coalesce(a.page_views, 0)::float8 AS page_views
       FROM generate_series($1::date, $2::date, interval '1 day') AS d
       LEFT JOIN analytics_daily a ON a.day = d::date
       ORDER BY d`,
      [range.from, range.to],
    )) as Array<{ date: string; visitors: number; page_views: number }>;
    return rows.map((r) => ({ date: r.date, visitors: r.visitors, pageViews: r.page_views }));
  }

  /** Visits (summed per day) and page views over the range. */
  async totals(range: SiteTraffic): Promise<{ visits: number; pageViews: number }> {
    const [row] = (await this.db.query(
      'SELECT coalesce(sum(visitors), 0)::float8 AS visits, coalesce(sum(page_views), 0)::float8 AS page_views FROM analytics_daily WHERE day BETWEEN $1 AND $2',
      [range.from, range.to],
    )) as Array<{ visits: number; page_views: number }>;
    return { visits: row.visits, pageViews: row.page_views };
  }

  /** The top values of a dimension over the range, from the daily rollup. */
  async top(range: SiteTraffic, dimension: TrafficDimension, first: number): Promise<TrafficCount[]> {
    const order = dimension === TrafficDimension.PAGE ? 'page_views DESC, visits DESC' : 'visits DESC, page_views DESC';
    const rows = (await this.db.query(
      `SELECT d.value, d.page_views, d.visits, t.title FROM (
         SELECT value, sum(page_views)::float8 AS page_views, sum(visits)::float8 AS visits
         FROM analytics_daily_dimension WHERE dimension = $1 AND day BETWEEN $2 AND $3
         GROUP BY value ORDER BY ${order}, value LIMIT $4) d
       LEFT JOIN analytics_page_title t ON $1 = 'PAGE' AND t.path = d.value
       ORDER BY ${order.replace(/(\w+) (DESC|ASC)/g, 'd.$1 $2')}, d.value`,
      [dimension, range.from, range.to, first],
    )) as Array<{ value: string; page_views: number; visits: number; title: string | null }>;
    return rows.map((r) => ({ value: r.value === NO_VALUE ? null : r.value, pageViews: r.page_views, visits: r.visits, title: r.title }));
  }

  async screens(range: SiteTraffic): Promise<ScreenTraffic[]> {
    const rows = await this.top(range, TrafficDimension.SCREEN, 10);
    return rows.map((r) => ({ screen: r.value as ScreenClass | null, pageViews: r.pageViews, visits: r.visits }));
  }

  /** Distinct visitors with a page view in the last five minutes (written ones: up to a flush behind). */
  async activeVisitors(): Promise<number> {
    const now = this.clock();
    const [row] = (await this.db.query('SELECT count(DISTINCT visitor_key)::int AS n FROM analytics_page_view WHERE at > $1 AND at <= $2', [
      new Date(now.getTime() - ACTIVE_WINDOW_MS),
      now,
    ])) as Array<{ n: number }>;
    return row.n;
  }

  /**
   * Replaces the figures carried over from the previous site (not added to: importing twice is
   * harmless). Audited. `actor` is null for the command-line import.
   */
  async importCounters(
    actor: Viewer | null,
    input: { total: number; maxDaily: number; maxDailyDate?: string | null },
    requestId: string,
    fieldPrefix = 'input.',
  ): Promise<SiteStats> {
    const { total, maxDaily } = input;
    const maxDailyDate = input.maxDailyDate ?? null;
    if (!Number.isInteger(total) || total < 0 || total > COUNTER_MAX)
      throw badInput(`total must be a whole number from 0 to ${COUNTER_MAX}.`, `${fieldPrefix}total`);
    if (!Number.isInteger(maxDaily) || maxDaily < 0)
      throw badInput('maxDaily must be a whole number of at least 0.', `${fieldPrefix}maxDaily`);
    if (maxDaily > total) throw badInput('maxDaily cannot be more than total.', `${fieldPrefix}maxDaily`);
    if (maxDailyDate !== null && !isLocalDate(maxDailyDate))
      throw badInput('maxDailyDate must be a date written YYYY-MM-DD.', `${fieldPrefix}maxDailyDate`);
    if (maxDailyDate !== null && maxDailyDate > this.today())
      throw badInput('maxDailyDate cannot be in the future.', `${fieldPrefix}maxDailyDate`);
    await this.db.transaction(async (m) => {
      const [before] = (await m.query(
        `SELECT imported_visitors::float8 AS total, imported_max_daily AS "maxDaily", imported_max_daily_day::text AS "maxDailyDate"
         FROM analytics_total WHERE id = 1 FOR UPDATE`,
      )) as Array<{ total: number; maxDaily: number; maxDailyDate: string | null }>;
      await m.query(
        'UPDATE analytics_total SET imported_visitors = $1, imported_max_daily = $2, imported_max_daily_day = $3, imported_at = now(), updated_at = now() WHERE id = 1',
        [total, maxDaily, maxDailyDate],
      );
      await this.audit.record(m, {
        actorId: actor?.userId ?? null,
        action: 'importSiteCounters',
        entityType: 'SiteCounters',
        entityId: null,
        before,
        after: { total, maxDaily, maxDailyDate },
        requestId,
      });
    });
    this.statsCache = undefined;
    return this.siteStats();
  }

  /**
   * Housekeeping, run by every instance at start, at the city's midnight and hourly (each step is
   * idempotent): makes sure today's salt exists, deletes salts and visitor keys of days before
   * yesterday, and deletes raw page views older than the retention period. Counters do not move:
   * they come from the rollups.
   */
  async maintain(): Promise<{ today: string; salts: number; visitorKeys: number; pageViews: number }> {
    const now = this.clock();
    const today = this.calendar.dayOf(now);
    await this.salts.load(today);
    const purged = await this.salts.purge(addDays(today, -1));
    const pageViews = await this.deleteOldPageViews(addDays(today, -this.settings.retentionDays));
    // Only after success: a failed run is tried again at the next tick.
    this.lastMaintenance = { day: today, at: now.getTime() };
    if (purged.salts || purged.visitorKeys || pageViews)
      this.log.info({ ...purged, pageViews }, 'analytics: old salts, visitor keys and page views deleted');
    return { today, ...purged, pageViews };
  }

  /** Deletes raw page views of days before `keepFrom` (by the city's calendar), a batch at a time. */
  private async deleteOldPageViews(keepFrom: string): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = (await this.db.query(
        `DELETE FROM analytics_page_view WHERE id IN (
           SELECT id FROM analytics_page_view WHERE at < ($1::date::timestamp AT TIME ZONE $2) LIMIT ${DELETE_BATCH})`,
        [keepFrom, this.settings.timeZone],
      )) as [unknown, number];
      total += deleted;
      if (deleted < DELETE_BATCH) return total;
    }
  }

  private maintainInBackground(): void {
    if (this.maintaining) return;
    this.maintaining = this.maintain()
      .catch((err) => this.log.error({ err }, 'analytics: housekeeping failed; will retry'))
      .finally(() => (this.maintaining = undefined));
  }
}
