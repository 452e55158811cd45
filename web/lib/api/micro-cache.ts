/**
 * A few seconds of memory for the API's public answers. Fifty readers on the same pages then
 * cost the API one query per page every few seconds instead of one per view, and the pages answer
 * sooner. Only what is the same for every reader is kept: a request that carries a visitor's
 * cookie (their respondent token) is never cached, nor a mutation, nor an error. Identical
 * requests in flight at the same time share one call.
 */
export class MicroCache {
  private readonly entries = new Map<string, { expires: number; status: number; body: string; contentType: string }>();
  private readonly inFlight = new Map<string, Promise<Response>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  async fetch(fetcher: typeof fetch, input: RequestInfo | URL, init: RequestInit | undefined): Promise<Response> {
    const key = this.keyOf(init);
    if (!key) return fetcher(input, init);

    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now()) return this.response(hit);

    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.load(fetcher, input, init, key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return (await pending).clone();
  }

  private async load(fetcher: typeof fetch, input: RequestInfo | URL, init: RequestInit | undefined, key: string): Promise<Response> {
    // Shared by every caller waiting for it: one caller going away must not abort it for the others.
    const response = await fetcher(input, { ...init, signal: undefined });
    const body = await response.text();
    const contentType = response.headers.get('content-type') ?? 'application/json';
    const entry = { expires: Date.now() + this.ttlMs, status: response.status, body, contentType };
    // Keep only clean answers: an error may be passing, and must not be served for seconds.
    if (response.ok && !body.includes('"errors"')) {
      if (this.entries.size >= this.maxEntries) this.evict();
      this.entries.set(key, entry);
    }
    return this.response(entry);
  }

  private response(entry: { status: number; body: string; contentType: string }): Response {
    return new Response(entry.body, { status: entry.status, headers: { 'content-type': entry.contentType } });
  }

  /** The cache key of a public query, or null when the request must go to the API. */
  private keyOf(init: RequestInit | undefined): string | null {
    if (this.ttlMs <= 0 || !init || (init.method ?? 'GET').toUpperCase() !== 'POST' || typeof init.body !== 'string') return null;
    const headers = new Headers(init.headers);
    if (headers.has('cookie') || headers.has('authorization')) return null;
    // Queries only (Apollo sends `"query":"query Name(…)"`); never a mutation.
    if (!/"query":"(query\b|\{)/.test(init.body)) return null;
    return init.body;
  }

  private evict(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
    // Still full: drop the oldest (Map keeps insertion order).
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
