/** Waits until `check` returns a truthy value (polling every 50 ms), or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T> | T, timeoutMs = 15_000, what = 'the condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits until at least `count` sessions of the database `observer` is connected to wait for a lock:
 * proof that statements sent elsewhere have reached the lock another session holds (not a guess by time).
 */
export async function waitForLockWaiters(
  observer: { query(sql: string): Promise<{ rows: Array<Record<string, unknown>> }> },
  count = 1,
  timeoutMs = 10_000,
): Promise<void> {
  await waitFor(
    async () => {
      // pg_stat_activity is read once per transaction unless its snapshot is cleared.
      await observer.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await observer.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return Number(rows[0].n) >= count;
    },
    timeoutMs,
    `${count} session(s) waiting for a lock`,
  );
}
