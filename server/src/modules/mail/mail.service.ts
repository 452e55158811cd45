import nodemailer, { type Transporter } from 'nodemailer';
import { type JobHelpers, type TaskList } from 'graphile-worker';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AppError, badInput, ErrorCode, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { type Logger } from '../../logger';
import { Event } from '../events/event.entity';
import { MediaContact } from '../media/media-contact.entity';
import { MediaInvitation } from '../media/media-invitation.entity';
import { MediaInvitationReply, PressReleaseStatus } from '../media/media.enums';
import { MediaConflict, mediaConflict } from '../media/media.errors';
import { PressRelease } from '../media/press-release.entity';
import { type AuditService } from '../staff/audit.service';
import { type Actor, type Viewer } from '../staff/staff.policy';
import { MailDelivery, MailDeliveryStatus, MailKind } from './mail-delivery.entity';
import { MailLinks } from './mail-links';
import { invitationMail, persianDateTime, pressReleaseMail, type RenderedMail } from './mail-message';
import { ADD_JOB_SQL, type JobQueue } from '../../common/job-queue';
import { lockById } from '../../db/lock-by-id';

export const DELIVER_TASK = 'mail.deliver';
/** Clocks differ a little; a time this far in the past still counts as "now". */
const PAST_TOLERANCE_MS = 5 * 60_000;
const MAX_RECIPIENTS = 2000;
/** The most deliveries a release or contact lists (the newest). */
export const DELIVERIES_MAX = 500;

export interface MailSettings {
  smtpUrl?: string;
  from: string;
  linkBaseUrl: string;
  secret: string;
  pollIntervalMs: number;
  maxAttempts: number;
}

const closed = new Set<MailDeliveryStatus>([MailDeliveryStatus.SENT, MailDeliveryStatus.FAILED, MailDeliveryStatus.SKIPPED_UNSUBSCRIBED]);

/** What staff may read about a failed try: the kind of failure, never the server's internals. */
export function safeMailError(err: unknown): { message: string; permanent: boolean } {
  const e = err as { code?: string; responseCode?: number; response?: string };
  if (typeof e?.responseCode === 'number') {
    const reply = (e.response ?? '').replace(/[\r\n]+/g, ' ').slice(0, 200);
    return { message: `The mail server answered ${e.responseCode}: ${reply}`, permanent: e.responseCode >= 500 && e.code !== 'EAUTH' };
  }
  switch (e?.code) {
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'ETIMEDOUT':
    case 'EDNS':
      return { message: 'Could not reach the mail server (connection refused, timed out or unknown host).', permanent: false };
    case 'EAUTH':
      return { message: 'The mail server refused the sign-in: check SMTP_URL.', permanent: false };
    case 'ETLS':
      return { message: 'The TLS connection to the mail server failed.', permanent: false };
    default:
      return { message: `Sending failed${e?.code ? ` (${e.code})` : ''}.`, permanent: false };
  }
}

/**
 * E-mail to media contacts: press releases and event invitations, one delivery row and one queued
 * job per recipient; the job sends through SMTP (nodemailer) and records the outcome. Unsubscribe
 * and RSVP links are signed (MailLinks) and answered by routes in mail.routes.ts.
 */
