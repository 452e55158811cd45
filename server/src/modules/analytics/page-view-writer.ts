import { type DataSource, type EntityManager } from 'typeorm';
import { NO_VALUE, type ScreenClass, TrafficDimension } from './analytics.enums';

/** A page view as counted: the day is the city's, the visitor key a hex HMAC (salts.ts). */
export interface PageView {
  at: Date;
  day: string;
  visitorKey: string;
  path: string;
  referrerHost: string | null;
  screen: ScreenClass | null;
  language: string | null;
  /** The page's title as the beacon sent it; null when it sent none. */
  title?: string | null;
}

const DIMENSIONS: Array<[TrafficDimension, (v: PageView) => string | null]> = [
  [TrafficDimension.PAGE, (v) => v.path],
  [TrafficDimension.REFERRER, (v) => v.referrerHost],
  [TrafficDimension.SCREEN, (v) => v.screen],
  [TrafficDimension.LANGUAGE, (v) => v.language],
];

const SEP = '\u0001';

/**
 * Writes a batch of page views and folds them into the rollups, in one transaction: raw rows,
 * then the per-day visitor keys (ON CONFLICT DO NOTHING RETURNING tells which visitors are new
 * today, exactly, whichever instance saw them first), then the daily and per-dimension rollups and
 * the totals. Every instance takes its row locks in the same order (rows sorted by key, tables in
 * the same sequence), so two instances flushing at once queue instead of deadlocking.
 */
