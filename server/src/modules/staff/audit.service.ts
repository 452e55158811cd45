import { type EntityManager } from 'typeorm';
import { AuditLogEntry } from './audit.entity';
import { type Actor } from './staff.policy';

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

  /** Records what a staff member (or partner key) did, under their id and their request's. */
  async recordBy(manager: EntityManager, actor: Actor, record: Omit<AuditRecord, 'actorId' | 'requestId'>): Promise<void> {
    await this.record(manager, { ...record, actorId: actor.userId, requestId: actor.requestId });
  }

  /**
   * Records that `actor` created `entity` (`after` is its snapshot) and hands the entity back: a
   * creation's transaction ends with it.
   */
  async recordCreation<T extends { id: string }>(
    manager: EntityManager,
    actor: Actor,
    action: string,
    entityType: string,
    entity: T,
    after: unknown,
  ): Promise<T> {
    await this.recordBy(manager, actor, { action, entityType, entityId: entity.id, after });
    return entity;
  }
}

/** What erasing a person's data did to the audit log: how many rows lost their personal values. */
export interface AuditErasure {
  redacted: number;
}

/** What a redacted snapshot says instead of the erased values. */
export const ERASED_SNAPSHOT = { erased: true } as const;

/**
 * Erasure of personal data from the log (a data subject's request): the rows stay — who did what,
 * when, to which id — but their before and after snapshots no longer hold the person's data. Rows
 * about the person's own record (`ownType`) and about objects linked to them (`linkedTypes` whose
 * snapshots name them under `linkKey`: their log entries, their invitations, even those deleted
 * since) are replaced whole; `list` takes the person's id out of id lists kept in other objects'
 * snapshots (a release's `addedRecipients`).
 */
export async function eraseFromAuditLog(
  manager: EntityManager,
  erasure: {
    personId: string;
    ownType: string;
    linkedTypes: readonly string[];
    linkKey: string;
    list: { entityType: string; key: string };
  },
): Promise<AuditErasure> {
  const { personId, ownType, linkedTypes, linkKey, list } = erasure;
  const [, whole] = (await manager.query(
    `UPDATE audit_log SET before = CASE WHEN before IS NULL THEN NULL ELSE $5::jsonb END, after = CASE WHEN after IS NULL THEN NULL ELSE $5::jsonb END
      WHERE (entity_type = $1 AND entity_id = $2)
         OR (entity_type = ANY($3::varchar[]) AND (before ->> $4 = $2 OR after ->> $4 = $2))`,
    [ownType, personId, linkedTypes, linkKey, JSON.stringify(ERASED_SNAPSHOT)],
  )) as [unknown, number];
  const [, lists] = (await manager.query(
    `UPDATE audit_log SET after = jsonb_set(after, ARRAY[$2::text], (after -> $2) - $3::text)
      WHERE entity_type = $1 AND jsonb_typeof(after -> $2) = 'array' AND (after -> $2) ? $3::text`,
    [list.entityType, list.key, personId],
  )) as [unknown, number];
  return { redacted: whole + lists };
}
