import { In, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { decodeCursor, malformedCursor, type Page, toPage } from '../../common/pagination';
import { lockById } from '../../db/lock-by-id';
import { type Logger } from '../../logger';
import { pollTransitionsSince, type PollTransition } from '../polls/poll-schedule';
import { effectiveStatus } from '../polls/poll-status';
import { PollStatus, type PollState } from '../polls/poll.enums';
import { type AuditService } from '../staff/audit.service';
import { type Actor } from '../staff/staff.policy';
import { WebhookDispatcher, type DispatcherSettings } from './webhook.dispatcher';
import { Webhook, WEBHOOK_DESCRIPTION_MAX, WebhookDelivery, WebhookDeliveryAttempt } from './webhook.entity';
import { WEBHOOK_EVENT_TYPES, WebhookDeliveryStatus, WebhookEventType } from './webhook.enums';
import { MAX_ATTEMPTS } from './webhook-retry';
import { newSigningSecret } from './webhook-signature';
import { validateWebhookUrl, type ResolveAll, resolveAll } from './webhook-url';
import { webhookEnvelope, type PollWebhookSubject, type WebhookSubjects } from './webhook.payloads';

export interface WebhookSettings extends DispatcherSettings {
  /** The public website's base URL, for the page addresses in payloads. */
  siteUrl: string;
}

/** Webhooks are few and hand-registered: a plain list, at most this long. */
export const MAX_WEBHOOKS = 100;
/** Scheduled openings and closings older than this are not announced (e.g. after long downtime). */
const POLL_SCAN_LOOKBACK_DAYS = 7;
const POLL_SCAN_BATCH = 100;
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

export interface CreateWebhookFields {
  url: string;
  events: WebhookEventType[];
  description?: string | null;
}

export interface UpdateWebhookFields {
  id: string;
  events?: WebhookEventType[] | null;
  description?: string | null;
  disabled?: boolean | null;
}

/** A poll as the announcements need it. */
type AnnouncedPoll = PollWebhookSubject & { state: PollState; closedAt?: Date | null };

/** What the audit log keeps of a webhook: never its secret. */
const audited = (w: Webhook) => ({ id: w.id, url: w.url, events: w.events, description: w.description, disabledAt: w.disabledAt });

function cleanDescription(description: string | null | undefined): string | null {
  const text = description?.trim() ?? '';
  if (text.length > WEBHOOK_DESCRIPTION_MAX)
    throw badInput(`The description is longer than ${WEBHOOK_DESCRIPTION_MAX} characters.`, 'input.description');
  return text || null;
}

function cleanEvents(events: WebhookEventType[]): WebhookEventType[] {
  const unique = [...new Set(events)];
  if (!unique.length) throw badInput('Choose at least one event to subscribe to.', 'input.events');
  if (unique.some((e) => !WEBHOOK_EVENT_TYPES.includes(e))) throw badInput('Unknown event type.', 'input.events');
  return unique;
}

/**
 * Partner webhooks: registration (admins), the outbox (`emit`, called inside the transaction of the
 * change it announces), scheduled poll announcements, the delivery log and redelivery. Sending is
 * the dispatcher's job.
 */
export class WebhookService {
  private readonly dispatcher: WebhookDispatcher;
  /** Transactions that queued deliveries: the dispatcher is woken when they commit. */
  private readonly queued = new WeakSet<QueryRunner>();

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    log: Logger,
    private readonly settings: WebhookSettings,
    private readonly resolve: ResolveAll = resolveAll,
  ) {
    this.dispatcher = new WebhookDispatcher(db, log, settings, () => this.scanPolls());
    db.subscribers.push({
      afterTransactionCommit: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive && this.queued.delete(queryRunner)) this.dispatcher.wake();
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) this.queued.delete(queryRunner);
      },
    });
  }

  start(): Promise<void> {
    return this.dispatcher.start();
  }

  /** Stops sending; deliveries in flight finish (at most 5 s) and are recorded. */
  stop(): Promise<void> {
    return this.dispatcher.stop();
  }

  /**
   * Queues `type` for every enabled webhook subscribed to it, inside the caller's transaction: if
   * that rolls back, nothing is sent. `subject` carries public fields only (webhook.payloads.ts
   * picks them). Returns how many deliveries were queued.
   */
  async emit<T extends WebhookEventType>(
    manager: EntityManager,
    type: T,
    subject: WebhookSubjects[T],
    occurredAt: Date = new Date(),
  ): Promise<number> {
    const envelope = webhookEnvelope(type, subject, this.settings.siteUrl, occurredAt);
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO webhook_delivery (webhook_id, event_type, payload, max_attempts, next_attempt_at)
       SELECT w.id, $1::webhook_event_type, $2::jsonb, $3, now() FROM webhook w
       WHERE w.disabled_at IS NULL AND $1::webhook_event_type = ANY (w.events)
       RETURNING id`,
      [type, JSON.stringify(envelope), MAX_ATTEMPTS],
    );
    if (rows.length) this.wakeAfterCommit(manager);
    return rows.length;
  }

  /** Called by PollService.publish in its transaction: a poll that is open now has opened. A scheduled one is announced when it opens. */
  async pollPublished(manager: EntityManager, poll: AnnouncedPoll): Promise<void> {
    if (effectiveStatus(poll) === PollStatus.OPEN) await this.announcePoll(manager, WebhookEventType.POLL_OPENED, poll, new Date());
  }

  /** Called by PollService.close in its transaction. */
  async pollClosed(manager: EntityManager, poll: AnnouncedPoll): Promise<void> {
    await this.announcePoll(manager, WebhookEventType.POLL_CLOSED, poll, poll.closedAt ?? new Date());
  }

  /** Announces a poll's opening or closing unless some instance already has (webhook_poll_notice). */
  private async announcePoll(
    manager: EntityManager,
    type: typeof WebhookEventType.POLL_OPENED | typeof WebhookEventType.POLL_CLOSED,
    poll: PollWebhookSubject,
    at: Date,
  ): Promise<void> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO webhook_poll_notice (poll_id, type, occurred_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING poll_id`,
      [poll.id, type, at],
    );
    if (inserted.length) await this.emit(manager, type, poll, at);
  }

  /**
   * Announces the published polls whose scheduled opening or closing has passed and that nobody
   * announced yet (the polls module says which came; the notices are this module's). The unique
   * (poll, type) notice makes it exactly once however many instances scan at the same moment: the
   * losers' inserts do nothing and so they emit nothing.
   */
  async scanPolls(): Promise<number> {
    const came = await pollTransitionsSince(this.db, new Date(Date.now() - POLL_SCAN_LOOKBACK_DAYS * 86_400_000));
    if (!came.length) return 0;
    const typeOf = (t: PollTransition) => (t.type === 'OPENED' ? WebhookEventType.POLL_OPENED : WebhookEventType.POLL_CLOSED);
    const announced: Array<{ poll_id: string; type: WebhookEventType }> = await this.db.query(
      'SELECT poll_id, type FROM webhook_poll_notice WHERE poll_id = ANY($1::uuid[])',
      [[...new Set(came.map((t) => t.poll.id))]],
    );
    const seen = new Set(announced.map((n) => `${n.poll_id} ${n.type}`));
    const due = came.filter((t) => !seen.has(`${t.poll.id} ${typeOf(t)}`)).slice(0, POLL_SCAN_BATCH);
    if (!due.length) return 0;
    return this.db.transaction(async (m) => {
      const won: Array<{ poll_id: string; type: WebhookEventType }> = await m.query(
        `INSERT INTO webhook_poll_notice (poll_id, type, occurred_at)
         SELECT * FROM unnest($1::uuid[], $2::webhook_event_type[], $3::timestamptz[])
         ON CONFLICT DO NOTHING
         RETURNING poll_id, type`,
        [due.map((d) => d.poll.id), due.map(typeOf), due.map((d) => d.at)],
      );
      const wonKeys = new Set(won.map((w) => `${w.poll_id} ${w.type}`));
      // In the order they happened: a poll that opened and closed while no instance ran opens first.
      for (const t of due) {
        if (wonKeys.has(`${t.poll.id} ${typeOf(t)}`)) await this.emit(m, typeOf(t) as typeof WebhookEventType.POLL_OPENED, t.poll, t.at);
      }
      return won.length;
    });
  }

  list(): Promise<Webhook[]> {
    return this.db.getRepository(Webhook).find({ order: { createdAt: 'DESC', id: 'DESC' } });
  }

  async create(actor: Actor, fields: CreateWebhookFields): Promise<{ webhook: Webhook; signingSecret: string }> {
    const events = cleanEvents(fields.events);
    const description = cleanDescription(fields.description);
    const url = await validateWebhookUrl(fields.url, this.settings, this.resolve);
    const signingSecret = newSigningSecret();
    const webhook = await this.db.transaction(async (m) => {
      // Serialises creations, so the limit holds under concurrent requests.
      await m.query('LOCK TABLE webhook IN SHARE ROW EXCLUSIVE MODE');
      const [{ count }] = await m.query('SELECT count(*)::int AS count FROM webhook');
      if (count >= MAX_WEBHOOKS)
        throw badInput(`There are already ${MAX_WEBHOOKS} webhooks, the most allowed: delete one first.`, 'input.url');
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(Webhook)
        .values({ url, events, description, signingSecret, createdById: actor.userId })
        .returning(['id'])
        .execute();
      const created = await m.findOneByOrFail(Webhook, { id: inserted.identifiers[0].id as string });
      return this.audit.recordCreation(m, actor, 'createWebhook', 'Webhook', created, audited(created));
    });
    return { webhook, signingSecret };
  }

  async update(actor: Actor, fields: UpdateWebhookFields): Promise<Webhook> {
    if (fields.events === null) throw badInput('events cannot be cleared: disable the webhook instead.', 'input.events');
    if (fields.disabled === null) throw badInput('disabled must be true or false.', 'input.disabled');
    const events = fields.events === undefined ? undefined : cleanEvents(fields.events);
    const description = fields.description === undefined ? undefined : cleanDescription(fields.description);
    if (!isUuid(fields.id)) throw notFound('Webhook');
    return this.db.transaction(async (m) => {
      const before = await lockById(m, Webhook, fields.id, 'Webhook');
      const changes: Partial<Webhook> = {};
      if (events) changes.events = events;
      if (description !== undefined) changes.description = description;
      if (fields.disabled === true && !before.disabledAt) changes.disabledAt = new Date();
      if (fields.disabled === false && before.disabledAt) changes.disabledAt = null;
      if (Object.keys(changes).length) await m.update(Webhook, { id: before.id }, changes);
      if (changes.disabledAt) {
        // A disabled webhook is sent nothing: what was waiting fails now (and can be redelivered later).
        await m.query(
          `UPDATE webhook_delivery SET status = 'FAILED', next_attempt_at = NULL, last_error = 'not sent: the webhook was disabled' WHERE webhook_id = $1 AND status = 'PENDING'`,
          [before.id],
        );
      }
      const after = await m.findOneByOrFail(Webhook, { id: before.id });
      await this.audit.recordBy(m, actor, {
        action: 'updateWebhook',
        entityType: 'Webhook',
        entityId: before.id,
        before: audited(before),
        after: audited(after),
      });
      return after;
    });
  }

  /** Deletes the webhook and its delivery log. */
  async delete(actor: Actor, id: string): Promise<string> {
    if (!isUuid(id)) throw notFound('Webhook');
    return this.db.transaction(async (m) => {
      const before = await lockById(m, Webhook, id, 'Webhook');
      await m.delete(Webhook, { id });
      await this.audit.recordBy(m, actor, {
        action: 'deleteWebhook',
        entityType: 'Webhook',
        entityId: id,
        before: audited(before),
      });
      return id;
    });
  }

  /** A webhook's delivery log, newest first, with each delivery's attempts. */
  async deliveries(
    webhookId: string,
    args: { first: number; after?: string | null; status?: WebhookDeliveryStatus | null },
  ): Promise<Page<WebhookDelivery>> {
    if (!isUuid(webhookId) || !(await this.db.getRepository(Webhook).existsBy({ id: webhookId }))) throw notFound('Webhook');
    const qb = this.db.getRepository(WebhookDelivery).createQueryBuilder('d').where('d.webhook_id = :webhookId', { webhookId });
    if (args.status) qb.andWhere('d.status = :status', { status: args.status });
    const totalCount = await qb.getCount();
    if (args.after) {
      const [at, id] = decodeCursor(args.after, ['string', 'string']) as [string, string];
      if (!isUuid(id) || !CURSOR_TIME.test(at)) throw malformedCursor();
      qb.andWhere('(d.created_at, d.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', { at, id });
    }
    // The cursor keeps PostgreSQL's microseconds (a JavaScript Date would round them off and skip rows).
    const { entities, raw } = await qb
      .addSelect('d.created_at::text', 'cursor_at')
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .take(args.first + 1)
      .getRawAndEntities<{ cursor_at: string; d_id: string }>();
    const cursorAt = new Map(raw.map((r) => [r.d_id, r.cursor_at]));
    await this.attachAttempts(entities);
    return toPage(entities, args.first, totalCount, (d) => [cursorAt.get(d.id)!, d.id]);
  }

  /**
   * Sends a delivered or failed delivery again, with the same delivery id (a receiver that already
   * handled it can tell) and a fresh round of attempts.
   */
  async redeliver(actor: Actor, id: string): Promise<WebhookDelivery> {
    if (!isUuid(id)) throw notFound('Webhook delivery');
    const delivery = await this.db.transaction(async (m) => {
      const before = await lockById(m, WebhookDelivery, id, 'Webhook delivery');
      if (before.status === WebhookDeliveryStatus.PENDING)
        throw badInput('The delivery is already queued: it is sent at nextAttemptAt.', 'input.id');
      const webhook = await m.findOneByOrFail(Webhook, { id: before.webhookId });
      if (webhook.disabledAt) throw badInput('The webhook is disabled: enable it first (updateWebhook with disabled: false).', 'input.id');
      await m.query(
        `UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = now(), delivered_at = NULL, max_attempts = attempts + $2 WHERE id = $1`,
        [id, MAX_ATTEMPTS],
      );
      const after = await m.findOneByOrFail(WebhookDelivery, { id });
      const summary = (d: WebhookDelivery) => ({
        id: d.id,
        webhookId: d.webhookId,
        eventType: d.eventType,
        status: d.status,
        attempts: d.attempts,
        maxAttempts: d.maxAttempts,
      });
      await this.audit.recordBy(m, actor, {
        action: 'redeliverWebhookDelivery',
        entityType: 'WebhookDelivery',
        entityId: id,
        before: summary(before),
        after: summary(after),
      });
      this.wakeAfterCommit(m);
      return after;
    });
    await this.attachAttempts([delivery]);
    return delivery;
  }

  private async attachAttempts(deliveries: WebhookDelivery[]): Promise<void> {
    if (!deliveries.length) return;
    const attempts = await this.db
      .getRepository(WebhookDeliveryAttempt)
      .find({ where: { deliveryId: In(deliveries.map((d) => d.id)) }, order: { number: 'ASC' } });
    for (const d of deliveries) d.attemptLog = attempts.filter((a) => a.deliveryId === d.id);
  }

  private wakeAfterCommit(manager: EntityManager): void {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.queued.add(runner);
    else this.dispatcher.wake();
  }
}
