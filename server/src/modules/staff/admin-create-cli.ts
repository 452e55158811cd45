// `npm run admin:create -- --email someone@city.ir [--name "…"]`: creates the first (or another)
// ADMIN account with no usable password and prints a one-time link (24 h, single use) to set one.
// Works on an empty database: it applies the migrations first, as the server does at start.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config';
import { createDataSource } from '../../db/data-source';
import { migrate } from '../../db/migrate';
import { QueryLogger } from '../../db/query-logger';
import { createLogger } from '../../logger';
import { AuditService } from './audit.service';
import { PasswordSetupService } from './password-setup.service';

async function run(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true });
  if (!values.email) {
    process.stderr.write('usage: npm run admin:create -- --email someone@city.ir [--name "Display name"]\n');
    return 2;
  }
  const config = loadConfig();
  if (config.database.kind !== 'url') {
    process.stderr.write('admin:create needs DATABASE_URL (the embedded development database is used only by a running server).\n');
    return 2;
  }
  // TypeORM's own console logger would print a refused INSERT with its parameters and the driver's
  // error before the one line that matters; errors reach the operator below, as a sentence.
  const logger = new QueryLogger(createLogger('error'));
  const db = createDataSource({ url: config.database.url, poolSize: 1, applicationName: 'nabz-admin-create', logger });
  await db.initialize();
  try {
    await migrate(db);
    const service = new PasswordSetupService(db, new AuditService(), config.env, config.webhooks.siteUrl);
    const created = await service.createAdmin(values.email, values.name);
    process.stdout.write(
      `Created ADMIN ${created.user.email} (${created.user.displayName}).\n` +
        `Open this link within 24 hours to set the password (it works once):\n${created.link}\n`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

run().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`admin:create failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
