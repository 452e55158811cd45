import { In, type DataSource, type EntityManager } from 'typeorm';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { decodeCursor, type Page, toPage } from '../../common/pagination';
import { pickKeys } from '../../common/pick-keys';
import { lockById } from '../../db/lock-by-id';
import { type AuditService } from '../staff/audit.service';
import { type Actor } from '../staff/staff.policy';
import { type MediaDirectoryService, type PageRequest } from './media-directory.service';
import { MediaInvitation } from './media-invitation.entity';
import { type InviteMediaContactsInput, type MediaInvitationFilter, type UpdateMediaInvitationInput } from './media-invitation.inputs';
import { MediaInvitationReply } from './media.enums';
import { foreignKeyViolation } from './media.errors';

const noSuchEvent = () => badInput('No such event (occurrences of recurring occasions take no invitations).', 'input.eventId');

const snapshot = (i: MediaInvitation) => pickKeys(i, ['id', 'eventId', 'contactId', 'reply', 'repliedAt', 'attended', 'note']);

/** Media contacts invited to events, their replies and attendance. */
export class MediaInvitationService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly directory: MediaDirectoryService,
  ) {}

  /** In the order they were made. */
  async list({ first, after, filter }: PageRequest<MediaInvitationFilter>): Promise<Page<MediaInvitation>> {
    const qb = this.db.getRepository(MediaInvitation).createQueryBuilder('i');
    for (const [key, column] of [
      ['eventId', 'event_id'],
      ['contactId', 'contact_id'],
    ] as const) {
      const id = filter?.[key];
      if (!id) continue;
      if (!isUuid(id)) return toPage([], first, 0, () => []);
      qb.andWhere(`i.${column} = :${key}`, { [key]: id });
    }
    if (filter?.replies?.length) qb.andWhere('i.reply IN (:...replies)', { replies: filter.replies });
    const totalCount = await qb.getCount();
    if (after) {
      const [at, id] = decodeCursor(after, ['instant', 'uuid']) as [string, string];
      qb.andWhere('(i.invited_at, i.id) > (:at, :id)', { at, id });
    }
    const rows = await qb
      .orderBy('i.invited_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .take(first + 1)
      .getMany();
    return toPage(rows, first, totalCount, (i) => [i.invitedAt.toISOString(), i.id]);
  }

  /** Invites contacts; those already invited keep their invitation (reply and attendance untouched). */
  async invite(actor: Actor, input: InviteMediaContactsInput): Promise<{ invitations: MediaInvitation[]; added: number }> {
    if (!isUuid(input.eventId)) throw noSuchEvent();
    const contactIds = [...new Set(input.contactIds)];
    return this.write(async (m) => {
      const missing = await this.directory.missingContacts(m, contactIds);
      if (missing.length) throw badInput('No such media contact.', `input.contactIds[${input.contactIds.indexOf(missing[0])}]`);
      const added: Array<{ id: string }> = await m.query(
        `INSERT INTO media_invitation (event_id, contact_id, note, invited_by)
         SELECT $1, c, $2, $3 FROM unnest($4::uuid[]) AS c
         ON CONFLICT (event_id, contact_id) DO NOTHING
         RETURNING id`,
        [input.eventId, input.note?.trim() || null, actor.userId, contactIds],
      );
      const rows = await m.find(MediaInvitation, { where: { eventId: input.eventId, contactId: In(contactIds) } });
      const byContact = new Map(rows.map((r) => [r.contactId, r]));
      const invitations = contactIds.map((id) => byContact.get(id)!);
      const addedIds = new Set(added.map((a) => a.id));
      for (const invitation of invitations.filter((i) => addedIds.has(i.id))) {
        await this.audit.recordBy(m, actor, {
          action: 'inviteMediaContacts',
          entityType: 'MediaInvitation',
          entityId: invitation.id,
          after: snapshot(invitation),
        });
      }
      return { invitations, added: addedIds.size };
    });
  }

  async update(actor: Actor, input: UpdateMediaInvitationInput): Promise<MediaInvitation> {
    if (input.reply === null) throw badInput('reply cannot be cleared.', 'input.reply');
    if (!isUuid(input.id)) throw notFound('Media invitation');
    return this.db.transaction(async (m) => {
      const before = await lockById(m, MediaInvitation, input.id, 'Media invitation');
      const changes: Partial<MediaInvitation> = {};
      if (input.reply !== undefined && input.reply !== before.reply) {
        changes.reply = input.reply!;
        changes.repliedAt = input.reply === MediaInvitationReply.AWAITING ? null : new Date();
      }
      if (input.attended !== undefined) changes.attended = input.attended;
      if (input.note !== undefined) changes.note = input.note?.trim() || null;
      if (Object.keys(changes).length) await m.update(MediaInvitation, { id: before.id }, changes);
      const after = await m.findOneByOrFail(MediaInvitation, { id: before.id });
      await this.audit.recordBy(m, actor, {
        action: 'updateMediaInvitation',
        entityType: 'MediaInvitation',
        entityId: before.id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  async remove(actor: Actor, id: string): Promise<string> {
    if (!isUuid(id)) throw notFound('Media invitation');
    return this.db.transaction(async (m) => {
      const before = await lockById(m, MediaInvitation, id, 'Media invitation');
      await m.delete(MediaInvitation, { id });
      await this.audit.recordBy(m, actor, {
        action: 'removeMediaInvitation',
        entityType: 'MediaInvitation',
        entityId: id,
        before: snapshot(before),
      });
      return id;
    });
  }

  private async write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (err) {
      const fk = foreignKeyViolation(err);
      if (fk === 'fk_media_invitation_event') throw noSuchEvent();
      if (fk === 'fk_media_invitation_contact') throw badInput('No such media contact.', 'input.contactIds');
      throw err;
    }
  }
}
