// `npm run -w server analytics:import -- --total 311691 --max-daily 490 [--max-daily-date YYYY-MM-DD]`:
// carries the previous site's counters over into the configured database (replacing an earlier
// import), audited with no actor, then prints the counters. Run it after `npm run build`.
import { parseArgs } from 'node:util';
import { createApp } from '../../app';
import { loadConfig } from '../../config';

const USAGE = 'usage: npm run -w server analytics:import -- --total <visits> --max-daily <visits> [--max-daily-date YYYY-MM-DD]';

function wholeNumber(name: string, raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw)) throw new Error(`--${name} must be a whole number.\n${USAGE}`);
  return Number(raw);
}

async function run() {
  const { values } = parseArgs({
    options: { total: { type: 'string' }, 'max-daily': { type: 'string' }, 'max-daily-date': { type: 'string' } },
    strict: true,
  });
  const input = {
    total: wholeNumber('total', values.total),
    maxDaily: wholeNumber('max-daily', values['max-daily']),
    maxDailyDate: values['max-daily-date'] ?? null,
  };
  const app = await createApp({ ...loadConfig(), demoData: false });
  try {
    const stats = await app.services.analytics.importCounters(null, input, 'cli', '');
    process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
  } finally {
    await app.close();
  }
}

run().catch((err) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`import failed: ${message}\n`);
  process.exit(1);
});
