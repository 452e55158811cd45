// `npm run admin:create -- --email someone@city.ir [--name "…"]`: creates the first (or another)
// ADMIN account with no usable password and prints a one-time link (24 h, single use) to set one.
// Works on an empty database: it applies the migrations first, as the server does at start.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config';
import { withCliDatabase } from '../../db/cli-database';
import { AuditService } from './audit.service';
import { PasswordSetupService } from './password-setup.service';

async function run(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true });
  const { email, name } = values;
  if (!email) {
    process.stderr.write('usage: npm run admin:create -- --email someone@city.ir [--name "Display name"]\n');
    return 2;
  }
  const config = loadConfig();
  return withCliDatabase('admin:create', config, async (db) => {
    const service = new PasswordSetupService(db, new AuditService(), config.env, config.webhooks.siteUrl);
    const created = await service.createAdmin(email, name);
    process.stdout.write(
      `Created ADMIN ${created.user.email} (${created.user.displayName}).\n` +
        `Open this link within 24 hours to set the password (it works once):\n${created.link}\n`,
    );
    return 0;
  });
}

run().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`admin:create failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
