import autocannon from 'autocannon';

export interface LoadOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Concurrent keep-alive connections (default 10). */
  connections?: number;
  /** Seconds of load (default 5). */
  durationSeconds?: number;
  /** When set, every response body must equal it; the others count as `mismatches`. */
  expectBody?: string;
}

export interface LoadResult {
  /** Mean of the per-second samples of completed requests. */
  requestsPerSecond: number;
  /** Response time percentiles, milliseconds (autocannon's resolution is 1 ms: 0 means under 1 ms). */
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  /** Responses whose status was not 2xx. */
  non2xx: number;
  /** Responses whose body differed from `expectBody`. */
  mismatches: number;
  /** Completed requests. */
  total: number;
  durationSeconds: number;
}

/**
 * Loads `url` with autocannon for a fixed time. The load comes from one worker thread, so it does
 * not share the event loop of a server started in this process.
 */
export async function load(url: string, options: LoadOptions = {}): Promise<LoadResult> {
  const body = options.body === undefined || typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const result = await autocannon({
    url,
    method: options.method ?? 'POST',
    headers: options.headers,
    body,
    connections: options.connections ?? 10,
    pipelining: 1,
    duration: options.durationSeconds ?? 5,
    timeout: 10,
    workers: 1,
    expectBody: options.expectBody,
  });
  const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
  return {
    requestsPerSecond: round(result.requests.mean, 1),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      mean: round(result.latency.mean),
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    total: result.requests.total,
    durationSeconds: result.duration,
  };
}
