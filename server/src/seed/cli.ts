// `npm run seed`: loads the demo data into the configured database if it is empty.
import { createApp } from '../app';
import { loadConfig } from '../config';

async function run() {
  const app = await createApp({ ...loadConfig(), demoData: true });
  await app.close();
}
run().catch((err) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
