import { type DataSource, type EntityManager } from 'typeorm';

/** A published poll's scheduled opening or closing that has come. */
export interface PollTransition {
  type: 'OPENED' | 'CLOSED';
  at: Date;
  poll: { id: string; titleFa: string; titleEn: string | null; opensAt: Date | null; closesAt: Date | null };
}

/**
 * The scheduled openings and closings of published polls that fell in [since, now], oldest first
 * (an opening before a closing at the same moment). What other modules (the webhook scheduler)
 * announce; the poll table stays the polls module's own.
 */
export async function pollTransitionsSince(db: DataSource | EntityManager, since: Date): Promise<PollTransition[]> {
  const rows: Array<{
    id: string;
    type: PollTransition['type'];
    at: Date;
    title_fa: string;
    title_en: string | null;
    opens_at: Date | null;
    closes_at: Date | null;
  }> = await db.query(
    `SELECT p.id, t.type, t.at, p.title_fa, p.title_en, p.opens_at, p.closes_at FROM poll p
     CROSS JOIN LATERAL (VALUES ('OPENED', p.opens_at), ('CLOSED', p.closes_at)) AS t(type, at)
     WHERE p.state = 'PUBLISHED' AND t.at <= now() AND t.at > $1
     ORDER BY t.at, t.type DESC`,
    [since],
  );
  return rows.map((r) => ({
    type: r.type,
    at: r.at,
    poll: { id: r.id, titleFa: r.title_fa, titleEn: r.title_en, opensAt: r.opens_at, closesAt: r.closes_at },
  }));
}
