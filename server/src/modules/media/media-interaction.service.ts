import { type DataSource, type EntityManager } from 'typeorm';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { decodeCursor, malformedCursor, type Page, toPage } from '../../common/pagination';
import { pickKeys } from '../../common/pick-keys';
import { lockById } from '../../db/lock-by-id';
import { type AuditService } from '../staff/audit.service';
import { type Actor } from '../staff/staff.policy';
import { MediaContact } from './media-contact.entity';
import { type PageRequest } from './media-directory.service';
import { MediaInteraction } from './media-interaction.entity';
import { type LogMediaInteractionInput, type MediaInteractionFilter, type UpdateMediaInteractionInput } from './media-interaction.inputs';
import { foreignKeyViolation } from './media.errors';
import { isLocalDate, todayIn } from './local-date';

const snapshot = (i: MediaInteraction) =>
  pickKeys(i, ['id', 'contactId', 'kind', 'occurredAt', 'topic', 'notes', 'staffId', 'followUpOn', 'followUpDoneAt']);

/** Whether the staff member exists is the foreign key's business (see write()); a non-UUID cannot. */
function assertStaffId(staffId: string): void {
  if (!isUuid(staffId)) throw badInput('No such staff member.', 'input.staffId');
}

function assertInstant(value: Date | null | undefined, field: string): void {
  if (value instanceof Date && Number.isNaN(value.getTime())) throw badInput('Not a valid instant.', field);
}

