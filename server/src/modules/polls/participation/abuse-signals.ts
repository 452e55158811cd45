import { createHmac } from 'node:crypto';
import type ipaddr from 'ipaddr.js';
import { type DataSource, type EntityManager } from 'typeorm';
import { parseClientAddress } from '../../../common/client-address';
import { badInput, notFound } from '../../../common/errors';
import { isUuid } from '../../../common/ids';
import { PeriodicTask } from '../../../common/periodic-task';
import { lockById } from '../../../db/lock-by-id';
import { type Logger } from '../../../logger';
import { CityCalendar } from '../../analytics/city-day';
import { DailySalts } from '../../analytics/salts';
import { type AuditService } from '../../staff/audit.service';
import { type Actor } from '../../staff/staff.policy';
import { PollQuarantine } from './participation.entity';
import { FOLD_LOCK_CLASS } from '../poll-tally.service';

/** Bursts: a minute is one when it has at least this many answers and BURST_FACTOR × the poll's typical minute. */
export const BURST_MIN_ANSWERS = 10;
export const BURST_FACTOR = 4;
/** Clusters shown, and kept on responses, from this many answers up (a household stays below it). */
export const CLUSTER_MIN_ANSWERS = 5;
const WINDOW_MS = 10 * 60_000;
/**
 * How far before the previous run eraseSmallClusters looks for stored responses: a cluster becomes
 * erasable at most two windows after its last answer arrived, or when that answer left the mix, and
 * its response is stored with the hour it moved in; the rest is room for clocks that differ.
 */
const RECHECK_MS = 2 * 60 * 60_000;
/** Advisory-lock class of moving a poll's answers (AnswerMixer): a quarantine waits for a move in progress. */
const MOVER_LOCK_CLASS = 28259;

/** The network an address belongs to for clustering: its /24 (IPv4) or /48 (IPv6). */
export function networkPrefix(address: string): string {
  const parsed = parseClientAddress(address);
  if (!parsed) return 'unknown';
  if (parsed.kind() === 'ipv4') return `${(parsed as ipaddr.IPv4).octets.slice(0, 3).join('.')}.0/24`;
  return `${(parsed as ipaddr.IPv6).parts
    .slice(0, 3)
    .map((part) => part.toString(16))
    .join(':')}::/48`;
}