export class MailService {
  readonly links: MailLinks;
  private transport?: Transporter;
  private queue?: JobQueue;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly log: Logger,
    private readonly settings: MailSettings,
    private readonly site: { siteUrl: string; timeZone: string },
  ) {
    this.links = new MailLinks(settings.secret, settings.linkBaseUrl);
  }

  /**
   * The job queue's tasks for e-mail: the delivery task when SMTP settings are given, none otherwise
   * (jobs are still queued, and wait, never lost, until a server with SMTP_URL works them: a runner
   * only fetches jobs of the tasks in its list).
   */
  queueTasks(): TaskList {
    if (!this.settings.smtpUrl) {
      this.log.warn(
        'SMTP_URL is not set: e-mails to journalists are queued but not sent until the server starts with SMTP_URL (docs/operations.md)',
      );
      return {};
    }
    this.transport ??= nodemailer.createTransport(this.settings.smtpUrl);
    return { [DELIVER_TASK]: (payload, helpers) => this.deliver(payload, helpers) };
  }

  /**
   * The app's job queue once it runs (app.ts starts it, on a PostgreSQL server only). Without one,
   * e-mail operations answer SERVICE_UNAVAILABLE.
   */
  useQueue(queue: JobQueue | undefined): void {
    this.queue = queue?.running ? queue : undefined;
    if (this.queue && this.transport) this.log.info('e-mail queue started');
  }

  /** Closes the SMTP connections (after the job queue has stopped: no delivery is in flight). */
  async stop(): Promise<void> {
    this.queue = undefined;
    this.transport?.close();
  }

  private assertQueue() {
    if (!this.queue)
      throw new AppError(
        ErrorCode.SERVICE_UNAVAILABLE,
        'E-mail needs the PostgreSQL job queue, which this server does not run (embedded database).',
      );
  }

  private checkTimes(sendAt: Date | null | undefined, embargoUntil: Date | null | undefined): Date {
    const now = Date.now();
    for (const [name, at] of [
      ['sendAt', sendAt],
      ['embargoUntil', embargoUntil],
    ] as const) {
      if (!at) continue;
      if (Number.isNaN(at.getTime())) throw badInput('Not a valid instant.', `input.${name}`);
      if (at.getTime() < now - PAST_TOLERANCE_MS) throw badInput(`${name} is in the past.`, `input.${name}`);
      if (at.getTime() > now + 366 * 86_400_000) throw badInput(`${name} is more than a year ahead.`, `input.${name}`);
    }
    return sendAt && sendAt.getTime() > now ? sendAt : new Date(now);
  }

  /** Contacts by id, in the order given; an unknown id is BAD_USER_INPUT naming its place. */
  private async contacts(m: EntityManager, ids: readonly string[], field: string): Promise<MediaContact[]> {
    if (ids.length > MAX_RECIPIENTS) throw badInput(`At most ${MAX_RECIPIENTS} recipients at once.`, field);
    const bad = ids.findIndex((id) => !isUuid(id));
    if (bad >= 0) throw badInput('No such media contact.', `${field}[${bad}]`);
    const rows = ids.length ? await m.find(MediaContact, { where: { id: In([...ids]) } }) : [];
    const byId = new Map(rows.map((c) => [c.id, c]));
    const missing = ids.findIndex((id) => !byId.has(id));
    if (missing >= 0) throw badInput('No such media contact.', `${field}[${missing}]`);
    return ids.map((id) => byId.get(id)!);
  }

  /** Queues one delivery (and job) per contact with an address; unsubscribed contacts are recorded as skipped. */
  private async enqueue(
    m: EntityManager,
    actor: Viewer,
    recipients: Array<{ contact: MediaContact; releaseId?: string; invitationId?: string }>,
    kind: MailKind,
    sendAt: Date,
    embargoUntil: Date | null,
  ): Promise<MailDelivery[]> {
    const deliveries: MailDelivery[] = [];
    for (const r of recipients) {
      const status = r.contact.unsubscribedAt ? MailDeliveryStatus.SKIPPED_UNSUBSCRIBED : MailDeliveryStatus.QUEUED;
      const saved = await m.save(
        m.create(MailDelivery, {
          kind,
          releaseId: r.releaseId ?? null,
          invitationId: r.invitationId ?? null,
          contactId: r.contact.id,
          email: r.contact.email!,
          status,
          attempts: 0,
          lastError: null,
          embargoUntil,
          sendAt,
          sentAt: null,
          queuedById: actor.userId,
        }),
      );
      if (status === MailDeliveryStatus.QUEUED) {
        await m.query(ADD_JOB_SQL, [
          DELIVER_TASK,
          JSON.stringify({ deliveryId: saved.id }),
          sendAt.toISOString(),
          this.settings.maxAttempts,
          `mail:${saved.id}`,
        ]);
      }
      deliveries.push(saved);
    }
    return deliveries;
  }

  async emailPressRelease(
    actor: Actor,
    input: { releaseId: string; contactIds?: string[] | null; sendAt?: Date | null; embargoUntil?: Date | null },
  ): Promise<{ release: PressRelease; deliveries: MailDelivery[]; withoutEmail: MediaContact[] }> {
    const sendAt = this.checkTimes(input.sendAt, input.embargoUntil);
    if (!isUuid(input.releaseId)) throw notFound('Press release');
    this.assertQueue();
    return this.db.transaction(async (m) => {
      const release = await lockById(m, PressRelease, input.releaseId, 'Press release');
      if (release.status !== PressReleaseStatus.PUBLISHED) {
        throw mediaConflict(
          MediaConflict.RELEASE_NOT_PUBLISHED,
          'Only a published release can be e-mailed (its link goes to the public news page): publish it first.',
          'input.releaseId',
        );
      }
      let ids: string[];
      if (input.contactIds) {
        ids = [...new Set(input.contactIds)];
      } else {
        const rows: Array<{ contact_id: string }> = await m.query(
          'SELECT contact_id FROM press_release_distribution WHERE release_id = $1 ORDER BY sent_at, contact_id',
          [release.id],
        );
        ids = rows.map((r) => r.contact_id);
      }
      if (!ids.length)
        throw badInput("Nobody to send to: name the contacts, or record the release's distribution list first.", 'input.contactIds');
      const contacts = await this.contacts(m, ids, 'input.contactIds');
      const withoutEmail = contacts.filter((c) => !c.email);
      const withEmail = contacts.filter((c) => c.email);
      if (!withEmail.length) throw badInput('None of these contacts has an e-mail address.', 'input.contactIds');
      const deliveries = await this.enqueue(
        m,
        actor,
        withEmail.map((contact) => ({ contact, releaseId: release.id })),
        MailKind.PRESS_RELEASE,
        sendAt,
        input.embargoUntil ?? null,
      );
      // E-mailing puts them on the release's distribution list (those already on it keep their first record).
      await m.query(
        `INSERT INTO press_release_distribution (release_id, contact_id, sent_at, recorded_by)
         SELECT $1, c, $2, $3 FROM unnest($4::uuid[]) AS c ON CONFLICT DO NOTHING`,
        [release.id, sendAt, actor.userId, deliveries.filter((d) => d.status === MailDeliveryStatus.QUEUED).map((d) => d.contactId)],
      );
      await this.audit.recordBy(m, actor, {
        action: 'emailPressRelease',
        entityType: 'PressRelease',
        entityId: release.id,
        after: {
          queued: deliveries.filter((d) => d.status === MailDeliveryStatus.QUEUED).map((d) => d.contactId),
          skippedUnsubscribed: deliveries.filter((d) => d.status === MailDeliveryStatus.SKIPPED_UNSUBSCRIBED).map((d) => d.contactId),
          withoutEmail: withoutEmail.map((c) => c.id),
          sendAt: sendAt.toISOString(),
          embargoUntil: input.embargoUntil?.toISOString() ?? null,
        },
      });
      return { release, deliveries, withoutEmail };
    });
  }

  /** E-mails invitations (with RSVP links) to their contacts; an invitation already e-mailed is e-mailed again. */
  async emailInvitations(actor: Actor, invitationIds: string[]): Promise<{ deliveries: MailDelivery[]; withoutEmail: MediaContact[] }> {
    this.assertQueue();
    return this.db.transaction(async (m) => {
      const invitations = await m.find(MediaInvitation, { where: { id: In(invitationIds) }, order: { invitedAt: 'ASC', id: 'ASC' } });
      const contacts = await this.contacts(
        m,
        invitations.map((i) => i.contactId),
        'input.contactIds',
      );
      const byId = new Map(contacts.map((c) => [c.id, c]));
      const withoutEmail = contacts.filter((c) => !c.email);
      const recipients = invitations
        .filter((i) => byId.get(i.contactId)!.email)
        .map((i) => ({ contact: byId.get(i.contactId)!, invitationId: i.id }));
      const deliveries = await this.enqueue(m, actor, recipients, MailKind.EVENT_INVITATION, new Date(), null);
      for (const d of deliveries) {
        await this.audit.recordBy(m, actor, {
          action: 'emailMediaInvitation',
          entityType: 'MediaInvitation',
          entityId: d.invitationId!,
          after: { deliveryId: d.id, status: d.status },
        });
      }
      return { deliveries, withoutEmail };
    });
  }

  /** Throws SERVICE_UNAVAILABLE when this server does not run the e-mail queue. */
  ensureAvailable(): void {
    this.assertQueue();
  }

  /** The queue's task: sends one delivery and records how it went. Throwing makes the queue try again later. */
  async deliver(payload: unknown, helpers: JobHelpers): Promise<void> {
    const id = (payload as { deliveryId?: string })?.deliveryId;
    if (!id || !isUuid(id)) return;
    const repo = this.db.getRepository(MailDelivery);
    const delivery = await repo.findOneBy({ id });
    if (!delivery || closed.has(delivery.status)) return;
    const contact = await this.db.getRepository(MediaContact).findOneBy({ id: delivery.contactId });
    if (!contact) return;
    const attempts = helpers.job.attempts;
    if (contact.unsubscribedAt) {
      await repo.update({ id }, { status: MailDeliveryStatus.SKIPPED_UNSUBSCRIBED, attempts });
      return;
    }
    const mail = await this.render(delivery);
    if (!mail) {
      await repo.update(
        { id },
        {
          status: MailDeliveryStatus.FAILED,
          attempts,
          lastError: 'What it carried is no longer there (the release was withdrawn or deleted, or the invitation removed).',
        },
      );
      return;
    }
    const unsubscribe = this.links.unsubscribe(contact.id);
    try {
      await this.transport!.sendMail({
        from: this.settings.from,
        to: { name: contact.name, address: delivery.email },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        list: { unsubscribe },
      });
      await repo.update({ id }, { status: MailDeliveryStatus.SENT, attempts, lastError: null, sentAt: new Date() });
    } catch (err) {
      const { message, permanent } = safeMailError(err);
      const last = permanent || attempts >= helpers.job.max_attempts;
      await repo.update({ id }, { status: last ? MailDeliveryStatus.FAILED : MailDeliveryStatus.RETRYING, attempts, lastError: message });
      this.log.warn({ deliveryId: id, attempts, err }, 'e-mail not sent');
      // The queue tries again later, waiting longer each time; its record gets the safe text only.
      if (!last) throw new Error(message, { cause: err });
    }
  }

  private async render(d: MailDelivery): Promise<RenderedMail | null> {
    const unsubscribeUrl = this.links.unsubscribe(d.contactId);
    if (d.kind === MailKind.PRESS_RELEASE) {
      const r = d.releaseId ? await this.db.getRepository(PressRelease).findOneBy({ id: d.releaseId }) : null;
      if (!r || r.status !== PressReleaseStatus.PUBLISHED) return null;
      return pressReleaseMail({
        title: r.titleFa,
        summary: r.summaryFa,
        body: r.bodyFa,
        newsUrl: `${this.site.siteUrl}/news/${encodeURIComponent(r.slug)}`,
        embargo: d.embargoUntil ? persianDateTime(d.embargoUntil, this.site.timeZone) : null,
        unsubscribeUrl,
      });
    }
    const invitation = d.invitationId ? await this.db.getRepository(MediaInvitation).findOneBy({ id: d.invitationId }) : null;
    const event = invitation ? await this.db.getRepository(Event).findOneBy({ id: invitation.eventId }) : null;
    if (!invitation || !event) return null;
    return invitationMail({
      eventTitle: event.titleFa,
      when: persianDateTime(event.startsAt, this.site.timeZone),
      place: event.venueFa,
      note: invitation.note,
      yesUrl: this.links.rsvp(invitation.id, 'yes'),
      noUrl: this.links.rsvp(invitation.id, 'no'),
      unsubscribeUrl,
    });
  }

  /** The unsubscribe link's work: false when the link is not genuine. Idempotent. */
  async unsubscribe(contactId: unknown, token: unknown): Promise<boolean> {
    if (!this.isUnsubscribeLink(contactId, token)) return false;
    await this.db.query('UPDATE media_contact SET unsubscribed_at = now() WHERE id = $1 AND unsubscribed_at IS NULL', [contactId]);
    return true;
  }

  /** Whether an unsubscribe link is genuine (its signature), without acting on it. */
  isUnsubscribeLink(contactId: unknown, token: unknown): contactId is string {
    return typeof contactId === 'string' && isUuid(contactId) && this.links.verify(token, 'unsubscribe', contactId);
  }

  /** The reply a genuine RSVP link gives, without recording it; null when the link is not genuine. */
  rsvpLinkReply(invitationId: unknown, answer: unknown, token: unknown): MediaInvitationReply | null {
    if (typeof invitationId !== 'string' || !isUuid(invitationId) || (answer !== 'yes' && answer !== 'no')) return null;
    if (!this.links.verify(token, 'rsvp', invitationId, answer)) return null;
    return answer === 'yes' ? MediaInvitationReply.ACCEPTED : MediaInvitationReply.DECLINED;
  }

  /** The RSVP link's work: records ACCEPTED or DECLINED on the invitation; null when the link is not genuine or the invitation is gone. */
  async rsvp(invitationId: unknown, answer: unknown, token: unknown): Promise<MediaInvitationReply | null> {
    const reply = this.rsvpLinkReply(invitationId, answer, token);
    if (!reply || typeof invitationId !== 'string') return null;
    const result = await this.db.getRepository(MediaInvitation).update({ id: invitationId }, { reply, repliedAt: new Date() });
    return result.affected ? reply : null;
  }

  deliveriesForRelease(releaseId: string): Promise<MailDelivery[]> {
    return this.db.getRepository(MailDelivery).find({ where: { releaseId }, order: { queuedAt: 'DESC', id: 'ASC' }, take: DELIVERIES_MAX });
  }

  deliveriesForContact(contactId: string): Promise<MailDelivery[]> {
    return this.db.getRepository(MailDelivery).find({ where: { contactId }, order: { queuedAt: 'DESC', id: 'ASC' }, take: DELIVERIES_MAX });
  }
}
