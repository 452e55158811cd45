import { type EnumValue, graphqlEnum } from '../../common/graphql-enum';

/** What a partner can subscribe to. Adding one is an API change: document it in docs/webhooks.md. */
export const WebhookEventType = graphqlEnum(
  'WebhookEventType',
  'Something that happened, of which webhooks are told (docs/webhooks.md shows each payload).',
  {
    POLL_OPENED: 'A poll started taking answers: when published, or at its scheduled opening time.',
    POLL_CLOSED: 'A poll stopped taking answers: closed by staff, or at its scheduled closing time.',
    PRESS_RELEASE_PUBLISHED: 'A press release was published as public news.',
    EVENT_PUBLISHED: 'An event was published on the public calendar.',
  },
);
export type WebhookEventType = EnumValue<typeof WebhookEventType>;

export const WEBHOOK_EVENT_TYPES = Object.values(WebhookEventType);

export const WebhookDeliveryStatus = graphqlEnum('WebhookDeliveryStatus', 'Where a delivery stands.', {
  PENDING: 'Waiting for its first attempt or for a retry (`nextAttemptAt`).',
  DELIVERED: 'The receiver answered with a 2xx status.',
  FAILED: 'Every attempt failed, or the webhook was disabled before it succeeded; `redeliverWebhookDelivery` tries again.',
});
export type WebhookDeliveryStatus = EnumValue<typeof WebhookDeliveryStatus>;
