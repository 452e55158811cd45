import { registerEnumType } from 'type-graphql';

/** What a partner can subscribe to. Adding one is an API change: document it in docs/webhooks.md. */
export enum WebhookEventType {
  POLL_OPENED = 'POLL_OPENED',
  POLL_CLOSED = 'POLL_CLOSED',
  PRESS_RELEASE_PUBLISHED = 'PRESS_RELEASE_PUBLISHED',
  EVENT_PUBLISHED = 'EVENT_PUBLISHED',
}
registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'Something that happened, of which webhooks are told (docs/webhooks.md shows each payload).',
  valuesConfig: {
    POLL_OPENED: { description: 'A poll started taking answers: when published, or at its scheduled opening time.' },
    POLL_CLOSED: { description: 'A poll stopped taking answers: closed by staff, or at its scheduled closing time.' },
    PRESS_RELEASE_PUBLISHED: { description: 'A press release was published as public news.' },
    EVENT_PUBLISHED: { description: 'An event was published on the public calendar.' },
  },
});

export const WEBHOOK_EVENT_TYPES = Object.values(WebhookEventType);

/** The event names as plain strings, so other modules may write `'EVENT_PUBLISHED'`. */
export type WebhookEventName = `${WebhookEventType}`;

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for its first attempt or for a retry (`nextAttemptAt`).' },
    DELIVERED: { description: 'The receiver answered with a 2xx status.' },
    FAILED: {
      description: 'Every attempt failed, or the webhook was disabled before it succeeded; `redeliverWebhookDelivery` tries again.',
    },
  },
});
