/**
 * Per-address limits on page views, so that one machine cannot inflate the public counters by
 * sending beacons with a new user agent each time (every user agent is a new visitor key):
 *
 * - at most `beaconsPerMinute` page views per address group a minute (a fixed window);
 * - at most `visitorsPerDay` visitors per address group a day: page views of further user agents
 *   from that address count, but as one more visitor of the address (its overflow key).
 *
 * Kept in this instance's memory, keyed by a hash of the address under the day's salt (see
 * AnalyticsService): behind a load balancer that spreads one address over k instances the caps are
 * k times as high. Bounded: beyond `maxAddresses` tracked addresses in a window or a day, further
 * addresses pass uncounted by the limits (the limits are against one machine, not a botnet).
 */
export interface AddressLimitSettings {
  beaconsPerMinute: number;
  visitorsPerDay: number;
  maxAddresses?: number;
}

const DEFAULT_MAX_ADDRESSES = 200_000;
const MINUTE_MS = 60_000;

export class AddressLimits {
  private window = -1;
  private readonly beacons = new Map<string, number>();
  private day = '';
  private readonly visitors = new Map<string, Set<string>>();
  private readonly maxAddresses: number;

  constructor(private readonly settings: AddressLimitSettings) {
    this.maxAddresses = settings.maxAddresses ?? DEFAULT_MAX_ADDRESSES;
  }

  /** Spends one beacon of the address's minute; returns the seconds to wait when none is left, else 0. */
  admit(addressKey: string, nowMs: number): number {
    const window = Math.floor(nowMs / MINUTE_MS);
    if (window !== this.window) {
      this.window = window;
      this.beacons.clear();
    }
    const sent = this.beacons.get(addressKey) ?? 0;
    if (sent >= this.settings.beaconsPerMinute) return Math.max(1, Math.ceil(((window + 1) * MINUTE_MS - nowMs) / 1000));
    if (sent > 0 || this.beacons.size < this.maxAddresses) this.beacons.set(addressKey, sent + 1);
    return 0;
  }

  /** The visitor key to count for this page view: `visitorKey`, or `overflowKey` once the address has had its visitors today. */
  visitor(addressKey: string, day: string, visitorKey: string, overflowKey: string): string {
    if (day !== this.day) {
      this.day = day;
      this.visitors.clear();
    }
    let seen = this.visitors.get(addressKey);
    if (!seen) {
      if (this.visitors.size >= this.maxAddresses) return visitorKey;
      seen = new Set();
      this.visitors.set(addressKey, seen);
    }
    if (seen.has(visitorKey)) return visitorKey;
    if (seen.size >= this.settings.visitorsPerDay) return overflowKey;
    seen.add(visitorKey);
    return visitorKey;
  }
}
