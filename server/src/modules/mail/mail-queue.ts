import { Logger as GraphileLogger, run, type Runner, type Task } from 'graphile-worker';
import { type Logger } from '../../logger';

/**
 * The PostgreSQL job queue (graphile-worker), in-process with the server. Its tables live in the
 * `graphile_worker` schema, which the library creates and migrates itself when the runner starts.
 * Jobs are added in the same transaction as the rows they are about (`addJobSql`), so a job exists
 * exactly when its delivery row does. New jobs start at once (LISTEN/NOTIFY); failed ones are tried
 * again by the queue after exp(attempt) seconds, up to the job's max attempts.
 */
export class JobQueue {
  private runner?: Runner;

  constructor(
    private readonly connectionString: string,
    private readonly log: Logger,
    private readonly options: { pollIntervalMs: number; concurrency?: number },
  ) {}

  get running(): boolean {
    return this.runner !== undefined;
  }

  /** Creates (or migrates) the queue's schema without working jobs: jobs can be added, and wait. */
  async migrate(): Promise<void> {
    const { runMigrations } = await import('graphile-worker');
    await runMigrations({ connectionString: this.connectionString, logger: this.logger() });
  }

  async start(tasks: Record<string, Task>): Promise<void> {
    this.runner = await run({
      connectionString: this.connectionString,
      concurrency: this.options.concurrency ?? 2,
      maxPoolSize: 3,
      pollInterval: this.options.pollIntervalMs,
      noHandleSignals: true,
      logger: this.logger(),
      taskList: tasks,
    });
  }

  async stop(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    // Jobs in flight finish (and are recorded) before the pool closes.
    if (runner) await runner.stop();
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
