import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { isDatabaseUnavailable } from './db/unavailable';
import { createLogger } from './logger';

/**
 * What `step` returns; a wrong setting (ConfigError: the environment, or a secret that is not the one
 * the database was set up with) stops start-up with its message and EX_CONFIG, not a stack trace.
 */
async function orConfigExit<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}

/** The only file that listens. Start-up stops with a clear message when configuration is wrong. */
async function main() {
  const config = await orConfigExit(() => loadConfig());
  const log = createLogger(config.logLevel);
  // A library that loses its database connection can leave a rejected promise no one awaits
  // (graphile-worker's cron, when PostgreSQL goes away while it is registering its items, after
  // its runner has stopped and said so): a database outage is logged, and the server keeps
  // answering SERVICE_UNAVAILABLE until the database is back. Any other unhandled rejection still
  // ends the process, as Node's default does.
  process.on('unhandledRejection', (reason) => {
    if (!isDatabaseUnavailable(reason)) throw reason;
    log.error({ err: reason }, 'a database connection failed where nothing handled it; the server carries on');
  });
  const started = Date.now();
  const app = await orConfigExit(() => createApp(config, { log }));
  const url = await app.listen();
  log.info({ url: `${url}/graphql`, ms: Date.now() - started }, 'Nabz API ready');

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down');
      void app.close().then(() => process.exit(0));
    });
  }
}

main().catch((err) => {
  process.stderr.write(`Nabz server failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
