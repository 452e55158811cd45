import { dropTemplates, type Templates } from './templates';

export default async function globalTeardown(): Promise<void> {
  const templates = (globalThis as Record<string, unknown>).__NABZ_TEMPLATES__ as Templates | undefined;
  if (templates && process.env.NABZ_TEST_DB_URL) await dropTemplates(process.env.NABZ_TEST_DB_URL, templates);
  const embedded = (globalThis as Record<string, unknown>).__NABZ_PGLITE__ as
    { db: { close(): Promise<void> }; server: { stop(): Promise<void> } } | undefined;
  if (embedded) {
    await embedded.server.stop();
    await embedded.db.close();
  }
}
