export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as Record<string, unknown>).__NABZ_PGLITE__ as
    { db: { close(): Promise<void> }; server: { stop(): Promise<void> } } | undefined;
  if (embedded) {
    await embedded.server.stop();
    await embedded.db.close();
  }
}
