import autocannon from 'autocannon';
import path from 'node:path';
import { mainThreadCpuMs } from './cpu';

const NEXT_BODY = path.resolve(__dirname, 'next-body.cjs');
const EXPECT_BODY = path.resolve(__dirname, 'expect-body.cjs');

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
  /**
   * A JSON-lines file of bodies: each request takes the next one (bench/lib/next-body.cjs), for
   * loads where no body may be sent twice. Overrides `body`.
   */
  bodiesFile?: string;
  /** Send this many requests and stop (instead of `durationSeconds`). */
  amount?: number;
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
  /**
   * CPU time this process's main thread used during the run, ms (bench/lib/cpu.ts): the server's
   * own cost when the server runs in this process; meaningless for a server elsewhere.
   */
  mainThreadCpuMs?: number;
}

/**
 * Loads `url` with autocannon for a fixed time. The load comes from one worker thread, so it does
 * not share the event loop of a server started in this process.
 */
export async function load(url: string, options: LoadOptions = {}): Promise<LoadResult> {
  const body = options.body === undefined || typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  // autocannon's worker thread takes its environment from this process when it starts.
  if (options.bodiesFile) {
    process.env.BENCH_BODIES_FILE = options.bodiesFile;
    if (options.expectBody !== undefined) process.env.BENCH_EXPECT_BODY = options.expectBody;
    delete process.env.BENCH_EXPECT_PREFIX;
  }
  const cpuBefore = mainThreadCpuMs();
  const result = await autocannon({
    url,
    method: options.method ?? 'POST',
    headers: options.headers,
    body,
    connections: options.connections ?? 10,
    pipelining: 1,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds ?? 5 }),
    timeout: 10,
    workers: 1,
    // autocannon refuses expectBody beside `requests`: the same check as a verifyBody module.
    ...(options.bodiesFile
      ? { requests: [{ setupRequest: NEXT_BODY }], ...(options.expectBody !== undefined ? { verifyBody: EXPECT_BODY } : {}) }
      : { expectBody: options.expectBody }),
  });
  const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
  return {
    // A run of a fixed number of requests: completed ÷ its length (its last second is a fraction, which the per-second mean would count as a whole).
    requestsPerSecond: options.amount ? round(result.requests.total / result.duration, 1) : round(result.requests.mean, 1),
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
    mainThreadCpuMs: Math.round(mainThreadCpuMs() - cpuBefore),
  };
}
