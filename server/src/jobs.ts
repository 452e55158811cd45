import { JobQueue } from './common/job-queue';
import { type Config } from './config';
import { type Logger } from './logger';
import { SWEEP_CRONTAB } from './modules/files/file.service';
import { type Services } from './services';

/**
 * Starts the app's job queue on a PostgreSQL server, with the tasks and schedules the modules
 * give: mail's deliveries (only with SMTP_URL; otherwise e-mails are queued and wait) and the
 * hourly sweep of unused files. On the embedded database (PGlite) graphile-worker cannot run:
 * there is no queue, so no e-mail and no sweep. A queue that cannot start is logged and the rest
 * of the server runs on. Resolves to the running queue, if any.
 */
export async function startJobQueue(config: Config, services: Services, log: Logger): Promise<JobQueue | undefined> {
  if (config.database.kind !== 'url') {
    log.warn(
      'the job queue is off: it needs a PostgreSQL server (DATABASE_URL), not the embedded database; so are e-mail and the sweep of unused files',
    );
    services.mail.useQueue(undefined);
    return undefined;
  }
  const queue = new JobQueue(config.database.url, log, { pollIntervalMs: config.mail.pollIntervalMs });
  try {
    await queue.start({ ...services.mail.queueTasks(), ...services.files.queueTasks() }, [SWEEP_CRONTAB]);
  } catch (err) {
    // E-mail operations answer SERVICE_UNAVAILABLE, what was queued waits, and no file is swept.
    log.error({ err }, 'the job queue could not start: e-mail and the sweep of unused files are off until the server restarts');
    await queue.stop();
    services.mail.useQueue(undefined);
    return undefined;
  }
  services.mail.useQueue(queue);
  services.files.useQueue(true);
  return queue;
}
