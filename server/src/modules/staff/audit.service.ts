import { type EntityManager } from 'typeorm';
import { AuditLogEntry } from './audit.entity';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string;
}

/**
 * Writes audit rows inside the caller's transaction, so a change and its audit row commit or roll
 * back together: there is never a change without its record.
 */
export class AuditService {
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditLogEntry)
      .values({
        actorId: record.actorId,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId,
        before: (record.before ?? null) as object | null,
        after: (record.after ?? null) as object | null,
        requestId: record.requestId ?? null,
      })
      .execute();
  }
}
