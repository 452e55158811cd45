import { Field, InputType, ObjectType } from 'type-graphql';
import { type DataSource, In } from 'typeorm';
import { notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { pickKeys } from '../../common/pick-keys';
import { IdInput } from '../../common/validation';
import { lockById } from '../../db/lock-by-id';
import { type AuditService, eraseFromAuditLog } from '../staff/audit.service';
import { type Actor } from '../staff/staff.policy';
import { Event } from '../events/event.entity';
import { MediaContact } from './media-contact.entity';
import { MediaInteraction } from './media-interaction.entity';
import { MediaInvitation } from './media-invitation.entity';
import { MediaOutlet } from './media-outlet.entity';
import { PressRelease, PressReleaseDistribution } from './press-release.entity';
import { MailDelivery } from '../mail/mail-delivery.entity';

@InputType({ description: 'The contact whose personal data to export.' })
export class ExportMediaContactDataInput {
  @IdInput({ description: 'The contact.' })
  id: string;
}

@ObjectType({ description: 'Everything the office holds about one media contact, for a request to see their personal data.' })
export class ExportMediaContactDataPayload {
  @Field(() => MediaContact, { description: 'Their record.' })
  contact: MediaContact;

  @Field(() => [MediaInteraction], { description: "Every entry of the spokesperson's log with them, oldest first." })
  interactions: MediaInteraction[];

  @Field(() => [MediaInvitation], { description: 'Every invitation to an event, oldest first.' })
  invitations: MediaInvitation[];

  @Field(() => [PressReleaseDistribution], { description: 'Every press release sent to them, oldest first.' })
  releasesReceived: PressReleaseDistribution[];

  @Field(() => [MailDelivery], { description: 'Every e-mail to them (press releases and invitations) and how it went, oldest first.' })
  emailDeliveries: MailDelivery[];

  @Field({ description: 'When the export was made.' })
  exportedAt: Date;

  @Field({
    description:
      "The same data as one JSON document to hand to the person (their record with the outlet's name, the log entries, the invitations with each event's title and time, the releases with their titles), without staff ids.",
  })
  document: string;
}

/** What erasing a contact removed, in counts (the log keeps no personal data about it). */
export interface ContactErasure {
  interactions: number;
  invitations: number;
  distributions: number;
  auditEntriesRedacted: number;
}

/**
 * A media contact's personal data on request: the export of everything held about them, and the
 * erasure that removes them from the address book, the log, the invitations, the distribution lists
 * and the audit log's snapshots. Both are audited without personal data.
 */
export class ContactDataService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async export(actor: Actor, id: string): Promise<ExportMediaContactDataPayload> {
    if (!isUuid(id)) throw notFound('Media contact');
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const contact = await m.findOne(MediaContact, { where: { id } });
      if (!contact) throw notFound('Media contact');
      // One snapshot on one connection, which runs one statement at a time: read in turn.
      const outlet = contact.outletId ? await m.findOne(MediaOutlet, { where: { id: contact.outletId } }) : null;
      const interactions = await m.find(MediaInteraction, { where: { contactId: id }, order: { occurredAt: 'ASC', id: 'ASC' } });
      const invitations = await m.find(MediaInvitation, { where: { contactId: id }, order: { invitedAt: 'ASC', id: 'ASC' } });
      const releasesReceived = await m.find(PressReleaseDistribution, {
        where: { contactId: id },
        order: { sentAt: 'ASC', releaseId: 'ASC' },
      });
      const emailDeliveries = await m.find(MailDelivery, { where: { contactId: id }, order: { queuedAt: 'ASC', id: 'ASC' } });
      const events = new Map((await m.findBy(Event, { id: In(invitations.map((i) => i.eventId)) })).map((e) => [e.id, e]));
      const releaseIds = [
        ...releasesReceived.map((r) => r.releaseId),
        ...emailDeliveries.flatMap((d) => (d.releaseId ? [d.releaseId] : [])),
      ];
      const releases = new Map((await m.findBy(PressRelease, { id: In(releaseIds) })).map((r) => [r.id, r]));
      const exportedAt = new Date();
      const document = {
        exportedAt,
        contact: {
          ...pickKeys(contact, ['name', 'role']),
          outlet: outlet ? pickKeys(outlet, ['nameFa', 'nameEn']) : null,
          ...pickKeys(contact, ['phones', 'email', 'beats', 'language', 'notes', 'unsubscribedAt', 'createdAt', 'updatedAt']),
        },
        interactions: interactions.map((i) => pickKeys(i, ['kind', 'occurredAt', 'topic', 'notes', 'followUpOn', 'followUpDoneAt'])),
        invitations: invitations.map((i) => {
          const event = events.get(i.eventId);
          return {
            event: event ? pickKeys(event, ['titleFa', 'titleEn', 'startsAt']) : null,
            ...pickKeys(i, ['invitedAt', 'reply', 'repliedAt', 'attended', 'note']),
          };
        }),
        releasesReceived: releasesReceived.map((r) => {
          const release = releases.get(r.releaseId);
          return { release: release ? pickKeys(release, ['titleFa', 'titleEn', 'slug']) : null, sentAt: r.sentAt };
        }),
        emailDeliveries: emailDeliveries.map((d) => {
          const release = d.releaseId ? releases.get(d.releaseId) : undefined;
          return {
            kind: d.kind,
            email: d.email,
            release: release ? { titleFa: release.titleFa, slug: release.slug } : null,
            status: d.status,
            queuedAt: d.queuedAt,
            sentAt: d.sentAt,
          };
        }),
      };
      await this.audit.recordBy(m, actor, {
        action: 'exportMediaContactData',
        entityType: 'MediaContact',
        entityId: id,
      });
      return {
        contact,
        interactions,
        invitations,
        releasesReceived,
        emailDeliveries,
        exportedAt,
        document: JSON.stringify(document, null, 2),
      };
    });
  }

  /**
   * Deletes the contact with their log entries, invitations and places on distribution lists (the
   * foreign keys cascade), and redacts what the audit log's snapshots held about them. The audit
   * row of the erasure itself names only the id and the counts.
   */
  async erase(actor: Actor, id: string): Promise<string> {
    if (!isUuid(id)) throw notFound('Media contact');
    return this.db.transaction(async (m) => {
      await lockById(m, MediaContact, id, 'Media contact');
      // One connection runs one statement at a time: count in turn (pg 9 refuses overlapping queries).
      const interactions = await m.count(MediaInteraction, { where: { contactId: id } });
      const invitations = await m.count(MediaInvitation, { where: { contactId: id } });
      const distributions = await m.count(PressReleaseDistribution, { where: { contactId: id } });
      await m.delete(MediaContact, { id });
      const { redacted } = await eraseFromAuditLog(m, {
        personId: id,
        ownType: 'MediaContact',
        linkedTypes: ['MediaInteraction', 'MediaInvitation'],
        linkKey: 'contactId',
        list: { entityType: 'PressRelease', key: 'addedRecipients' },
      });
      const erased: ContactErasure = { interactions, invitations, distributions, auditEntriesRedacted: redacted };
      await this.audit.recordBy(m, actor, {
        action: 'deleteMediaContact',
        entityType: 'MediaContact',
        entityId: id,
        before: { erased },
      });
      return id;
    });
  }
}
