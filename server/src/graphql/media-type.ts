import Negotiator from 'negotiator';

/** The media types Apollo Server answers a single GraphQL result with (its MEDIA_TYPES), in its order of preference. */
export const JSON_RESPONSE = 'application/json; charset=utf-8';
const OFFERED = [JSON_RESPONSE, 'application/graphql-response+json; charset=utf-8', 'application/json; callbackSpec=1.0; charset=utf-8'];

/**
 * The media type a GraphQL response to this Accept header will have, as Apollo Server chooses it;
 * null when the header accepts none of them. Apollo Server finds that out only after running the
 * operation (a mutation would be stored and then answered 406), so the app asks first.
 */
export function graphqlResponseMediaType(accept: string | undefined): string | null {
  if (!accept) return JSON_RESPONSE;
  // Asked on every GraphQL request; negotiating costs 3–6 µs, and clients send a few Accept values.
  let chosen = chosenFor.get(accept);
  if (chosen === undefined) {
    chosen = new Negotiator({ headers: { accept } }).mediaType(OFFERED) ?? null;
    if (chosenFor.size >= MEMO_MAX) chosenFor.clear();
    chosenFor.set(accept, chosen);
  }
  return chosen;
}

const MEMO_MAX = 256;
const chosenFor = new Map<string, string | null>();
