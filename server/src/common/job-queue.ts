import { Logger as GraphileLogger, run, type Runner, type TaskList } from 'graphile-worker';
import pg from 'pg';
import { type Logger } from '../logger';

/**
 * The PostgreSQL job queue (graphile-worker), in-process with the server and owned by the app: the
 * modules hand it their tasks (mail's deliveries, the files' sweep) and cron items. Its tables live
 * in the `graphile_worker` schema, which the library creates and migrates itself when the runner
 * starts. Jobs are added in the same transaction as the rows they are about (`ADD_JOB_SQL`), so a
 * job exists exactly when its row does. New jobs start at once (LISTEN/NOTIFY); failed ones are
 * tried again by the queue after exp(attempt) seconds, up to the job's max attempts.
 *
 * A runner only fetches jobs of the tasks in its list: a job whose task this server does not run
 * (mail without SMTP_URL) waits in the table for a server that does. Cron items are scheduled once
 * across all the runners on one database (graphile-worker records each run in its known crontabs).
 * It needs a PostgreSQL server: on the embedded PGlite there is no queue.
 */
export class JobQueue {
  private runner?: Runner;
  private pool?: pg.Pool;

  constructor(
    private readonly connectionString: string,
    private readonly log: Logger,
    private readonly options: { pollIntervalMs: number; concurrency?: number },
  ) {}

  get running(): boolean {
    return this.runner !== undefined;
  }

  /** Migrates the queue's schema and starts working the given tasks, and scheduling the crontab's items. */
  async start(tasks: TaskList, crontab: string[] = []): Promise<void> {
    // The queue's own pool, ended only after the runner has stopped, and never without an error
    // listener: a connection the server ends (a restart, a dropped database) is logged, not fatal.
    const pool = new pg.Pool({ connectionString: this.connectionString, max: 3 });
    pool.on('error', (err) => this.log.warn({ err }, 'job queue: an idle database connection failed'));
    pool.on('connect', (client) => client.on('error', (err) => this.log.debug({ err }, 'job queue: a database connection failed')));
    this.pool = pool;
    const runner = await run({
      pgPool: pool,
      concurrency: this.options.concurrency ?? 2,
      pollInterval: this.options.pollIntervalMs,
      noHandleSignals: true,
      logger: this.logger(),
      taskList: tasks,
      crontab: crontab.join('\n'),
    });
    // The runner stops itself on a fatal error (and says so through the logger); nothing is left unhandled.
    runner.promise.catch((err: unknown) => this.log.error({ err }, 'the job queue stopped'));
    this.runner = runner;
  }

  async stop(): Promise<void> {
    const runner = this.runner;
    const pool = this.pool;
    this.runner = undefined;
    this.pool = undefined;
    // Jobs in flight finish (and are recorded) before the pool closes. A runner that already
    // stopped itself (after a fatal error) says so by throwing.
    if (runner) await runner.stop().catch((err: unknown) => this.log.debug({ err }, 'the job queue had already stopped'));
    await pool?.end().catch((err: unknown) => this.log.debug({ err }, 'job queue: closing its connections failed'));
  }

  private logger(): GraphileLogger {
    return new GraphileLogger((scope) => (level, message, meta) => {
      const entry = { scope: { label: scope.label, taskIdentifier: scope.taskIdentifier, jobId: scope.jobId }, ...(meta ?? {}) };
      if (level === 'error') this.log.error(entry, `job queue: ${message}`);
      else if (level === 'warning') this.log.warn(entry, `job queue: ${message}`);
      else this.log.debug(entry, `job queue: ${message}`);
    });
  }
}

/** SQL that adds a job inside the caller's transaction: $1 task, $2 payload (json), $3 run at, $4 max attempts, $5 job key. */
export const ADD_JOB_SQL = `SELECT graphile_worker.add_job($1::text, $2::json, run_at => $3::timestamptz, max_attempts => $4::int, job_key => $5::text)`;
