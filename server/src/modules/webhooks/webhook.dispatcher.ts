import { type DataSource } from 'typeorm';
import { type Logger } from '../../logger';
import { DELIVERY_TIMEOUT_MS, sendDelivery, type AttemptOutcome } from './webhook-sender';
import { MAX_ATTEMPTS, retryDelayMs } from './webhook-retry';
import { type WebhookUrlPolicy } from './webhook-url';
import { WebhookDeliveryStatus } from './webhook.enums';
import { webhookBody, type WebhookEnvelope } from './webhook.payloads';

export interface DispatcherSettings extends WebhookUrlPolicy {
  /** How often each instance looks for due deliveries (and runs `everyInterval`). */
  intervalMs: number;
  /** The first retry waits this long; later ones longer (webhook-retry.ts). */
  retryBaseMs: number;
}

/** Deliveries one instance sends at once. */
const MAX_IN_FLIGHT = 16;
/**
 * A claimed delivery is not due again for this long: if the instance that claimed it dies before
 * recording the outcome, another instance retries it then. Well above the 5 s request limit.
 */
const LEASE_SECONDS = Math.max(60, (DELIVERY_TIMEOUT_MS / 1000) * 6);
/** Delivered and failed deliveries are kept this long, then deleted (hourly). */
export const DELIVERY_RETENTION_DAYS = 90;
const CLEANUP_EVERY_MS = 3_600_000;

interface Claimed {
  id: string;
  event_type: string;
  payload: WebhookEnvelope;
  attempts: number;
  max_attempts: number;
  url: string;
  secret: string;
  disabled: boolean;
}

