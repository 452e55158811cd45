import { createHmac, randomBytes } from 'node:crypto';
import { type DataSource } from 'typeorm';

export const SALT_BYTES = 32;
/** Bytes of a visitor key (128 bits of the HMAC). */
export const VISITOR_KEY_BYTES = 16;

/**
 * The salt of each day, in PostgreSQL so every server instance uses the same one: the first
 * instance to need a day's salt creates it (a random one; ON CONFLICT keeps whichever came first),
 * the others read it. Salts and the per-day visitor keys are deleted once their day is more than a
 * day past (`purge`): from then on no one, the operator included, can recompute a visitor key from
 * an address to find its page views.
 */
export class DailySalts {
  private readonly cache = new Map<string, Buffer>();
  private readonly loading = new Map<string, Promise<Buffer>>();

  constructor(private readonly db: DataSource) {}

  /** The day's salt when this instance already has it (the hot path: no await). */
  cached(day: string): Buffer | undefined {
    return this.cache.get(day);
  }

  /** The day's salt, created if no instance has made it yet. */
  load(day: string): Promise<Buffer> {
    const known = this.cache.get(day);
    if (known) return Promise.resolve(known);
    let pending = this.loading.get(day);
    if (!pending) {
      pending = (async () => {
        await this.db.query('INSERT INTO analytics_salt (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING', [
          day,
          randomBytes(SALT_BYTES),
        ]);
        // A separate statement: it sees the salt another instance committed while ours waited.
        const [row] = (await this.db.query('SELECT salt FROM analytics_salt WHERE day = $1', [day])) as Array<{ salt: Buffer }>;
        if (!row) throw new Error(`the salt of ${day} was deleted while it was being created`);
        this.cache.set(day, row.salt);
        return row.salt;
      })().finally(() => this.loading.delete(day));
      this.loading.set(day, pending);
    }
    return pending;
  }

  /**
   * Deletes the salts and visitor keys of days before `keepFrom`, in one transaction, and forgets
   * cached salts of those days.
   */
  async purge(keepFrom: string): Promise<{ salts: number; visitorKeys: number }> {
    for (const day of this.cache.keys()) if (day < keepFrom) this.cache.delete(day);
    return this.db.transaction(async (m) => {
      const [, salts] = (await m.query('DELETE FROM analytics_salt WHERE day < $1', [keepFrom])) as [unknown, number];
      const [, visitorKeys] = (await m.query('DELETE FROM analytics_visitor_day WHERE day < $1', [keepFrom])) as [unknown, number];
      return { salts, visitorKeys };
    });
  }
}

/**
 * A visitor's key for a day: HMAC-SHA256 keyed with the day's salt over site, address and user
 * agent, cut to 128 bits, as hex. Neither the address nor the user agent is kept.
 */
export function visitorKey(salt: Buffer, site: string, address: string, userAgent: string): string {
  return createHmac('sha256', salt)
    .update(`${site}\n${address}\n${userAgent}`)
    .digest('hex')
    .slice(0, VISITOR_KEY_BYTES * 2);
}