export async function writePageViews(db: DataSource, views: PageView[]): Promise<void> {
  if (!views.length) return;
  for (let attempt = 1; ; attempt++) {
    try {
      await db.transaction((m) => write(m, views));
      return;
    } catch (err) {
      // A deadlock or serialization failure rolled everything back: the batch can be written again.
      const code = (err as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (err as { code?: string }).code;
      if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw err;
    }
  }
}

async function write(m: EntityManager, views: PageView[]): Promise<void> {
  const n = views.length;
  const at = new Array<string>(n);
  const day = new Array<string>(n);
  const key = new Array<string>(n);
  const path = new Array<string>(n);
  const referrer = new Array<string | null>(n);
  const screen = new Array<string | null>(n);
  const language = new Array<string | null>(n);
  /** Index of each (day, visitor)'s first view in the batch (views arrive in time order). */
  const firstView = new Map<string, number>();
  const pageViewsByDay = new Map<string, number>();
  const dimensionCounts = new Map<string, { views: number; visits: number }>();

  for (let i = 0; i < n; i++) {
    const v = views[i];
    at[i] = v.at.toISOString();
    day[i] = v.day;
    key[i] = v.visitorKey;
    path[i] = v.path;
    referrer[i] = v.referrerHost;
    screen[i] = v.screen;
    language[i] = v.language;
    const visitor = `${v.day}${SEP}${v.visitorKey}`;
    if (!firstView.has(visitor)) firstView.set(visitor, i);
    pageViewsByDay.set(v.day, (pageViewsByDay.get(v.day) ?? 0) + 1);
    for (const [dimension, of] of DIMENSIONS) {
      const k = `${dimension}${SEP}${v.day}${SEP}${of(v) ?? NO_VALUE}`;
      const c = dimensionCounts.get(k);
      if (c) c.views++;
      else dimensionCounts.set(k, { views: 1, visits: 0 });
    }
  }

  await m.query(
    `INSERT INTO analytics_page_view (at, day, visitor_key, path, referrer_host, screen, language)
     SELECT at, day, decode(k, 'hex'), path, ref, screen::analytics_screen_class, lang
     FROM unnest($1::timestamptz[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS v (at, day, k, path, ref, screen, lang)`,
    [at, day, key, path, referrer, screen, language],
  );

  const visitors = [...firstView.keys()].map((k) => k.split(SEP));
  const fresh = (await m.query(
    `INSERT INTO analytics_visitor_day (day, visitor_key)
     SELECT d, decode(k, 'hex') FROM unnest($1::date[], $2::text[]) AS v (d, k) ORDER BY 1, 2
     ON CONFLICT ON CONSTRAINT pk_analytics_visitor_day DO NOTHING
     RETURNING day::text AS day, encode(visitor_key, 'hex') AS k`,
    [visitors.map((v) => v[0]), visitors.map((v) => v[1])],
  )) as Array<{ day: string; k: string }>;

  const newVisitorsByDay = new Map<string, number>();
  for (const { day: d, k } of fresh) {
    newVisitorsByDay.set(d, (newVisitorsByDay.get(d) ?? 0) + 1);
    // A visit belongs to the visitor's first page view of the day: its page, referrer, screen, language.
    const first = views[firstView.get(`${d}${SEP}${k}`)!];
    for (const [dimension, of] of DIMENSIONS) dimensionCounts.get(`${dimension}${SEP}${d}${SEP}${of(first) ?? NO_VALUE}`)!.visits++;
  }

  const days = [...pageViewsByDay.keys()];
  const daily = (await m.query(
    `INSERT INTO analytics_daily (day, visitors, page_views)
     SELECT * FROM unnest($1::date[], $2::int[], $3::bigint[]) ORDER BY 1
     ON CONFLICT ON CONSTRAINT pk_analytics_daily DO UPDATE
       SET visitors = analytics_daily.visitors + EXCLUDED.visitors, page_views = analytics_daily.page_views + EXCLUDED.page_views
     RETURNING day::text AS day, visitors`,
    [days, days.map((d) => newVisitorsByDay.get(d) ?? 0), days.map((d) => pageViewsByDay.get(d)!)],
  )) as Array<{ day: string; visitors: number }>;

  const dims = [...dimensionCounts.entries()].map(([k, c]) => {
    const [dimension, d, value] = k.split(SEP);
    return { dimension, day: d, value, ...c };
  });
  await m.query(
    `INSERT INTO analytics_daily_dimension (dimension, day, value, page_views, visits)
     SELECT dimension::analytics_dimension, day, value, page_views, visits
     FROM unnest($1::text[], $2::date[], $3::text[], $4::bigint[], $5::int[]) AS v (dimension, day, value, page_views, visits) ORDER BY 1, 2, 3
     ON CONFLICT ON CONSTRAINT pk_analytics_daily_dimension DO UPDATE
       SET page_views = analytics_daily_dimension.page_views + EXCLUDED.page_views, visits = analytics_daily_dimension.visits + EXCLUDED.visits`,
    [dims.map((d) => d.dimension), dims.map((d) => d.day), dims.map((d) => d.value), dims.map((d) => d.views), dims.map((d) => d.visits)],
  );

  // Each page's latest title (views arrive in time order, so the last one in the batch wins).
  const titles = new Map<string, string>();
  for (const v of views) if (v.title) titles.set(v.path, v.title);
  if (titles.size) {
    await m.query(
      `INSERT INTO analytics_page_title (path, title, seen_at)
       SELECT path, title, $3 FROM unnest($1::text[], $2::text[]) AS v (path, title) ORDER BY 1
       ON CONFLICT ON CONSTRAINT pk_analytics_page_title DO UPDATE SET title = EXCLUDED.title, seen_at = EXCLUDED.seen_at
       WHERE analytics_page_title.seen_at <= EXCLUDED.seen_at`,
      [[...titles.keys()], [...titles.values()], views[views.length - 1].at.toISOString()],
    );
  }

  // The record day: the highest daily count after this batch (rows locked by us, so exact); on a
  // tie the earlier day keeps the record.
  const best = daily.reduce((a, b) => (b.visitors > a.visitors || (b.visitors === a.visitors && b.day < a.day) ? b : a));
  await m.query(
    `UPDATE analytics_total SET
       visitors = visitors + $1, page_views = page_views + $2,
       max_daily_day = CASE WHEN $3::int > max_daily THEN $4::date ELSE max_daily_day END,
       max_daily = GREATEST(max_daily, $3::int),
       updated_at = now()
     WHERE id = 1`,
    [fresh.length, n, best.visitors, best.day],
  );
}