/**
 * Sends due deliveries. Any number of server instances run one each: a delivery is claimed with
 * FOR UPDATE SKIP LOCKED and leased (its next_attempt_at moved past the request's limit) in one
 * statement, sent outside any transaction, and its outcome recorded. An instance wakes at once for
 * what it emitted itself (after commit), at each retry it scheduled, and every `intervalMs` for
 * the rest (other instances' events, leases that ran out).
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private cycling: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private lastInterval = 0;
  private lastCleanup = 0;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: DataSource,
    private readonly log: Logger,
    private readonly settings: DispatcherSettings,
    /** Work done once per interval before dispatching (the scheduled-poll scan). */
    private readonly everyInterval: () => Promise<unknown>,
  ) {}

  /** Runs the first scan and claim (not the sends) before resolving, then keeps going on its timer. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    await this.cycle();
  }

  /** Stops the timer and waits for the deliveries in flight, so their outcomes are recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    await this.cycling;
    await Promise.all([...this.inFlight]);
  }

  /** Looks for due deliveries in `delayMs` (now by default), sooner than the interval would. */
  wake(delayMs = 0): void {
    this.schedule(Date.now() + Math.max(0, delayMs));
  }

  private schedule(at: number): void {
    if (this.stopped || at >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Number.POSITIVE_INFINITY;
        void this.cycle();
      },
      Math.max(0, at - Date.now()),
    );
    this.timer.unref();
  }

  private cycle(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.cycling) {
      this.again = true;
      return this.cycling;
    }
    this.cycling = (async () => {
      try {
        do {
          this.again = false;
          const now = Date.now();
          if (now - this.lastInterval >= this.settings.intervalMs) {
            this.lastInterval = now;
            await this.everyInterval().catch((err) => this.log.error({ err }, 'webhooks: scheduled poll scan failed; will retry'));
          }
          if (now - this.lastCleanup >= CLEANUP_EVERY_MS) {
            this.lastCleanup = now;
            await this.cleanup().catch((err) => this.log.error({ err }, 'webhooks: deleting old deliveries failed; will retry'));
          }
          await this.claimAndSend().catch((err) => this.log.error({ err }, 'webhooks: claiming deliveries failed; will retry'));
        } while (this.again && !this.stopped);
      } finally {
        this.cycling = undefined;
        this.schedule(Date.now() + this.settings.intervalMs);
      }
    })();
    return this.cycling;
  }

  private async claimAndSend(): Promise<void> {
    const room = MAX_IN_FLIGHT - this.inFlight.size;
    if (room <= 0) return;
    const [claimed] = (await this.db.query(
      `WITH due AS (
         SELECT id FROM webhook_delivery
         WHERE status = 'PENDING' AND next_attempt_at <= now()
         ORDER BY next_attempt_at
         LIMIT $1
         FOR UPDATE SKIP LOCKED
       )
       UPDATE webhook_delivery d
       SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
       FROM due, webhook w
       WHERE d.id = due.id AND w.id = d.webhook_id
       RETURNING d.id, d.event_type, d.payload, d.attempts, d.max_attempts, w.url, w.signing_secret AS secret, w.disabled_at IS NOT NULL AS disabled`,
      [room, LEASE_SECONDS],
    )) as [Claimed[], number];
    for (const delivery of claimed) {
      const sending: Promise<void> = this.deliver(delivery)
        .catch((err) =>
          this.log.error({ err, deliveryId: delivery.id }, 'webhooks: recording a delivery failed; it is retried when its lease ends'),
        )
        .finally(() => {
          this.inFlight.delete(sending);
          // A full batch may have left more behind.
          if (claimed.length === room) this.wake();
        });
      this.inFlight.add(sending);
    }
  }

  private async deliver(d: Claimed): Promise<void> {
    if (d.disabled) {
      // Disabling fails what is pending; this one was queued while that happened.
      await this.db.query(
        `UPDATE webhook_delivery SET status = 'FAILED', next_attempt_at = NULL, attempts = attempts - 1, last_error = 'not sent: the webhook is disabled'
         WHERE id = $1 AND attempts = $2 AND status = 'PENDING'`,
        [d.id, d.attempts],
      );
      return;
    }
    const attemptedAt = new Date();
    const outcome = await sendDelivery(
      { url: d.url, secret: d.secret, deliveryId: d.id, eventType: d.event_type, body: webhookBody(d.id, d.payload) },
      this.settings,
    );
    await this.record(d, attemptedAt, outcome);
  }

  private async record(d: Claimed, attemptedAt: Date, outcome: AttemptOutcome): Promise<void> {
    const delivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    // The attempt's number within its round of MAX_ATTEMPTS (a redelivery starts a new round).
    const round = d.attempts - (d.max_attempts - MAX_ATTEMPTS);
    const delay = delivered || d.attempts >= d.max_attempts ? null : retryDelayMs(round, this.settings.retryBaseMs);
    const status = delivered
      ? WebhookDeliveryStatus.DELIVERED
      : delay === null
        ? WebhookDeliveryStatus.FAILED
        : WebhookDeliveryStatus.PENDING;
    await this.db.query(
      `WITH attempt AS (
         INSERT INTO webhook_delivery_attempt (delivery_id, number, attempted_at, duration_ms, status_code, error)
         SELECT $1::uuid, $2::int, $3::timestamptz, $4::int, $5::smallint, $6::varchar
         WHERE EXISTS (SELECT 1 FROM webhook_delivery WHERE id = $1::uuid)
         ON CONFLICT DO NOTHING
       )
       UPDATE webhook_delivery
       SET status = $7::webhook_delivery_status,
           next_attempt_at = CASE WHEN $7::webhook_delivery_status = 'PENDING' THEN now() + $8::int * interval '1 millisecond' END,
           last_status_code = $5::smallint,
           last_error = $6::varchar,
           delivered_at = CASE WHEN $7::webhook_delivery_status = 'DELIVERED' THEN now() END
       WHERE id = $1::uuid AND attempts = $2::int AND status = 'PENDING'`,
      [d.id, d.attempts, attemptedAt, outcome.durationMs, outcome.statusCode, outcome.error, status, delay ?? 0],
    );
    if (delay !== null) this.wake(delay);
  }

  private async cleanup(): Promise<void> {
    await this.db.query(`DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND created_at < now() - make_interval(days => $1)`, [
      DELIVERY_RETENTION_DAYS,
    ]);
  }
}