const BROWSERS: Array<[RegExp, string]> = [
  [/bot|spider|crawl/i, 'bot'],
  [/curl\/|wget\/|python|okhttp|go-http/i, 'tool'],
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/SamsungBrowser\//, 'Samsung'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/CriOS\/|Chrome\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** A browser family and operating system, coarse on purpose: "Chrome/Android", "Safari/iOS", "tool/other". */
export function userAgentFamily(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const pick = (list: Array<[RegExp, string]>) => list.find(([r]) => r.test(ua))?.[1] ?? 'other';
  return `${pick(BROWSERS)}/${pick(SYSTEMS)}`;
}

export interface Burst {
  minute: Date;
  answers: number;
  baseline: number;
}
export interface Cluster {
  id: string;
  windowStart: Date;
  answers: number;
  quarantined: boolean;
}

/**
 * Abuse signals for analysts: answers per minute against the poll's own typical minute (bursts),
 * and answers per ten-minute window from one network prefix and browser family (clusters), hashed
 * under the day's analytics salt — deleted with it, after which no one can tell which network a
 * cluster was. Counted in memory and written every few seconds (a crash loses at most those
 * seconds of signal, never an answer). A quarantine holds a window's or a cluster's answers out of
 * every result, keeping them stored; releasing it puts them back.
 */
export class AbuseSignals {
  private readonly salts: DailySalts;
  private readonly calendar: CityCalendar;
  private minutes = new Map<string, number>();
  private clusters = new Map<string, { pollId: string; windowStart: Date; key: Buffer; answers: number }>();
  private flushing?: Promise<void>;
  /** When the last eraseSmallClusters of this process started (unset: none has finished yet). */
  private erasedBefore?: number;
  /** flush() logs its own failures. */
  private readonly flusher = new PeriodicTask(
    () => this.flush(),
    () => undefined,
  );
  private readonly housekeeping = new PeriodicTask(
    async () => {
      await this.purgeExpired();
      await this.eraseSmallClusters();
    },
    (err) => this.log.warn({ err }, 'participation housekeeping failed'),
  );

  constructor(
    private readonly db: DataSource,
    private readonly timeZone: string,
    private readonly log: Logger,
    private readonly audit: AuditService,
    /** Folds queued responses into the tallies (after a quarantine rebuilds a poll's). */
    private readonly fold: () => Promise<unknown>,
    private readonly announce: (pollId: string) => void,
  ) {
    this.salts = new DailySalts(db);
    this.calendar = new CityCalendar(timeZone);
  }

  start(flushMs: number): void {
    this.flusher.start(flushMs);
    this.housekeeping.start(60_000);
  }

  async stop(): Promise<void> {
    await this.flusher.stop();
    await this.housekeeping.stop();
    await this.flush();
  }

  /** Deletes spent challenges and codes past their expiry (they refuse nothing more), and per-minute counts older than a year. */
  async purgeExpired(): Promise<void> {
    await this.db.query('DELETE FROM spent_challenge WHERE expires_at < now()');
    await this.db.query('DELETE FROM verification_code WHERE expires_at < now()');
    await this.db.query(`DELETE FROM poll_arrival_minute WHERE minute < now() - interval '1 year'`);
  }

  /**
   * Takes the cluster key off the responses of each cluster that never reached CLUSTER_MIN_ANSWERS
   * answers of a poll in one window (a household, not a script), once its last window is a window
   * past and none of its answers waits in the mix: until then it may still grow into one. Responses
   * keep their key until this decides, so a cluster whose answers moved in different batches is
   * still held whole by a quarantine. Returns the number of responses it changed.
   *
   * The first run of a process looks at every keyed response; later runs only at the clusters of
   * responses stored since shortly before the previous run (RECHECK_MS): a cluster becomes small and
   * settled only when its last window settles or its last answer leaves the mix, and either way one
   * of its responses is stored with that hour, so a cluster left keyed by an earlier run is a big one
   * (kept for good) or one that shows up again among the recent responses.
   */
  async eraseSmallClusters(now = new Date()): Promise<number> {
    const started = Math.min(now.getTime(), Date.now());
    await this.flush();
    const settled = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS - WINDOW_MS);
    const since = this.erasedBefore === undefined ? null : new Date(this.erasedBefore - RECHECK_MS);
    // The recent ones through ix_poll_response_cluster_time, without reading the others.
    const keyed = `SELECT DISTINCT poll_id, cluster_key FROM poll_response WHERE cluster_key IS NOT NULL${since ? ' AND submitted_at >= $3' : ''}`;
    const [, changed] = (await this.db.query(
      `WITH keyed AS (${keyed}),
       small AS (
         SELECT k.poll_id, k.cluster_key FROM keyed k
         WHERE NOT EXISTS (SELECT 1 FROM poll_arrival_cluster c WHERE c.poll_id = k.poll_id AND c.cluster_key = k.cluster_key AND (c.answers >= $1 OR c.window_start >= $2))
           AND NOT EXISTS (SELECT 1 FROM poll_answer_mix w WHERE w.poll_id = k.poll_id AND w.cluster_key = k.cluster_key)
       )
       UPDATE poll_response r SET cluster_key = NULL FROM small WHERE r.poll_id = small.poll_id AND r.cluster_key = small.cluster_key`,
      [CLUSTER_MIN_ANSWERS, settled.toISOString(), ...(since ? [since.toISOString()] : [])],
    )) as [unknown, number];
    this.erasedBefore = started;
    return changed;
  }

  /** The cluster an answer comes from: network prefix and browser family under the day's salt. */
  async clusterKey(client: { address: string; userAgent?: string } | undefined, now = new Date()): Promise<Buffer | null> {
    if (!client) return null;
    const day = this.calendar.dayOf(now);
    const salt = this.salts.cached(day) ?? (await this.salts.load(day));
    return createHmac('sha256', salt)
      .update(`abuse-cluster\n${networkPrefix(client.address)}\n${userAgentFamily(client.userAgent)}`)
      .digest()
      .subarray(0, 16);
  }

  /** Counts an accepted answer. */
  record(pollId: string, clusterKey: Buffer | null, now = new Date()): void {
    const minute = Math.floor(now.getTime() / 60_000) * 60_000;
    const mk = `${pollId}|${minute}`;
    this.minutes.set(mk, (this.minutes.get(mk) ?? 0) + 1);
    if (clusterKey) {
      const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
      const ck = `${pollId}|${windowStart.getTime()}|${clusterKey.toString('hex')}`;
      const entry = this.clusters.get(ck) ?? { pollId, windowStart, key: clusterKey, answers: 0 };
      entry.answers++;
      this.clusters.set(ck, entry);
    }
  }

  /** Writes the counts gathered since the last time (additively: instances share the rows). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (!this.minutes.size && !this.clusters.size) return;
    const minutes = this.minutes;
    const clusters = [...this.clusters.values()];
    this.minutes = new Map();
    this.clusters = new Map();
    this.flushing = (async () => {
      try {
        const m = [...minutes].map(([k, n]) => ({ pollId: k.split('|')[0], minute: new Date(Number(k.split('|')[1])), n }));
        await this.db.query(
          `INSERT INTO poll_arrival_minute (poll_id, minute, answers) SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::int[])
           ON CONFLICT ON CONSTRAINT pk_poll_arrival_minute DO UPDATE SET answers = poll_arrival_minute.answers + EXCLUDED.answers`,
          [m.map((x) => x.pollId), m.map((x) => x.minute.toISOString()), m.map((x) => x.n)],
        );
        if (clusters.length) {
          await this.db.query(
            `INSERT INTO poll_arrival_cluster (poll_id, window_start, cluster_key, answers) SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::bytea[], $4::int[])
             ON CONFLICT ON CONSTRAINT pk_poll_arrival_cluster DO UPDATE SET answers = poll_arrival_cluster.answers + EXCLUDED.answers`,
            [
              clusters.map((c) => c.pollId),
              clusters.map((c) => c.windowStart.toISOString()),
              clusters.map((c) => c.key),
              clusters.map((c) => c.answers),
            ],
          );
        }
      } catch (err) {
        this.log.warn({ err }, 'abuse signals: counts could not be written and are dropped');
      }
    })();
    await this.flushing.finally(() => (this.flushing = undefined));
  }

  async bursts(pollId: string): Promise<{ baseline: number; bursts: Burst[] }> {
    await this.flush();
    const [{ baseline }]: Array<{ baseline: number }> = await this.db.query(
      'SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY answers), 0)::float AS baseline FROM poll_arrival_minute WHERE poll_id = $1',
      [pollId],
    );
    const rows: Array<{ minute: Date; answers: number }> = await this.db.query(
      'SELECT minute, answers FROM poll_arrival_minute WHERE poll_id = $1 AND answers >= $2 AND answers >= $3 ORDER BY minute DESC LIMIT 50',
      [pollId, BURST_MIN_ANSWERS, BURST_FACTOR * baseline],
    );
    return { baseline, bursts: rows.map((r) => ({ minute: r.minute, answers: r.answers, baseline })) };
  }

  async clustersOf(pollId: string): Promise<Cluster[]> {
    await this.flush();
    const rows: Array<{ window_start: Date; cluster_key: Buffer; answers: number; quarantined: boolean }> = await this.db.query(
      `SELECT c.window_start, c.cluster_key, c.answers,
              EXISTS (SELECT 1 FROM poll_quarantine q WHERE q.poll_id = c.poll_id AND q.cluster_key = c.cluster_key AND q.released_at IS NULL) AS quarantined
       FROM poll_arrival_cluster c WHERE c.poll_id = $1 AND c.answers >= $2 ORDER BY c.answers DESC, c.window_start DESC LIMIT 50`,
      [pollId, CLUSTER_MIN_ANSWERS],
    );
    return rows.map((r) => ({
      id: r.cluster_key.toString('base64url'),
      windowStart: r.window_start,
      answers: r.answers,
      quarantined: r.quarantined,
    }));
  }

  async quarantinedCount(pollId: string): Promise<number> {
    const [{ n }] = await this.db.query('SELECT count(*)::int AS n FROM poll_response WHERE poll_id = $1 AND quarantined', [pollId]);
    return n;
  }

  quarantines(pollId: string): Promise<PollQuarantine[]> {
    return this.db.getRepository(PollQuarantine).find({ where: { pollId }, order: { createdAt: 'DESC' }, take: 100 });
  }

  /** Holds a window's (whole hours) or a cluster's answers out of every result. */
  async quarantine(
    actor: Actor,
    input: { pollId: string; clusterId?: string | null; from?: Date | null; to?: Date | null; reason: string },
  ): Promise<PollQuarantine> {
    if (!isUuid(input.pollId)) throw notFound('Poll');
    const byCluster = input.clusterId != null;
    const byWindow = input.from != null || input.to != null;
    if (byCluster === byWindow) throw badInput('Give either clusterId, or from and to.', 'input');
    let clusterKey: Buffer | null = null;
    let from: Date | null = null;
    let to: Date | null = null;
    if (byCluster) {
      clusterKey = Buffer.from(input.clusterId!, 'base64url');
      if (clusterKey.length !== 16) throw badInput('Not a cluster id of `pollAbuseSignals`.', 'input.clusterId');
    } else {
      if (!input.from || !input.to) throw badInput('A window needs both from and to.', input.from ? 'input.to' : 'input.from');
      // Responses keep the hour their batch was counted, a whole hour of the city (Tehran's are on
      // UTC's half hours): the window is widened to whole hours of the city.
      const [widened]: Array<{ from: Date; to: Date }> = await this.db.query(
        `SELECT date_trunc('hour', $1::timestamptz, $3) AS from,
                CASE WHEN date_trunc('hour', $2::timestamptz, $3) < $2::timestamptz
                     THEN date_trunc('hour', $2::timestamptz, $3) + interval '1 hour' ELSE $2::timestamptz END AS to`,
        [input.from, input.to, this.timeZone],
      );
      ({ from, to } = widened);
      if (to <= from) throw badInput('to must be after from.', 'input.to');
    }
    const saved = await this.db.transaction(async (m) => {
      if (!(await m.query('SELECT 1 FROM poll WHERE id = $1', [input.pollId])).length) throw notFound('Poll');
      await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MOVER_LOCK_CLASS, input.pollId]);
      await m.query('SET LOCAL statement_timeout = 0'); // marking and recounting a big poll takes longer than a request query may
      const q = await m.getRepository(PollQuarantine).save(
        m.getRepository(PollQuarantine).create({
          pollId: input.pollId,
          clusterKey,
          windowFrom: from,
          windowTo: to,
          reason: input.reason.trim(),
          createdBy: actor.userId,
        }),
      );
      const [, held] = (await m.query(
        `UPDATE poll_response SET quarantined = true WHERE poll_id = $1 AND NOT quarantined
         AND (($2::bytea IS NOT NULL AND cluster_key = $2) OR ($3::timestamptz IS NOT NULL AND submitted_at >= $3 AND submitted_at < $4))`,
        [input.pollId, clusterKey, from, to],
      )) as [unknown, number];
      await m.update(PollQuarantine, { id: q.id }, { responses: held });
      await this.rebuild(m, input.pollId);
      const after = { ...q, responses: held, clusterKey: clusterKey?.toString('base64url') ?? null };
      await this.audit.recordBy(m, actor, {
        action: 'quarantinePollAnswers',
        entityType: 'PollQuarantine',
        entityId: q.id,
        after,
      });
      return { ...q, responses: held };
    });
    await this.fold();
    this.announce(input.pollId);
    return saved;
  }

  /** Puts a quarantine's answers back into the results (unless another active quarantine still holds them). */
  async release(actor: Actor, id: string): Promise<PollQuarantine> {
    if (!isUuid(id)) throw notFound('Quarantine');
    const released = await this.db.transaction(async (m) => {
      const q = await lockById(m, PollQuarantine, id, 'Quarantine');
      if (q.releasedAt) throw badInput('This quarantine was released already.', 'input.id');
      await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MOVER_LOCK_CLASS, q.pollId]);
      await m.query('SET LOCAL statement_timeout = 0');
      await m.update(PollQuarantine, { id }, { releasedAt: () => 'now()', releasedBy: actor.userId } as never);
      // The answers it puts back: those no other active quarantine still holds.
      const [{ responses }] = (await m.query(
        `WITH changed AS (UPDATE poll_response r SET quarantined = ${QUARANTINED_BY_ACTIVE('r')} WHERE r.poll_id = $1 AND r.quarantined RETURNING r.quarantined)
         SELECT count(*) FILTER (WHERE NOT quarantined)::int AS responses FROM changed`,
        [q.pollId],
      )) as Array<{ responses: number }>;
      await this.rebuild(m, q.pollId);
      const saved = await m.findOneOrFail(PollQuarantine, { where: { id } });
      await this.audit.recordBy(m, actor, {
        action: 'releasePollQuarantine',
        entityType: 'PollQuarantine',
        entityId: id,
        before: { releasedAt: null },
        after: { releasedAt: saved.releasedAt, responsesReleased: responses },
      });
      return saved;
    });
    await this.fold();
    this.announce(released.pollId);
    return released;
  }

  /**
   * Recounts a poll's tallies from its responses not held out: every tally table keyed by poll is
   * emptied for the poll (found by name, so a tally added later is not forgotten) and its
   * responses queued again; reads count the queue until the fold catches up, so results stay exact.
   */
  private async rebuild(m: EntityManager, pollId: string): Promise<void> {
    // As a fold does (it takes queued responses and upserts tally rows this empties): not side by side.
    await m.query('SELECT pg_advisory_xact_lock($1, 0)', [FOLD_LOCK_CLASS]);
    const tables: Array<{ table_name: string }> = await m.query(
      `SELECT c.table_name FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.column_name = 'poll_id'
       AND c.table_name LIKE 'poll\\_%tally' AND c.table_name <> 'poll_tally_queue'`,
    );
    for (const { table_name } of tables) await m.query(`DELETE FROM "${table_name}" WHERE poll_id = $1`, [pollId]);
    await m.query('DELETE FROM poll_tally_queue WHERE poll_id = $1', [pollId]);
    await m.query(
      'INSERT INTO poll_tally_queue (poll_id, response_id) SELECT poll_id, id FROM poll_response WHERE poll_id = $1 AND NOT quarantined',
      [pollId],
    );
    await m.query(
      'INSERT INTO poll_assurance_tally (poll_id, assurance, responses) SELECT poll_id, assurance, count(*) FROM poll_response WHERE poll_id = $1 AND NOT quarantined GROUP BY 1, 2',
      [pollId],
    );
  }
}

/** SQL: whether an active quarantine of its poll holds response `r` (by cluster, or by the hour it was counted). */
export const QUARANTINED_BY_ACTIVE = (
  r: string,
) => `EXISTS (SELECT 1 FROM poll_quarantine q WHERE q.poll_id = ${r}.poll_id AND q.released_at IS NULL
  AND ((q.cluster_key IS NOT NULL AND q.cluster_key = ${r}.cluster_key) OR (q.window_from IS NOT NULL AND ${r}.submitted_at >= q.window_from AND ${r}.submitted_at < q.window_to)))`;
