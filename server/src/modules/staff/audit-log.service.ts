import { type DataSource } from 'typeorm';
import { badInput } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { decodeCursor, malformedCursor, type Page, toPage } from '../../common/pagination';
import { AuditLogEntry } from './audit.entity';
import { auditSnapshot } from './audit-log.redact';
import { type AuditLogEntryView, type AuditLogFilter } from './audit-log.types';

export interface ListAuditLogArgs {
  first: number;
  after?: string | null;
  filter?: AuditLogFilter | null;
}

/** `at` to the microsecond, as PostgreSQL stores it, in UTC: the first half of a cursor. */
const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

interface RawEntry {
  id: string;
  at: Date;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  cursor_at: string;
}

/**
 * Reads the audit log, newest first. Each filter has an index that serves it in that order
 * (see the StaffAdministration migration), so a page costs an index range scan at any size.
 */
export class AuditLogService {
  constructor(private readonly db: DataSource) {}

  async list({ first, after, filter }: ListAuditLogArgs): Promise<Page<AuditLogEntryView>> {
    // Everything that can be refused is refused before any SQL runs.
    let cursor: [string, string] | null = null;
    if (after) {
      cursor = decodeCursor(after, ['string', 'string']) as [string, string];
      if (!CURSOR_AT.test(cursor[0]) || Number.isNaN(Date.parse(cursor[0])) || !isUuid(cursor[1])) throw malformedCursor();
    }
    if (filter?.from && filter.to && filter.to.getTime() <= filter.from.getTime())
      throw badInput('filter.to must be after filter.from.', 'filter.to');
    // An id that is not a UUID names no staff user: nobody's actions match it.
    if (filter?.actorId != null && !isUuid(filter.actorId)) return toPage([], first, 0, () => []);

    const qb = this.db.getRepository(AuditLogEntry).createQueryBuilder('a');
    if (filter?.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter?.action != null) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter?.entityType != null) qb.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    if (filter?.entityId != null) qb.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter?.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('a.at < :to', { to: filter.to });

    const counted = qb.clone();
    if (cursor)
      qb.andWhere('(a.at, a.id) < (CAST(:cursorAt AS timestamptz), CAST(:cursorId AS uuid))', { cursorAt: cursor[0], cursorId: cursor[1] });
    const rows = await qb
      .select([
        'a.id AS id',
        'a.at AS at',
        'a.actor_id AS actor_id',
        'a.action AS action',
        'a.entity_type AS entity_type',
        'a.entity_id AS entity_id',
        'a.before AS before',
        'a.after AS after',
        'a.request_id AS request_id',
        `to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`,
      ])
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(first + 1)
      .getRawMany<RawEntry>();

    const page = toPage(rows.map(toView), first, 0, (e) => [e.cursorAt, e.id]);
    // The log only grows: count it only when the caller asks for totalCount, once per page.
    let total: Promise<number> | undefined;
    const count = async () => Number((await counted.select('count(*)', 'n').getRawOne<{ n: string }>())?.n ?? 0);
    Object.defineProperty(page, 'totalCount', { enumerable: true, get: () => (total ??= count()) });
    return page;
  }
}

function toView(row: RawEntry): AuditLogEntryView {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: auditSnapshot(row.before),
    after: auditSnapshot(row.after),
    requestId: row.request_id,
    cursorAt: row.cursor_at,
  };
}