/** The spokesperson's log: interactions with media contacts and their follow-ups. */
export class MediaInteractionService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly timeZone: string,
  ) {}

  /** Whether a follow-up is still open on a day after the one it was due (days in the city's time zone). */
  isOverdue(entry: MediaInteraction, now = new Date()): boolean {
    return entry.followUpOn !== null && entry.followUpDoneAt === null && entry.followUpOn < todayIn(this.timeZone, now);
  }

  /** Newest first. */
  async list({ first, after, filter }: PageRequest<MediaInteractionFilter>): Promise<Page<MediaInteraction>> {
    const qb = this.db.getRepository(MediaInteraction).createQueryBuilder('i');
    for (const key of ['contactId', 'staffId'] as const) {
      const id = filter?.[key];
      if (!id) continue;
      if (!isUuid(id)) return toPage([], first, 0, () => []);
      qb.andWhere(`i.${key === 'contactId' ? 'contact_id' : 'staff_id'} = :${key}`, { [key]: id });
    }
    if (filter?.kinds?.length) qb.andWhere('i.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.occurredFrom) qb.andWhere('i.occurred_at >= :from', { from: filter.occurredFrom });
    if (filter?.occurredBefore) qb.andWhere('i.occurred_at < :before', { before: filter.occurredBefore });
    const totalCount = await qb.getCount();
    if (after) {
      const [at, id] = decodeCursor(after, ['instant', 'uuid']) as [string, string];
      qb.andWhere('(i.occurred_at, i.id) < (:at, :id)', { at, id });
    }
    const rows = await qb
      .orderBy('i.occurred_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(first + 1)
      .getMany();
    return toPage(rows, first, totalCount, (i) => [i.occurredAt.toISOString(), i.id]);
  }

  /** Open follow-ups (not done), due before `dueBefore` when given, the longest-waiting first. */
  async openFollowUps({
    first,
    after,
    dueBefore,
  }: {
    first: number;
    after?: string | null;
    dueBefore?: string | null;
  }): Promise<Page<MediaInteraction>> {
    const qb = this.db
      .getRepository(MediaInteraction)
      .createQueryBuilder('i')
      .where('i.follow_up_on IS NOT NULL')
      .andWhere('i.follow_up_done_at IS NULL');
    if (dueBefore) qb.andWhere('i.follow_up_on < :dueBefore', { dueBefore });
    const totalCount = await qb.getCount();
    if (after) {
      const [day, id] = decodeCursor(after, ['string', 'string']) as [string, string];
      if (!isUuid(id) || !isLocalDate(day)) throw malformedCursor();
      qb.andWhere('(i.follow_up_on, i.id) > (:day, :id)', { day, id });
    }
    const rows = await qb
      .orderBy('i.follow_up_on', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .take(first + 1)
      .getMany();
    return toPage(rows, first, totalCount, (i) => [i.followUpOn!, i.id]);
  }

  async log(actor: Actor, input: LogMediaInteractionInput): Promise<MediaInteraction> {
    assertInstant(input.occurredAt, 'input.occurredAt');
    const staffId = input.staffId ?? actor.userId;
    assertStaffId(staffId);
    return this.write(async (m) => {
      if (!isUuid(input.contactId) || !(await m.exists(MediaContact, { where: { id: input.contactId } })))
        throw badInput('No such media contact.', 'input.contactId');
      const result = await m
        .createQueryBuilder()
        .insert()
        .into(MediaInteraction)
        .values({
          contactId: input.contactId,
          kind: input.kind,
          occurredAt: input.occurredAt ?? new Date(),
          topic: input.topic.trim(),
          notes: input.notes?.trim() || null,
          staffId,
          followUpOn: input.followUpOn ?? null,
        })
        .returning(['id'])
        .execute();
      const entry = await m.findOneByOrFail(MediaInteraction, { id: result.identifiers[0].id });
      return this.audit.recordCreation(m, actor, 'logMediaInteraction', 'MediaInteraction', entry, snapshot(entry));
    });
  }

  async update(actor: Actor, input: UpdateMediaInteractionInput): Promise<MediaInteraction> {
    for (const field of ['kind', 'occurredAt', 'topic', 'staffId'] as const)
      if (input[field] === null) throw badInput(`${field} cannot be cleared.`, `input.${field}`);
    assertInstant(input.occurredAt, 'input.occurredAt');
    if (!isUuid(input.id)) throw notFound('Media interaction');
    if (input.staffId) assertStaffId(input.staffId);
    return this.write(async (m) => {
      const before = await lockById(m, MediaInteraction, input.id, 'Media interaction');
      const changes: Partial<MediaInteraction> = {};
      if (input.kind !== undefined) changes.kind = input.kind!;
      if (input.occurredAt !== undefined) changes.occurredAt = input.occurredAt!;
      if (input.topic !== undefined) changes.topic = input.topic!.trim();
      if (input.notes !== undefined) changes.notes = input.notes?.trim() || null;
      if (input.staffId !== undefined) changes.staffId = input.staffId!;
      if (input.followUpOn !== undefined && input.followUpOn !== before.followUpOn) {
        // A new day is a new follow-up (open); no day means nothing to follow (and nothing done).
        changes.followUpOn = input.followUpOn;
        changes.followUpDoneAt = null;
      }
      if (Object.keys(changes).length) await m.update(MediaInteraction, { id: before.id }, changes);
      const after = await m.findOneByOrFail(MediaInteraction, { id: before.id });
      await this.audit.recordBy(m, actor, {
        action: 'updateMediaInteraction',
        entityType: 'MediaInteraction',
        entityId: before.id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  /** Marks a follow-up done. Done already: returned as it is (the first completion time stands). */
  async completeFollowUp(actor: Actor, interactionId: string): Promise<MediaInteraction> {
    if (!isUuid(interactionId)) throw notFound('Media interaction');
    return this.db.transaction(async (m) => {
      const before = await lockById(m, MediaInteraction, interactionId, 'Media interaction');
      if (!before.followUpOn) throw badInput('This log entry has no follow-up to complete.', 'input.interactionId');
      if (before.followUpDoneAt) return before;
      await m.query('UPDATE media_interaction SET follow_up_done_at = now(), updated_at = now() WHERE id = $1', [before.id]);
      const after = await m.findOneByOrFail(MediaInteraction, { id: before.id });
      await this.audit.recordBy(m, actor, {
        action: 'completeMediaFollowUp',
        entityType: 'MediaInteraction',
        entityId: before.id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  private async write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (err) {
      // The contact was deleted between the check and the write.
      const constraint = foreignKeyViolation(err);
      if (constraint === 'fk_media_interaction_contact') throw badInput('No such media contact.', 'input.contactId');
      if (constraint === 'fk_media_interaction_staff') throw badInput('No such staff member.', 'input.staffId');
      throw err;
    }
  }
}
