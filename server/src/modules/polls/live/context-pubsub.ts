import { type PubSub } from 'type-graphql';

/**
 * type-graphql requires a PubSub once the schema has a subscription, even when every subscription
 * brings its own `subscribe` function, as ours do. The schema is built once per process but events
 * belong to one app (tests run several apps in one process), so a subscription finds its source
 * through the request context (`ctx.services.pollLive`) instead. This PubSub refuses to be used.
 */
export const contextScopedPubSub: PubSub = {
  publish() {
    throw new Error("Publish through the app's services (PollEvents), not the schema PubSub.");
  },
  subscribe() {
    throw new Error('Give @Subscription a `subscribe` function that reads its source from the context.');
  },
};
